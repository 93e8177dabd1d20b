package sa.mustafeed.core.privacy;

/** What logs and lookups may show of personal data: enough to recognise, never enough to use. */
public final class Masking {
    private Masking() {}

    /** {@code +966501234567} → {@code +9665•••••67}. */
    public static String phone(String e164) {
        if (e164 == null || e164.length() < 7) {
            return "•••";
        }
        return e164.substring(0, 5) + "•".repeat(e164.length() - 7) + e164.substring(e164.length() - 2);
    }

    /** {@code someone@example.org} → {@code s•••@example.org}. */
    public static String email(String email) {
        if (email == null) {
            return "•••";
        }
        int at = email.indexOf('@');
        if (at < 1) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }
}
