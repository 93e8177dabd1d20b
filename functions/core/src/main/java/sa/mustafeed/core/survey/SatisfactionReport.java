package sa.mustafeed.core.survey;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;

/**
 * Satisfaction for managers, from the tallies of the overall question: the number of answers, CSAT
 * (the share of 4–5 answers) and the mean score, overall and by month, channel and category. It
 * aggregates by design: the policy makes evaluation a tool for improvement, not for judging a person.
 */
public record SatisfactionReport(
        Figures overall,
        long[] distribution,
        Map<YearMonth, Figures> byMonth,
        Map<Channel, Figures> byChannel,
        Map<Category, Figures> byCategory,
        Map<String, Figures> byQuestion) {

    public static final String OVERALL = "overall";

    /** Answers, CSAT and mean; CSAT and mean are empty when nobody answered. */
    public record Figures(long responses, long satisfied, long scoreSum) {
        public Optional<Double> csat() {
            return responses == 0 ? Optional.empty() : Optional.of((double) satisfied / responses);
        }

        public Optional<Double> average() {
            return responses == 0 ? Optional.empty() : Optional.of((double) scoreSum / responses);
        }

        Figures plus(SurveyTally t) {
            return new Figures(responses + t.responses(), satisfied + t.satisfied(), scoreSum + t.scoreSum());
        }
    }

    private static final Figures NONE = new Figures(0, 0, 0);

    public static SatisfactionReport of(List<SurveyTally> tallies) {
        Figures overall = NONE;
        Map<YearMonth, Figures> byMonth = new TreeMap<>();
        Map<Channel, Figures> byChannel = new EnumMap<>(Channel.class);
        Map<Category, Figures> byCategory = new EnumMap<>(Category.class);
        Map<String, Figures> byQuestion = new TreeMap<>();
        long[] distribution = new long[5];
        for (SurveyTally t : tallies) {
            byQuestion.put(
                    t.question(), byQuestion.getOrDefault(t.question(), NONE).plus(t));
            if (!OVERALL.equals(t.question())) {
                continue;
            }
            for (int i = 0; i < 5; i++) {
                distribution[i] += t.counts()[i];
            }
            overall = overall.plus(t);
            byMonth.put(t.month(), byMonth.getOrDefault(t.month(), NONE).plus(t));
            byChannel.put(t.channel(), byChannel.getOrDefault(t.channel(), NONE).plus(t));
            t.category()
                    .ifPresent(c ->
                            byCategory.put(c, byCategory.getOrDefault(c, NONE).plus(t)));
        }
        return new SatisfactionReport(overall, distribution, byMonth, byChannel, byCategory, byQuestion);
    }
}
