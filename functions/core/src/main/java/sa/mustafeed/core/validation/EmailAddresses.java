package sa.mustafeed.core.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deliberately plain check: we only need an address SES can send to. Full RFC 5322 parsing
 * accepts forms (quoted locals, comments) that mail providers and SES reject anyway.
 */
public final class EmailAddresses {
    private static final Pattern PLAIN = Pattern.compile(
            "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {}

    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 254) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        if (!PLAIN.matcher(trimmed).matches() || trimmed.contains("..")) {
            return Optional.empty();
        }
        int at = trimmed.indexOf('@');
        return Optional.of(
                trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
