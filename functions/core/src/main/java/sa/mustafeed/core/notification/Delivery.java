package sa.mustafeed.core.notification;

/** A channel the association can write on. */
public enum Delivery {
    SMS("sms"),
    EMAIL("email");

    private final String wireName;

    Delivery(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
