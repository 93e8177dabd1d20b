package sa.mustafeed.core.notification;

/** Where one message stands on one channel: handed to the provider, then delivered or failed. */
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

    public boolean isFinal() {
        return this != SENT;
    }

    public static java.util.Optional<DeliveryState> fromWireName(String name) {
        return java.util.Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst();
    }
}
