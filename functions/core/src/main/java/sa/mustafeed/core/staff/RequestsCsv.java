package sa.mustafeed.core.staff;

import java.util.List;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.sla.ServiceLevels;

/**
 * Requests as CSV for managers: UTF-8 with a byte-order mark so Excel shows Arabic, no names, phones
 * or IDs (the reference leads back to them inside the system), and every cell that a spreadsheet
 * would run as a formula neutralised.
 */
public final class RequestsCsv {
    static final String BOM = "\uFEFF";
    private static final String HEADER = "reference,submitted_at,category,channel,status,city,preferred_contact,"
            + "language,first_action_at,finished_at,sla_state,sla_due_at";

    private RequestsCsv() {}

    public static String write(
            List<CaseSummary> cases, java.util.function.Function<CaseSummary, ServiceLevels.Reading> clock) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (CaseSummary c : cases) {
            ServiceRequest r = c.request();
            ServiceLevels.Reading reading = clock.apply(c);
            row(
                    csv,
                    r.reference().display(),
                    r.submittedAt().toString(),
                    r.category().wireName(),
                    r.channel().wireName(),
                    r.status().wireName(),
                    r.city(),
                    r.preferredContact().wireName(),
                    r.language().wireName(),
                    c.clock().firstActionAt().map(Object::toString).orElse(""),
                    c.clock().finishedAt().map(Object::toString).orElse(""),
                    reading.state().name().toLowerCase(java.util.Locale.ROOT),
                    reading.dueAt().toString());
        }
        return csv.toString();
    }

    public static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would treat as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
