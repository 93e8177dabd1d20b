package sa.mustafeed.core.complaints;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome recorded on a complaint: the decision, what was done, when, by whom, and whether it
 * came within the complaint's respond-by time ({@link ComplaintPolicy#respondBy}). Recorded once.
 */
public record ComplaintOutcome(
        OutcomeResult result, String actionTaken, Instant at, String byId, String byName, boolean onTime) {
    public ComplaintOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(actionTaken, "actionTaken");
        Objects.requireNonNull(at, "at");
    }
}
