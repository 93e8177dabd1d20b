package sa.mustafeed.core.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.WorkQueue;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.StatusMachine;

/** What to work on next, and who works on it: the queue's views, counts and assignments. */
public final class WorkQueueService {
    /** {@code {"assignee": "me"}}: the caller takes the request. */
    public static final String ME = "me";

    private final WorkQueue queue;
    private final Clock clock;

    public WorkQueueService(WorkQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * A page of a view, due first. Using the queue puts the caller in the staff directory, so
     * colleagues can give them requests.
     *
     * @throws InvalidInputException {@code invalid_choice} on {@code status} for a status that is not open
     * @throws sa.mustafeed.core.errors.AccessDeniedException for {@link QueueView#ESCALATED} unless a manager
     */
    public QueuePage page(
            QueueView view, StaffMember me, Optional<Status> status, Optional<String> cursor, int pageSize) {
        if (status.isPresent() && !StatusMachine.isOpen(status.get())) {
            throw new InvalidInputException(FieldError.of("status", ErrorCode.INVALID_CHOICE));
        }
        if (view == QueueView.ESCALATED && !me.isManager()) {
            // ISO 10002 escalation goes to managers; a complaint about staff is theirs alone anyway.
            throw new sa.mustafeed.core.errors.AccessDeniedException();
        }
        queue.remember(Assignee.of(me), now());
        return Confidentiality.visible(queue.page(view, me.id(), status, cursor, pageSize), me);
    }

    public QueueCounts counts(StaffMember me) {
        return queue.counts(me.id());
    }

    /**
     * Gives the request to the caller ({@link #ME}), to a colleague from the directory (their id),
     * or to nobody (empty), with an internal timeline entry "assigned to X".
     *
     * @return the new owner (empty: nobody)
     * @throws InvalidInputException {@code invalid_choice} on {@code assignee} for an id not in the directory
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    public Optional<Assignee> assign(ReferenceCode reference, Optional<String> target, StaffMember me) {
        Optional<Assignee> to;
        if (target.isEmpty() || target.get().isBlank()) {
            to = Optional.empty();
        } else if (ME.equals(target.get()) || target.get().equals(me.id())) {
            to = Optional.of(Assignee.of(me));
        } else {
            to = Optional.of(queue.colleague(target.get())
                    .orElseThrow(() -> new InvalidInputException(FieldError.of("assignee", ErrorCode.INVALID_CHOICE))));
        }
        queue.assign(reference, to, CaseEvent.assignment(now(), to.map(Assignee::name), me.name()));
        if (to.isPresent() && to.get().id().equals(me.id())) {
            queue.remember(to.get(), now());
        }
        return to;
    }

    /** The request page was opened: the marks that asked for attention have been seen. */
    public void opened(ReferenceCode reference) {
        queue.clearMarks(reference);
    }

    public List<Assignee> colleagues() {
        return queue.colleagues();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
