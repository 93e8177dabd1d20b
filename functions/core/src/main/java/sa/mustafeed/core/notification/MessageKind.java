package sa.mustafeed.core.notification;

import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * Why the association writes to a beneficiary; one template per kind and language. What staff read a
 * message was for is {@code message.<purpose>} in functions/messages/labels/.
 */
public enum MessageKind {
    RECEIVED("received", "received"),
    STATUS_CHANGED("status-changed", "status"),
    WAITING_FOR_BENEFICIARY("waiting-for-beneficiary", "status"),
    COMPLETED("completed", "status"),
    /** Completed, with the link to the satisfaction survey. */
    COMPLETED_WITH_SURVEY("completed-survey", "survey"),
    /** Staff answered the beneficiary publicly (the answer to an inquiry, a question about the request). */
    REPLY("reply", "reply"),
    /** The one-time code that reopens a lookup someone else locked (always SMS, to the phone on file). */
    UNLOCK_CODE("unlock-code", "unlock");

    private final String templateName;
    private final String purpose;

    MessageKind(String templateName, String purpose) {
        this.templateName = templateName;
        this.purpose = purpose;
    }

    /**
     * What staff see a message was for ({@code received}, {@code status}, {@code reply}, {@code survey}):
     * the {@code kind} of a request's {@code deliveries}.
     */
    public String purpose() {
        return purpose;
    }

    /** What the message was for, as staff read it. */
    public LocalizedText purposeLabel() {
        return Labels.shipped().get(purposeLabelKey());
    }

    public String purposeLabelKey() {
        return "message." + purpose;
    }

    /**
     * False for the unlock code: it goes by SMS alone (it proves the phone on file), so no WhatsApp
     * template is submitted for it.
     */
    public boolean sentByWhatsApp() {
        return this != UNLOCK_CODE;
    }

    /** The name of the approved WhatsApp template for this kind (one per language, same name). */
    public String whatsAppTemplateName() {
        return "mustafeed_" + templateName.replace('-', '_');
    }

    public static java.util.Optional<MessageKind> fromTemplateName(String name) {
        return java.util.Arrays.stream(values())
                .filter(k -> k.templateName.equals(name))
                .findFirst();
    }

    /** The file name (without extension) of this kind's template in each language folder. */
    public String templateName() {
        return templateName;
    }
}
