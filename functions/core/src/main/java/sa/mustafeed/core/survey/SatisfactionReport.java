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
 *
 * <p>Answers to request surveys and the lobby kiosk's exit taps are different questions asked of
 * different people (a beneficiary whose request was completed; anyone leaving the lobby), so they
 * are reported apart: {@link #overall} and the breakdowns hold request surveys only, {@link #kiosk}
 * the taps. The response rate is answers ÷ links sent, overall, by month and by channel.
 */
public record SatisfactionReport(
        Figures overall,
        Figures kiosk,
        long[] distribution,
        Map<YearMonth, Figures> byMonth,
        Map<Channel, Figures> byChannel,
        Map<Category, Figures> byCategory,
        Map<String, Figures> byQuestion,
        Reach reach,
        Map<YearMonth, Reach> reachByMonth,
        Map<Channel, Reach> reachByChannel) {

    public static final String OVERALL = "overall";

    /**
     * Below this many answers a share says more about chance than about the service (8 answers move
     * CSAT in steps of 12.5 points), so the report says "too few answers to judge" instead.
     */
    public static final int MINIMUM_RESPONSES = 10;

    /** Answers, CSAT and mean; CSAT and mean are empty when nobody answered. */
    public record Figures(long responses, long satisfied, long scoreSum) {
        public Optional<Double> csat() {
            return responses == 0 ? Optional.empty() : Optional.of((double) satisfied / responses);
        }

        public Optional<Double> average() {
            return responses == 0 ? Optional.empty() : Optional.of((double) scoreSum / responses);
        }

        /** Whether there are enough answers for CSAT and the mean to be read as a judgement. */
        public boolean enoughToJudge() {
            return responses >= MINIMUM_RESPONSES;
        }

        Figures plus(SurveyTally t) {
            return new Figures(responses + t.responses(), satisfied + t.satisfied(), scoreSum + t.scoreSum());
        }
    }

    /** Survey links sent and answered; the rate is empty when no link was sent. */
    public record Reach(long sent, long answered) {
        /**
         * Answers ÷ links. At most 1: links sent before links were counted (and answered after) add
         * answers to a month whose links were never counted.
         */
        public Optional<Double> rate() {
            return sent == 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) answered / sent));
        }

        Reach plus(SurveyReach r) {
            return new Reach(sent + r.sent(), answered + r.answered());
        }
    }

    private static final Figures NONE = new Figures(0, 0, 0);
    private static final Reach NO_LINKS = new Reach(0, 0);

    public static SatisfactionReport of(List<SurveyTally> tallies, List<SurveyReach> links) {
        Figures overall = NONE;
        Figures kiosk = NONE;
        Map<YearMonth, Figures> byMonth = new TreeMap<>();
        Map<Channel, Figures> byChannel = new EnumMap<>(Channel.class);
        Map<Category, Figures> byCategory = new EnumMap<>(Category.class);
        Map<String, Figures> byQuestion = new TreeMap<>();
        long[] distribution = new long[5];
        for (SurveyTally t : tallies) {
            if (t.kioskExitTaps()) {
                kiosk = OVERALL.equals(t.question()) ? kiosk.plus(t) : kiosk;
                continue;
            }
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
        Reach reach = NO_LINKS;
        Map<YearMonth, Reach> reachByMonth = new TreeMap<>();
        Map<Channel, Reach> reachByChannel = new EnumMap<>(Channel.class);
        for (SurveyReach r : links) {
            reach = reach.plus(r);
            reachByMonth.put(
                    r.month(), reachByMonth.getOrDefault(r.month(), NO_LINKS).plus(r));
            reachByChannel.put(
                    r.channel(),
                    reachByChannel.getOrDefault(r.channel(), NO_LINKS).plus(r));
        }
        return new SatisfactionReport(
                overall,
                kiosk,
                distribution,
                byMonth,
                byChannel,
                byCategory,
                byQuestion,
                reach,
                reachByMonth,
                reachByChannel);
    }

    /** The links of {@code month}; none when no link was sent that month. */
    public Reach reachIn(YearMonth month) {
        return reachByMonth.getOrDefault(month, NO_LINKS);
    }

    /** The links sent for requests that came in through {@code channel}. */
    public Reach reachOf(Channel channel) {
        return reachByChannel.getOrDefault(channel, NO_LINKS);
    }
}
