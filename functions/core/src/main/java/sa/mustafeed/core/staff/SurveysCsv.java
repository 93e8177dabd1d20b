package sa.mustafeed.core.staff;

import java.util.List;
import java.util.Locale;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.survey.SurveyTally;

/**
 * Survey results as CSV for managers: the monthly counts per channel, category and question, in
 * {@link RequestsCsv}'s form (a byte-order mark for Excel, formula-like cells neutralised). Counts,
 * not individual answers: evaluation is for improving the service, never for judging a person.
 */
public final class SurveysCsv {
    private SurveysCsv() {}

    public static String write(List<SurveyTally> tallies) {
        StringBuilder csv = new StringBuilder(RequestsCsv.BOM);
        RequestsCsv.row(
                csv,
                "month",
                "channel",
                "category",
                "question",
                "score_1",
                "score_2",
                "score_3",
                "score_4",
                "score_5",
                "responses",
                "csat");
        for (SurveyTally t : tallies) {
            long[] c = t.counts();
            RequestsCsv.row(
                    csv,
                    t.month().toString(),
                    t.channel().wireName(),
                    t.category().map(Category::wireName).orElse(""),
                    t.question(),
                    Long.toString(c[0]),
                    Long.toString(c[1]),
                    Long.toString(c[2]),
                    Long.toString(c[3]),
                    Long.toString(c[4]),
                    Long.toString(t.responses()),
                    csat(t));
        }
        return csv.toString();
    }

    /** The share of answers of 4 or 5, to three places; empty when nobody answered. */
    private static String csat(SurveyTally t) {
        return t.responses() == 0 ? "" : String.format(Locale.ROOT, "%.3f", (double) t.satisfied() / t.responses());
    }
}
