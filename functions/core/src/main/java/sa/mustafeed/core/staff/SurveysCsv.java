package sa.mustafeed.core.staff;

import java.util.List;
import java.util.Locale;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.survey.SurveyService;
import sa.mustafeed.core.survey.SurveyTally;

/**
 * Survey results as CSV for managers: the monthly counts per channel, category and question, in
 * {@link RequestsCsv}'s form (a byte-order mark for Excel, formula-like cells neutralised, headers
 * and names in the console's language). Counts, not individual answers: evaluation is for improving
 * the service, never for judging a person. The kiosk's exit taps are named as such in the type of
 * request column, so a spreadsheet can tell them from request surveys as the report does.
 */
public final class SurveysCsv {
    private static final List<String> COLUMNS = List.of(
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

    private static final String OVERALL = "survey.overall";
    private static final String KIOSK_EXIT = "survey.kiosk_exit";

    private SurveysCsv() {}

    public static String write(List<SurveyTally> tallies, Language language) {
        StringBuilder csv = new StringBuilder(RequestsCsv.BOM);
        RequestsCsv.header(csv, COLUMNS, language);
        for (SurveyTally t : tallies) {
            long[] c = t.counts();
            RequestsCsv.row(
                    csv,
                    t.month().toString(),
                    RequestsCsv.in(t.channel().label(), language),
                    RequestsCsv.in(
                            t.category()
                                    .map(cat -> cat.label())
                                    .orElseGet(() -> Labels.shipped().get(KIOSK_EXIT)),
                            language),
                    RequestsCsv.in(question(t.question()), language),
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

    /** Every label this export shows besides the enums' own, for Labels to check when it reads the table. */
    public static List<String> labelKeys() {
        List<String> keys = new java.util.ArrayList<>(
                COLUMNS.stream().map(c -> RequestsCsv.HEADER_PREFIX + c).toList());
        keys.add(OVERALL);
        keys.add(KIOSK_EXIT);
        return keys;
    }

    /** The question's words; a question the labels do not know keeps its id rather than failing the export. */
    private static LocalizedText question(String id) {
        return switch (id) {
            case "overall" -> Labels.shipped().get(OVERALL);
            case "needMet" -> SurveyService.NEED_MET;
            default -> Labels.shipped().find("survey.question." + id).orElse(new LocalizedText(id, id));
        };
    }

    /** The share of answers of 4 or 5, to three places; empty when nobody answered. */
    private static String csat(SurveyTally t) {
        return t.responses() == 0 ? "" : String.format(Locale.ROOT, "%.3f", (double) t.satisfied() / t.responses());
    }
}
