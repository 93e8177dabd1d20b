package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Optional;

/**
 * What the service clock needs, kept on the request: working minutes already spent waiting for the
 * beneficiary, the current wait, the first action and the end.
 */
public record CaseClock(
        long pausedMinutes,
        Optional<Instant> waitingSince,
        Optional<Instant> firstActionAt,
        Optional<Instant> finishedAt) {

    public static final CaseClock NEW = new CaseClock(0, Optional.empty(), Optional.empty(), Optional.empty());
}
