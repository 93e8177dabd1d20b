package sa.mustafeed.core.survey;

import java.util.Optional;

/** One answer on the survey's five-point scale (1 = very dissatisfied … 5 = very satisfied). */
public record Score(int value) {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public Score {
        if (value < LOWEST || value > HIGHEST) {
            throw new IllegalArgumentException("a score is 1..5");
        }
    }

    /** The score, or empty when the number is off the scale. */
    public static Optional<Score> of(long value) {
        return value < LOWEST || value > HIGHEST ? Optional.empty() : Optional.of(new Score((int) value));
    }
}
