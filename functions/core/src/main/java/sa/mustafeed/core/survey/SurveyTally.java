package sa.mustafeed.core.survey;

import java.time.YearMonth;
import java.util.Optional;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;

/**
 * How many answers of each score (1–5) one question got in one month, for one channel and category.
 * Kiosk exit feedback has no request, so no category. These counters are kept by atomic increments
 * when an answer arrives, so a report adds a few hundred numbers instead of reading every answer.
 */
public record SurveyTally(
        YearMonth month, Channel channel, Optional<Category> category, String question, long[] counts) {

    public SurveyTally {
        if (counts.length != 5) {
            throw new IllegalArgumentException("one count per score 1..5");
        }
        counts = counts.clone();
    }

    /** Taps on the lobby kiosk's exit faces: the only tallies with no request, hence no category. */
    public boolean kioskExitTaps() {
        return category.isEmpty();
    }

    public long responses() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** Answers of 4 or 5: "satisfied". */
    public long satisfied() {
        return counts[3] + counts[4];
    }

    public long scoreSum() {
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * counts[i];
        }
        return sum;
    }
}
