package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/** The language the beneficiary reads; Arabic first. */
public enum Language {
    AR("ar"),
    EN("en");

    private final String wireName;

    Language(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Language> fromWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(name)).findFirst();
    }
}
