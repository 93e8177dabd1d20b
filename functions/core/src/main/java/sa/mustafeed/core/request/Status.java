package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a request stands. The names people read are in functions/messages/labels/ ({@link Labels}):
 * {@code status.<wire name>} as the beneficiary reads it on the tracking page and in messages, and
 * {@code status.staff.<wire name>} where staff read it differently.
 */
public enum Status {
    RECEIVED("received"),
    IN_REVIEW("in_review"),
    WAITING_FOR_BENEFICIARY("waiting_for_beneficiary"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    REJECTED("rejected"),
    CLOSED("closed");

    private final String wireName;

    Status(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status as the beneficiary reads it ("Waiting for you"). */
    public LocalizedText label() {
        return Labels.shipped().get(labelKey());
    }

    /** The status as staff read it ("Waiting for the beneficiary"); the beneficiary's words where no staff wording is given. */
    public LocalizedText staffLabel() {
        return Labels.shipped().find("status.staff." + wireName).orElseGet(this::label);
    }

    String labelKey() {
        return "status." + wireName;
    }

    public static Optional<Status> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
