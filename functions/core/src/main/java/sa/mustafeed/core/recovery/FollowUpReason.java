package sa.mustafeed.core.recovery;

import java.util.Arrays;
import java.util.Optional;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.LocalizedText;

/**
 * Why a survey answer asks for a call back. The employee reads it before calling: an unhappy score
 * calls for an apology and a question, a comment for an answer to it, a request for contact for both.
 * The names people read are {@code followup.reason.<wire name>} in functions/messages/labels/.
 */
public enum FollowUpReason {
    LOW_SCORE("low_score"),
    COMMENT("comment"),
    CONTACT_REQUESTED("contact_requested");

    private final String wireName;

    FollowUpReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    public String labelKey() {
        return "followup.reason." + wireName;
    }

    public static Optional<FollowUpReason> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
