package sa.mustafeed.core.notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message kind in one language, as a non-programmer writes it: a subject line, an SMS line and
 * an email body, with placeholders in braces ({@code {reference}}, {@code {trackUrl}}…).
 */
public record MessageTemplate(String subject, String sms, String emailText) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /**
     * Reads the file format: {@code subject:} and {@code sms:} lines, a line of three dashes, then the
     * email body. Lines starting with {@code #} are notes for the editor.
     *
     * @throws IllegalArgumentException naming what is missing, so a broken edit fails the build's tests
     */
    public static MessageTemplate parse(String name, String text) {
        String subject = null;
        String sms = null;
        StringBuilder body = null;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (body != null) {
                body.append(line).append('\n');
            } else if (line.startsWith("#") || line.isBlank()) {
                continue;
            } else if (line.startsWith("subject:")) {
                subject = line.substring("subject:".length()).strip();
            } else if (line.startsWith("sms:")) {
                sms = line.substring("sms:".length()).strip();
            } else if (line.strip().equals("---")) {
                body = new StringBuilder();
            } else {
                throw new IllegalArgumentException(name + ": unexpected line before ---: " + line);
            }
        }
        if (subject == null
                || subject.isEmpty()
                || sms == null
                || sms.isEmpty()
                || body == null
                || body.toString().isBlank()) {
            throw new IllegalArgumentException(name + ": needs subject:, sms: and an email body after ---");
        }
        return new MessageTemplate(subject, sms, body.toString().strip());
    }

    /** @throws IllegalArgumentException when the template uses a placeholder that has no value */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
