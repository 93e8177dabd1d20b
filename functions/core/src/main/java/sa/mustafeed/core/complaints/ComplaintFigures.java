package sa.mustafeed.core.complaints;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.survey.SatisfactionReport;

/**
 * The report's complaint figures: complaints received, outcomes by result, the share answered within
 * the respond-by time, and the complainants' ratings of the handling. A share is given only from
 * {@link SatisfactionReport#MINIMUM_RESPONSES} answers on, like the other report figures; below it
 * the ratings by answer are held back too, since with a handful of complaints a count may point at
 * one person.
 */
public record ComplaintFigures(
        long received,
        Map<OutcomeResult, Long> outcomes,
        long responded,
        long respondedOnTime,
        Optional<Double> onTimeRate,
        long rated,
        Optional<Map<HandlingAnswer, Long>> ratings,
        Optional<Double> satisfiedRate) {

    public static ComplaintFigures of(List<ComplaintTally> tallies, long received) {
        Map<OutcomeResult, Long> outcomes = new EnumMap<>(OutcomeResult.class);
        Map<HandlingAnswer, Long> ratings = new EnumMap<>(HandlingAnswer.class);
        for (OutcomeResult r : OutcomeResult.values()) {
            outcomes.put(r, 0L);
        }
        for (HandlingAnswer a : HandlingAnswer.values()) {
            ratings.put(a, 0L);
        }
        long onTime = 0;
        for (ComplaintTally t : tallies) {
            t.outcomes().forEach((r, n) -> outcomes.merge(r, n, Long::sum));
            t.ratings().forEach((a, n) -> ratings.merge(a, n, Long::sum));
            onTime += t.respondedOnTime();
        }
        long responded = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long rated = ratings.values().stream().mapToLong(Long::longValue).sum();
        boolean enoughResponded = responded >= SatisfactionReport.MINIMUM_RESPONSES;
        boolean enoughRated = rated >= SatisfactionReport.MINIMUM_RESPONSES;
        return new ComplaintFigures(
                received,
                outcomes,
                responded,
                onTime,
                enoughResponded ? Optional.of((double) onTime / responded) : Optional.empty(),
                rated,
                enoughRated ? Optional.of(Map.copyOf(ratings)) : Optional.empty(),
                enoughRated ? Optional.of((double) ratings.get(HandlingAnswer.SATISFIED) / rated) : Optional.empty());
    }
}
