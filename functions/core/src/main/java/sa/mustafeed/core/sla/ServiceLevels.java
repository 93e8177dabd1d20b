package sa.mustafeed.core.sla;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Status;

/**
 * Service-level targets per category in working hours, and the clock that measures a request
 * against them. Time waiting for the beneficiary does not count: the association cannot act then.
 */
public final class ServiceLevels {
    /** Within this many working minutes of the due time a request is flagged "due soon". */
    static final long DUE_SOON_MINUTES = 4 * 60;

    private final WorkingCalendar calendar;
    private final Map<Category, Integer> targetHours;

    public ServiceLevels(WorkingCalendar calendar, Map<Category, Integer> targetHours) {
        this.calendar = calendar;
        this.targetHours = Map.copyOf(targetHours);
        for (Category category : Category.values()) {
            if (!this.targetHours.containsKey(category)) {
                throw new IllegalArgumentException("no service target for " + category.wireName());
            }
        }
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * When the request falls due once the clock runs again: the target after {@code start} plus the
     * working minutes already spent waiting for the beneficiary. The work queue sorts by it.
     */
    public Instant dueAt(Category category, Instant start, long pausedMinutes) {
        return calendar.addWorkingMinutes(start, targetHours.get(category) * 60L + pausedMinutes);
    }

    /** Where a request stands against its target. */
    public enum State {
        ON_TRACK,
        DUE_SOON,
        OVERDUE,
        PAUSED,
        MET,
        MISSED
    }

    /** The clock's reading for one request. */
    public record Reading(State state, Instant dueAt, int targetHours, long workingMinutesElapsed) {}

    /**
     * @param pausedMinutes working minutes already spent waiting for the beneficiary (closed intervals)
     * @param waitingSince when the current wait began, if the request is waiting now
     * @param finishedAt when it was completed, rejected or closed, if it was
     */
    public Reading read(
            Category category,
            Status status,
            Instant submittedAt,
            long pausedMinutes,
            Optional<Instant> waitingSince,
            Optional<Instant> finishedAt,
            Instant now) {
        int target = targetHours.get(category);
        long ongoingPause = waitingSince
                .map(since -> calendar.workingMinutesBetween(since, now))
                .orElse(0L);
        long totalPause = pausedMinutes + ongoingPause;
        Instant dueAt = calendar.addWorkingMinutes(submittedAt, target * 60L + totalPause);
        Instant end = finishedAt.orElse(now);
        long elapsed = Math.max(0, calendar.workingMinutesBetween(submittedAt, end) - totalPause);
        State state;
        if (finishedAt.isPresent()) {
            state = finishedAt.get().isAfter(dueAt) ? State.MISSED : State.MET;
        } else if (status == Status.WAITING_FOR_BENEFICIARY) {
            state = State.PAUSED;
        } else if (now.isAfter(dueAt)) {
            state = State.OVERDUE;
        } else {
            state = calendar.workingMinutesBetween(now, dueAt) <= DUE_SOON_MINUTES ? State.DUE_SOON : State.ON_TRACK;
        }
        return new Reading(state, dueAt, target, elapsed);
    }
}
