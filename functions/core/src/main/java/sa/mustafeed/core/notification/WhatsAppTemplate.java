package sa.mustafeed.core.notification;

import java.util.List;

/**
 * A WhatsApp template message as Meta's Cloud API takes it: the approved template's name and
 * language, and the body's parameters in order ({{1}}, {{2}}…).
 */
public record WhatsAppTemplate(String name, String languageCode, List<String> bodyParameters) {
    public WhatsAppTemplate {
        bodyParameters = List.copyOf(bodyParameters);
    }
}
