package sa.mustafeed.core.survey;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * One face tap at a lobby kiosk as it arrived: the tablet's id (null when absent or not text) and
 * the score (null when the edge could not read one; {@code shapeErrors} then says why). The
 * "what went wrong?" choice of themes HappyOrNot's terminals ask after a 1 or 2 is to join this
 * command as one optional field when themes exist; the tap stays one call and anonymous.
 */
public record KioskFeedback(String kioskId, Score score, List<FieldError> shapeErrors) {

    public KioskFeedback {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    public static KioskFeedback of(String kioskId, int score) {
        return new KioskFeedback(kioskId, new Score(score), List.of());
    }
}
