package sa.mustafeed.core.notification;

import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * Where one message stands on one channel: handed to the provider, then delivered or failed. The
 * names staff read are {@code delivery.<wire name>} in functions/messages/labels/.
 */
public enum DeliveryState {
    SENT("sent"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String wireName;

    DeliveryState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public String labelKey() {
        return "delivery." + wireName;
    }

    public boolean isFinal() {
        return this != SENT;
    }

    public static java.util.Optional<DeliveryState> fromWireName(String name) {
        return java.util.Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst();
    }
}
