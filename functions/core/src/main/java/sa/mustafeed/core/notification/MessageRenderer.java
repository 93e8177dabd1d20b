package sa.mustafeed.core.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.ports.MessageTemplates;
import sa.mustafeed.core.request.Language;

/** Fills a template for one channel; email gets a plain-text and an HTML body with the same words. */
public final class MessageRenderer {
    private final MessageTemplates templates;

    public MessageRenderer(MessageTemplates templates) {
        this.templates = templates;
    }

    public OutgoingMessage render(MessageKind kind, Language language, Delivery channel, Map<String, String> values) {
        MessageTemplate template = templates.get(kind, language);
        String subject = MessageTemplate.fill(template.subject(), values);
        if (channel == Delivery.SMS) {
            return new OutgoingMessage(channel, language, subject, MessageTemplate.fill(template.sms(), values), null);
        }
        String text = MessageTemplate.fill(template.emailText(), values);
        return new OutgoingMessage(channel, language, subject, text, html(subject, text, language));
    }

    /**
     * The WhatsApp template message for a kind: its approved name, the language, and the values of its
     * placeholders in order. Meta refuses a parameter with a line break, a tab or more than four spaces
     * in a row, so each is folded to single spaces, and the longest (a reply) is cut to fit the body.
     */
    public WhatsAppTemplate renderWhatsApp(MessageKind kind, Language language, Map<String, String> values) {
        MessageTemplate template = templates.get(kind, language);
        List<String> parameters = new ArrayList<>();
        for (String name : MessageTemplate.placeholders(template.whatsapp())) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "}");
            }
            String folded = value.replaceAll("\\s+", " ").strip();
            if (folded.length() > MAX_WHATSAPP_PARAMETER) {
                int space = folded.lastIndexOf(' ', MAX_WHATSAPP_PARAMETER - 1);
                folded = folded.substring(0, space > MAX_WHATSAPP_PARAMETER / 2 ? space : MAX_WHATSAPP_PARAMETER - 1)
                        + "…";
            }
            parameters.add(folded);
        }
        return new WhatsAppTemplate(kind.whatsAppTemplateName(), language.wireName(), parameters);
    }

    /** A template body holds 1,024 characters; a reply's words get most of them, the link stays whole. */
    static final int MAX_WHATSAPP_PARAMETER = 700;

    /**
     * Paragraphs from blank lines, every value escaped, links made clickable. The direction is set on
     * the document so Arabic mail clients lay it out right to left.
     */
    static String html(String subject, String text, Language language) {
        String dir = language == Language.AR ? "rtl" : "ltr";
        StringBuilder html = new StringBuilder(text.length() * 2 + 400)
                .append("<!doctype html><html lang=\"")
                .append(language.wireName())
                .append("\" dir=\"")
                .append(dir)
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject))
                .append("</title></head>")
                .append("<body style=\"font-family:Tahoma,Arial,sans-serif;font-size:16px;line-height:1.6;\">");
        for (String paragraph : text.split("\n\\s*\n")) {
            html.append("<p>")
                    .append(linkify(escape(paragraph.strip())).replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String linkify(String escaped) {
        return escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\" dir=\"ltr\">$1</a>");
    }
}
