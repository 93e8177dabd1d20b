package sa.mustafeed.core.request;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;

/**
 * When a request registered by staff reached the association (a letter's date stamp, the time of a
 * call or visit): its service clock starts then, not when it was typed in. Never in the future
 * (a clock that starts later than now would hide the time already spent), never absurdly old.
 */
final class ReceivedTimes {
    /** A desk PC's clock may run a little ahead of the server's; "now" typed on it is not refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Further back than this is a mistyped year or month: the association answers within days, and
     * a start months old would count against every report of those months.
     */
    static final Duration OLDEST = Duration.ofDays(90);

    private ReceivedTimes() {}

    /**
     * @param raw ISO-8601 date-time with an offset ({@code 2026-12-02T10:30+03:00}); null or blank: absent
     * @return the received time, or empty when absent or wrong (the reason added to {@code errors})
     */
    static Optional<Instant> read(String raw, Instant now, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("receivedAt", ErrorCode.INVALID_DATE));
            return Optional.empty();
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(FieldError.of("receivedAt", ErrorCode.RECEIVED_IN_FUTURE));
            return Optional.empty();
        }
        if (at.isBefore(now.minus(OLDEST))) {
            errors.add(FieldError.of("receivedAt", ErrorCode.RECEIVED_TOO_LONG_AGO));
            return Optional.empty();
        }
        // Within the skew allowance but ahead of the server: the clock cannot start after the record.
        return Optional.of(at.isAfter(now) ? now : at);
    }
}
