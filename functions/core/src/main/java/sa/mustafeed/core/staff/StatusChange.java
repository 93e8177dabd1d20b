package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;

/**
 * A status change to store all-or-nothing with its timeline entry (and note): the request moves from
 * {@code expectedVersion} to {@code expectedVersion + 1}, or nothing is written.
 */
public record StatusChange(
        ReferenceCode reference,
        Status from,
        Status to,
        long expectedVersion,
        Instant at,
        String by,
        Optional<String> note,
        CaseClock clockAfter,
        Counted counted,
        Optional<Instant> dueAt) {

    /**
     * @param dueAt when the request falls due after the change (for a wait: once it resumes); the
     *     work queue's order. Empty keeps the queue position as it was.
     */
    public StatusChange(
            ReferenceCode reference,
            Status from,
            Status to,
            long expectedVersion,
            Instant at,
            String by,
            Optional<String> note,
            CaseClock clockAfter,
            Counted counted) {
        this(reference, from, to, expectedVersion, at, by, note, clockAfter, counted, Optional.empty());
    }

    /**
     * What the change adds to the service counters of the request's submission month, channel and
     * category: its move between statuses, and its first action and completion times when they happen now.
     */
    public record Counted(
            java.time.YearMonth month,
            sa.mustafeed.core.request.Channel channel,
            sa.mustafeed.core.request.Category category,
            Optional<Long> firstActionMinutes,
            Optional<Long> completionMinutes,
            Optional<Boolean> finishedWithinTarget) {}
}
