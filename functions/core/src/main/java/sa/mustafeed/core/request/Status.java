package sa.mustafeed.core.request;

import java.util.Arrays;
import java.util.Optional;

/** Where a request stands; the labels are what the beneficiary reads on the tracking page. */
public enum Status {
    RECEIVED("received", "تم الاستلام", "Received"),
    IN_REVIEW("in_review", "قيد المراجعة", "In review"),
    WAITING_FOR_BENEFICIARY("waiting_for_beneficiary", "بانتظار استكمال من المستفيد", "Waiting for you"),
    IN_PROGRESS("in_progress", "قيد التنفيذ", "In progress"),
    COMPLETED("completed", "مكتمل", "Completed"),
    REJECTED("rejected", "معتذر عنه", "Declined"),
    CLOSED("closed", "مغلق", "Closed");

    private final String wireName;
    private final LocalizedText label;

    Status(String wireName, String ar, String en) {
        this.wireName = wireName;
        this.label = new LocalizedText(ar, en);
    }

    public String wireName() {
        return wireName;
    }

    public LocalizedText label() {
        return label;
    }

    public static Optional<Status> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
