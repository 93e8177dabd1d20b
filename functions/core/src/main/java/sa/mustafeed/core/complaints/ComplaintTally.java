package sa.mustafeed.core.complaints;

import java.time.YearMonth;
import java.util.Map;

/**
 * The complaint counters of one month of submission: outcomes by result, how many of them came
 * within the respond-by time, and the complainants' ratings of the handling. Kept by increments in
 * the transactions that record them, beside the service counters.
 */
public record ComplaintTally(
        YearMonth month, Map<OutcomeResult, Long> outcomes, long respondedOnTime, Map<HandlingAnswer, Long> ratings) {
    public ComplaintTally {
        outcomes = Map.copyOf(outcomes);
        ratings = Map.copyOf(ratings);
    }
}
