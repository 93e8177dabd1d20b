package sa.mustafeed.core.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A lobby tablet a manager registered for exit feedback: its unguessable id (the only thing the
 * tablet sends), a label saying where it stands ("Reception, ground floor", typed once in whichever
 * language the manager uses), who registered it and when, and, once retired, who retired it and
 * when. A retired kiosk's taps stop counting; its record and the taps it counted stay.
 */
public record Kiosk(
        String id,
        String label,
        Instant registeredAt,
        String registeredBy,
        Optional<Instant> retiredAt,
        Optional<String> retiredBy) {

    /** The page the tablet opens; the English twin is the same under {@code /en}. */
    static final String FEEDBACK_PATH = "/kiosk/feedback/?kiosk=";

    public Kiosk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(retiredBy, "retiredBy");
    }

    public static Kiosk registered(String id, String label, Instant at, String by) {
        return new Kiosk(id, label, at, by, Optional.empty(), Optional.empty());
    }

    public boolean active() {
        return retiredAt.isEmpty();
    }

    public Kiosk retired(Instant at, String by) {
        return new Kiosk(id, label, registeredAt, registeredBy, Optional.of(at), Optional.of(by));
    }

    /** The site-relative address to open on the tablet (the ids are URL-safe, so nothing is escaped). */
    public String feedbackPath() {
        return FEEDBACK_PATH + id;
    }
}
