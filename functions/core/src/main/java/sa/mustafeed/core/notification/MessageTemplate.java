package sa.mustafeed.core.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message kind in one language, as a non-programmer writes it: a subject line, an SMS line, the
 * WhatsApp template's body (as approved in Meta's manager) and an email body, with placeholders in
 * braces ({@code {reference}}, {@code {trackUrl}}…).
 */
public record MessageTemplate(String subject, String sms, String whatsapp, String emailText) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /**
     * Reads the file format: {@code subject:}, {@code sms:} and {@code whatsapp:} lines, a line of
     * three dashes, then the email body. Lines starting with {@code #} are notes for the editor.
     *
     * @throws IllegalArgumentException naming what is missing, so a broken edit fails the build's tests
     */
    public static MessageTemplate parse(String name, String text) {
        String subject = null;
        String sms = null;
        String whatsapp = null;
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
            } else if (line.startsWith("whatsapp:")) {
                whatsapp = line.substring("whatsapp:".length()).strip();
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
                || whatsapp == null
                || whatsapp.isEmpty()
                || body == null
                || body.toString().isBlank()) {
            throw new IllegalArgumentException(name + ": needs subject:, sms:, whatsapp: and an email body after ---");
        }
        checkWhatsAppBody(name, whatsapp);
        return new MessageTemplate(subject, sms, whatsapp, body.toString().strip());
    }

    /**
     * Meta refuses a template whose body starts or ends with a parameter or puts two side by side;
     * failing here keeps an edit from reaching the review only to be rejected.
     */
    static void checkWhatsAppBody(String name, String body) {
        if (body.startsWith("{") || body.endsWith("}") || body.matches(".*}\\s*\\{.*")) {
            throw new IllegalArgumentException(
                    name + ": the whatsapp: line may not start or end with a {placeholder}, nor put two side by side");
        }
    }

    /** The placeholders of {@code text} in order of appearance, repeats included: WhatsApp numbers them. */
    public static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The body as submitted for approval in Meta's manager: {@code {{1}}}, {@code {{2}}}… in order. */
    public static String numbered(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("{{" + (++n) + "}}"));
        }
        matcher.appendTail(out);
        return out.toString();
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
