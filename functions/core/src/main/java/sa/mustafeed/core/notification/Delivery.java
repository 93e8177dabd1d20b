package sa.mustafeed.core.notification;

import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * A channel the association can write on. Its name is the contact method's
 * ({@code contact.<wire name>} in functions/messages/labels/): the channel a beneficiary chose is the
 * channel staff see a message went by.
 */
public enum Delivery {
    SMS("sms"),
    EMAIL("email"),
    WHATSAPP("whatsapp");

    private final String wireName;

    Delivery(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public String labelKey() {
        return "contact." + wireName;
    }

    public static java.util.Optional<Delivery> fromWireName(String name) {
        return java.util.Arrays.stream(values())
                .filter(d -> d.wireName.equals(name))
                .findFirst();
    }
}
