package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Optional;

import sa.mustafeed.core.request.Status;

/**
 * One entry of a request's full history as staff see it: a status change (public: the beneficiary
 * sees it too) or an internal note (never shown to the beneficiary).
 */
public record CaseEvent(Instant at, Kind kind, Optional<Status> status, Optional<String> text, Optional<String> by,
        boolean isPublic) {

    public enum Kind { STATUS, NOTE }

    public static CaseEvent status(Instant at, Status status, Optional<String> by) {
        return new CaseEvent(at, Kind.STATUS, Optional.of(status), Optional.empty(), by, true);
    }

    public static CaseEvent note(Instant at, String text, String by) {
        return new CaseEvent(at, Kind.NOTE, Optional.empty(), Optional.of(text), Optional.of(by), false);
    }
}
