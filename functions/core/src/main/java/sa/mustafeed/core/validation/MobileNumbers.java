package sa.mustafeed.core.validation;

import java.util.Optional;

/**
 * Turns what people type as a mobile number into E.164. Saudi mobiles come in many local shapes
 * (05XXXXXXXX, 5XXXXXXXX, +9665…, 009665…, 9665…), often with Arabic-Indic digits and spaces;
 * other countries must be written internationally (+ or 00 and the country code).
 */
public final class MobileNumbers {
    private static final int E164_MAX_DIGITS = 15;
    private static final int E164_MIN_DIGITS = 8;

    private MobileNumbers() {}

    public static Optional<String> toE164(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String ascii = Digits.toAscii(typed.strip());
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\u00A0') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        String international;
        if (plus) {
            international = d;
        } else if (d.startsWith("00")) {
            international = d.substring(2);
        } else if (d.length() == 10 && d.startsWith("05")) {
            international = "966" + d.substring(1);
        } else if (d.length() == 9 && d.startsWith("5")) {
            international = "966" + d;
        } else if (d.length() == 12 && d.startsWith("9665")) {
            international = d;
        } else {
            return Optional.empty();
        }
        if (international.startsWith("966")) {
            return isSaudiMobile(international.substring(3)) ? Optional.of("+" + international) : Optional.empty();
        }
        if (international.length() < E164_MIN_DIGITS
                || international.length() > E164_MAX_DIGITS
                || international.charAt(0) == '0') {
            return Optional.empty();
        }
        return Optional.of("+" + international);
    }

    /** Saudi mobile numbers are 5 followed by eight digits (landlines start 1; we only text mobiles). */
    private static boolean isSaudiMobile(String national) {
        return national.length() == 9 && national.charAt(0) == '5' && Digits.allAsciiDigits(national);
    }

    /** The digits a person sees at the end of their number, used to confirm a lookup. */
    public static String lastFour(String e164) {
        return e164.substring(e164.length() - 4);
    }
}
