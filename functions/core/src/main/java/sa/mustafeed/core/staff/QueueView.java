package sa.mustafeed.core.staff;

import java.util.Optional;

/** The work queue's views, as the agent views of a help desk: all open work, mine, nobody's. */
public enum QueueView {
    OPEN("open"),
    MINE("mine"),
    UNASSIGNED("unassigned"),
    /**
     * Open complaints without an outcome, for managers: the queue's rows past their respond-by time
     * ({@link sa.mustafeed.core.complaints.ComplaintPolicy#escalated}) are the escalated ones.
     */
    ESCALATED("escalated");

    private final String wireName;

    QueueView(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<QueueView> fromWireName(String name) {
        for (QueueView v : values()) {
            if (v.wireName.equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
