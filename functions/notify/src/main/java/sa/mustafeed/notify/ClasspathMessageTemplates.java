package sa.mustafeed.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.MessageTemplate;
import sa.mustafeed.core.ports.MessageTemplates;
import sa.mustafeed.core.request.Language;

/**
 * Every template from {@code messages/<language>/<kind>.txt} in the jar, read and checked at cold
 * start: a missing or broken file stops the function at init, not at the first beneficiary.
 */
final class ClasspathMessageTemplates implements MessageTemplates {
    private final Map<Language, Map<MessageKind, MessageTemplate>> templates = new EnumMap<>(Language.class);

    ClasspathMessageTemplates() {
        for (Language language : Language.values()) {
            Map<MessageKind, MessageTemplate> byKind = new EnumMap<>(MessageKind.class);
            for (MessageKind kind : MessageKind.values()) {
                String path = "messages/" + language.wireName() + "/" + kind.templateName() + ".txt";
                byKind.put(kind, MessageTemplate.parse(path, read(path)));
            }
            templates.put(language, byKind);
        }
    }

    @Override
    public MessageTemplate get(MessageKind kind, Language language) {
        return templates.get(language).get(kind);
    }

    private static String read(String path) {
        try (InputStream in = ClasspathMessageTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("message template missing from the jar: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
