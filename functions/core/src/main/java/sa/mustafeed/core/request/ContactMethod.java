package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the beneficiary wants to hear from the association. The names people read are
 * {@code contact.<wire name>} in functions/messages/labels/ ({@link Labels}).
 */
public enum ContactMethod {
    SMS("sms"),
    EMAIL("email"),
    /** WhatsApp to the mobile number, by the association's approved templates; SMS when it cannot arrive. */
    WHATSAPP("whatsapp"),
    /**
     * An anonymous complaint or suggestion: there is nobody to contact. The sender follows it with
     * the reference and the tracking code; nothing is ever sent.
     */
    NONE("none");

    private final String wireName;

    ContactMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    String labelKey() {
        return "contact." + wireName;
    }

    public static Optional<ContactMethod> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
