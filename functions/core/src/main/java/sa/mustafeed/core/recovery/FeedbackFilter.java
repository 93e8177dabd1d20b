package sa.mustafeed.core.recovery;

import java.time.YearMonth;
import java.util.Optional;

/** The feedback view's filters: a month (required: answers are stored by month), a score, with or without a comment. */
public record FeedbackFilter(YearMonth month, Optional<Integer> score, Optional<Boolean> hasComment) {
    public boolean matches(FeedbackItem item) {
        return score.map(s -> s == item.overall()).orElse(true)
                && hasComment.map(c -> c == item.comment().isPresent()).orElse(true);
    }
}
