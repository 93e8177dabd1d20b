package sa.mustafeed.core.staff;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import sa.mustafeed.core.request.Labels;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.LocalizedText;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.sla.ServiceLevels;

/**
 * Requests as CSV for managers: UTF-8 with a byte-order mark so Excel shows Arabic, no names, phones
 * or IDs (the reference leads back to them inside the system), and every cell that a spreadsheet
 * would run as a formula neutralised. Headers and names are in the console's language (from the
 * one table of labels); times are Riyadh local time, each with its Hijri (Umm al-Qura) date beside
 * it, because the association's letters and its board read dates that way.
 */
public final class RequestsCsv {
    static final String BOM = "\uFEFF";

    /** The association works in Saudi time; Saudi Arabia keeps no daylight saving. */
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    /** Sortable, and read as a date and time by Excel in either language. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static final DateTimeFormatter HIJRI_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private static final List<String> COLUMNS = List.of(
            "reference",
            "submitted_at",
            "submitted_hijri",
            "category",
            "channel",
            "status",
            "city",
            "preferred_contact",
            "language",
            "first_action_at",
            "first_action_hijri",
            "finished_at",
            "finished_hijri",
            "sla_state",
            "sla_due_at",
            "sla_due_hijri");

    static final String HEADER_PREFIX = "export.";

    private RequestsCsv() {}

    public static String write(
            List<CaseSummary> cases, Function<CaseSummary, ServiceLevels.Reading> clock, Language language) {
        StringBuilder csv = new StringBuilder(BOM);
        header(csv, COLUMNS, language);
        for (CaseSummary c : cases) {
            ServiceRequest r = c.request();
            ServiceLevels.Reading reading = clock.apply(c);
            List<String> cells = new ArrayList<>();
            cells.add(r.reference().display());
            time(cells, Optional.of(r.submittedAt()));
            cells.add(in(r.category().label(), language));
            cells.add(in(r.channel().label(), language));
            cells.add(in(r.status().staffLabel(), language));
            cells.add(r.city());
            cells.add(in(r.preferredContact().label(), language));
            cells.add(in(languageLabel(r.language()), language));
            time(cells, c.clock().firstActionAt());
            time(cells, c.clock().finishedAt());
            cells.add(in(slaLabel(reading.state()), language));
            time(cells, Optional.of(reading.dueAt()));
            row(csv, cells.toArray(String[]::new));
        }
        return csv.toString();
    }

    /** Every label this export shows besides the enums' own, for Labels to check when it reads the table. */
    public static List<String> labelKeys() {
        List<String> keys =
                new ArrayList<>(COLUMNS.stream().map(c -> HEADER_PREFIX + c).toList());
        for (ServiceLevels.State state : ServiceLevels.State.values()) {
            keys.add(slaKey(state));
        }
        for (Language language : Language.values()) {
            keys.add("language." + language.wireName());
        }
        return keys;
    }

    static void header(StringBuilder csv, List<String> columns, Language language) {
        row(
                csv,
                columns.stream()
                        .map(c -> in(Labels.shipped().get(HEADER_PREFIX + c), language))
                        .toArray(String[]::new));
    }

    static String in(LocalizedText text, Language language) {
        return language == Language.EN ? text.en() : text.ar();
    }

    /** Riyadh time and the Hijri date of that Riyadh day; two empty cells when there is no time. */
    private static void time(List<String> cells, Optional<Instant> at) {
        cells.add(at.map(t -> LOCAL_TIME.format(t.atZone(RIYADH))).orElse(""));
        cells.add(at.map(t -> hijri(t.atZone(RIYADH).toLocalDate())).orElse(""));
    }

    /** The Umm al-Qura date; empty outside the calendar's published range (about 1882–2174). */
    static String hijri(LocalDate day) {
        try {
            return HIJRI_DATE.format(HijrahDate.from(day));
        } catch (DateTimeException outOfRange) {
            return "";
        }
    }

    private static String slaKey(ServiceLevels.State state) {
        return "sla." + state.name().toLowerCase(Locale.ROOT);
    }

    private static LocalizedText slaLabel(ServiceLevels.State state) {
        return Labels.shipped().get(slaKey(state));
    }

    private static LocalizedText languageLabel(Language language) {
        return Labels.shipped().get("language." + language.wireName());
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

    /**
     * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would treat as a formula. A
     * semicolon or tab is quoted too: where the list separator is {@code ;} (Arabic and many European
     * locales) or the file is opened as tab-separated, {@code x;=1+2} would otherwise split into a
     * second cell that starts with {@code =} and runs as a formula.
     */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> ",;\t\"\n\r".indexOf(c) >= 0)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
