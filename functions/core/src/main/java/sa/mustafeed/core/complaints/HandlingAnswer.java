package sa.mustafeed.core.complaints;

import java.util.Arrays;
import java.util.Optional;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * The complainant's answer to "did the way we handled your complaint satisfy you?" (ISO 10002 §8.6:
 * ask whether the handling satisfied them, separately from whether they liked the decision). The
 * names people read are {@code complaint.rating.<wire name>} in functions/messages/labels/.
 */
public enum HandlingAnswer {
    SATISFIED("satisfied"),
    PARTLY_SATISFIED("partly_satisfied"),
    NOT_SATISFIED("not_satisfied");

    private final String wireName;

    HandlingAnswer(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String labelKey() {
        return "complaint.rating." + wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public static Optional<HandlingAnswer> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
