package sa.mustafeed.core.recovery;

import java.util.Arrays;
import java.util.Optional;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * What came of the call back. "Not reached" still closes the follow-up: the employee tried, and the
 * report's follow-up rate measures that someone acted, not that every call got through.
 * The names people read are {@code followup.outcome.<wire name>} in functions/messages/labels/.
 */
public enum FollowUpOutcome {
    REACHED_RESOLVED("reached_resolved"),
    REACHED_NEEDS_MORE("reached_needs_more"),
    NOT_REACHED("not_reached");

    private final String wireName;

    FollowUpOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public String labelKey() {
        return "followup.outcome." + wireName;
    }

    public static Optional<FollowUpOutcome> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
