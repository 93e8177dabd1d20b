package sa.mustafeed.core.request;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves of a request. A request is received, reviewed, may wait for the beneficiary
 * (the service clock pauses), is worked on, and ends completed, rejected or closed. Closed is final;
 * completed and rejected can only be closed.
 */
public final class StatusMachine {
    private static final Map<Status, Set<Status>> NEXT = new EnumMap<>(Status.class);

    static {
        NEXT.put(Status.RECEIVED, EnumSet.of(Status.IN_REVIEW, Status.REJECTED, Status.CLOSED));
        NEXT.put(
                Status.IN_REVIEW,
                EnumSet.of(Status.WAITING_FOR_BENEFICIARY, Status.IN_PROGRESS, Status.REJECTED, Status.CLOSED));
        NEXT.put(
                Status.WAITING_FOR_BENEFICIARY,
                EnumSet.of(Status.IN_REVIEW, Status.IN_PROGRESS, Status.REJECTED, Status.CLOSED));
        NEXT.put(
                Status.IN_PROGRESS,
                EnumSet.of(Status.WAITING_FOR_BENEFICIARY, Status.COMPLETED, Status.REJECTED, Status.CLOSED));
        NEXT.put(Status.COMPLETED, EnumSet.of(Status.CLOSED));
        NEXT.put(Status.REJECTED, EnumSet.of(Status.CLOSED));
        NEXT.put(Status.CLOSED, EnumSet.noneOf(Status.class));
    }

    private StatusMachine() {}

    public static Set<Status> allowedFrom(Status status) {
        return Set.copyOf(NEXT.get(status));
    }

    public static boolean allows(Status from, Status to) {
        return NEXT.get(from).contains(to);
    }

    /** Still needs the association's work: duplicates are only flagged against these. */
    public static boolean isOpen(Status status) {
        return status != Status.COMPLETED && status != Status.REJECTED && status != Status.CLOSED;
    }
}
