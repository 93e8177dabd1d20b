package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a request reached the association. The policy names interview, phone, letters, volunteer
 * service, social media and the website; the kiosk is the product's own channel. Only
 * {@link #isPublic() public} channels may be chosen by the submitter; the others are recorded by staff.
 * The names people read are {@code channel.<wire name>} in functions/messages/labels/ ({@link Labels}).
 */
public enum Channel {
    KIOSK("kiosk", true),
    WEB("web", true),
    INTERVIEW("interview", false),
    PHONE("phone", false),
    LETTER("letter", false),
    VOLUNTEER("volunteer", false),
    SOCIAL_MEDIA("social_media", false);

    private final String wireName;
    private final boolean isPublic;

    Channel(String wireName, boolean isPublic) {
        this.wireName = wireName;
        this.isPublic = isPublic;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    String labelKey() {
        return "channel." + wireName;
    }

    public static Optional<Channel> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
