package sa.mustafeed.core.ports;

import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.MessageTemplate;
import sa.mustafeed.core.request.Language;

/** The editable texts of every message kind in every language; all loaded before the first message. */
public interface MessageTemplates {
    MessageTemplate get(MessageKind kind, Language language);
}
