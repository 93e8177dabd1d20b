package sa.mustafeed.core.notification;

/** A channel the association can write on. */
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

    public static java.util.Optional<Delivery> fromWireName(String name) {
        return java.util.Arrays.stream(values())
                .filter(d -> d.wireName.equals(name))
                .findFirst();
    }
}
