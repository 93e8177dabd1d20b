package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the beneficiary is asking for; the wire names are part of the public contract. The names
 * people read are {@code category.<wire name>} in functions/messages/labels/ ({@link Labels}).
 */
public enum Category {
    NEW_BENEFICIARY("new_beneficiary"),
    SERVICE("service"),
    INQUIRY("inquiry"),
    SUGGESTION("suggestion"),
    COMPLAINT("complaint");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    String labelKey() {
        return "category." + wireName;
    }

    public static Optional<Category> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
