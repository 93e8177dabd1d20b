package sa.mustafeed.core.complaints;

import java.util.Arrays;
import java.util.Optional;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * What the association decided about a complaint (ISO 10002 §8.4, "responding": the complaint was
 * found justified, in part, or not). The names people read are {@code complaint.result.<wire name>}
 * in functions/messages/labels/, the same words the complainant receives.
 */
public enum OutcomeResult {
    UPHELD("upheld"),
    PARTLY_UPHELD("partly_upheld"),
    NOT_UPHELD("not_upheld");

    private final String wireName;

    OutcomeResult(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String labelKey() {
        return "complaint.result." + wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public static Optional<OutcomeResult> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
