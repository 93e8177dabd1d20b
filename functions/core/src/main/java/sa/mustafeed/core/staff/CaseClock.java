package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Optional;

/**
 * What the service clock needs, kept on the request: working minutes already spent waiting for the
 * beneficiary, the current wait, the first action and the end; for a complaint, when its outcome was
 * recorded and sent ({@code respondedAt}), which stops its respond-by clock.
 */
public record CaseClock(
        long pausedMinutes,
        Optional<Instant> waitingSince,
        Optional<Instant> firstActionAt,
        Optional<Instant> finishedAt,
        Optional<Instant> respondedAt) {

    public static final CaseClock NEW =
            new CaseClock(0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** A clock without an outcome (every request but an answered complaint). */
    public CaseClock(
            long pausedMinutes,
            Optional<Instant> waitingSince,
            Optional<Instant> firstActionAt,
            Optional<Instant> finishedAt) {
        this(pausedMinutes, waitingSince, firstActionAt, finishedAt, Optional.empty());
    }

    public CaseClock withRespondedAt(Instant at) {
        return new CaseClock(pausedMinutes, waitingSince, firstActionAt, finishedAt, Optional.of(at));
    }
}
