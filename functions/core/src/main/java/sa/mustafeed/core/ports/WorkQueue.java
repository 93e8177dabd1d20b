package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.Assignee;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.QueueCounts;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueView;

/**
 * The staff's work queue: open requests in the order they fall due, who owns each, and the staff
 * who can own them. Every method may throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface WorkQueue {
    /**
     * Open requests, the one due first first (overdue ones are due in the past, so they lead);
     * requests waiting for the beneficiary follow every running one. Never a scan: only open
     * requests are read.
     *
     * @param me the caller's staff id ({@link QueueView#MINE})
     * @throws sa.mustafeed.core.errors.InvalidInputException when the cursor is not one this queue issued
     */
    QueuePage page(QueueView view, String me, Optional<Status> status, Optional<String> cursor, int pageSize);

    /** Counts of the open requests per view and status. */
    QueueCounts counts(String me);

    /**
     * Gives the request to {@code to} (or to nobody) and writes {@code entry}, an internal timeline
     * entry, in one transaction. The request's version does not change: nothing is sent.
     *
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    void assign(ReferenceCode reference, Optional<Assignee> to, CaseEvent entry);

    /** A staff member opened the request: its "beneficiary replied" and "new document" marks go. */
    void clearMarks(ReferenceCode reference);

    /** Keeps the staff directory: whoever uses the queue can be given requests. */
    void remember(Assignee staff, Instant at);

    /** The staff directory, by name. */
    List<Assignee> colleagues();

    Optional<Assignee> colleague(String id);
}
