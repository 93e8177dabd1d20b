package sa.mustafeed.staff;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.DataSubject;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.QueueView;
import sa.mustafeed.core.staff.SavedReplyService;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.JsonFields;

/**
 * Reads the staff API's paths, query strings and bodies into typed values for core, refusing with
 * the field errors the routes answer (every problem of a query or body at once).
 */
final class StaffRequests {
    /** Reports and queues cover at most this span; wider ranges answer 400 invalid_date on "from". */
    static final int MAX_RANGE_YEARS = 5;

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private StaffRequests() {}

    /** A status change as the console sends it: {@code {"status", "version", "note"?}}. */
    record StatusChangeBody(Status to, long expectedVersion, Optional<String> note) {}

    /**
     * The queue's filters and date range ({@code status, category, channel, from, to, order, cursor});
     * reports read the same range. Without dates: the year up to today.
     *
     * @throws InvalidInputException {@code invalid_choice} / {@code invalid_date} for each bad parameter
     */
    static QueueQuery queue(ApiEvent event, LocalDate today, int pageSize) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Status> status = choice(event, "status", Status::fromWireName, errors);
        Optional<Category> category = choice(event, "category", Category::fromWireName, errors);
        Optional<Channel> channel = choice(event, "channel", Channel::fromWireName, errors);
        LocalDate to = date(event, "to", errors).orElse(today);
        LocalDate from = date(event, "from", errors).orElse(to.minusYears(1));
        // A range is read month by month: an unbounded one (from=0041-08-17) kept a function busy
        // past any timeout, so it is capped (found by the schemathesis run, scripts/fuzz.sh).
        if (errors.isEmpty()
                && (from.isAfter(to) || from.plusYears(MAX_RANGE_YEARS).isBefore(to))) {
            errors.add(FieldError.of("from", ErrorCode.INVALID_DATE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean newestFirst = !"oldest".equals(event.query("order").orElse("newest"));
        return new QueueQuery(status, category, channel, from, to, newestFirst, event.query("cursor"), pageSize);
    }

    /**
     * The language of an export's headers and names ({@code lang=ar|en}, the console's); Arabic when absent.
     *
     * @throws InvalidInputException {@code invalid_choice} on {@code lang} for another value
     */
    static Language exportLanguage(ApiEvent event) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Language> language = choice(event, "lang", Language::fromWireName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return language.orElse(Language.AR);
    }

    /**
     * The work queue's view ({@code view=open|mine|unassigned}); absent: the date-range listing.
     *
     * @throws InvalidInputException {@code invalid_choice} on {@code view} for another value
     */
    static Optional<QueueView> view(ApiEvent event) {
        List<FieldError> errors = new ArrayList<>();
        Optional<QueueView> view = choice(event, "view", QueueView::fromWireName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return view;
    }

    /** @throws InvalidInputException {@code invalid_choice} on {@code status} for an unknown status */
    static Optional<Status> openStatus(ApiEvent event) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Status> status = choice(event, "status", Status::fromWireName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return status;
    }

    /**
     * Whom to give a request: {@code {"assignee": "me"}}, a staff id, or {@code null} / {@code ""}
     * for nobody. The key itself is required, so an empty body is a mistake, not an unassignment.
     */
    static Optional<String> assignee(Map<String, Object> body) {
        if (!body.containsKey("assignee")) {
            throw new InvalidInputException(FieldError.of("assignee", ErrorCode.REQUIRED));
        }
        Object value = body.get("assignee");
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(FieldError.of("assignee", ErrorCode.INVALID_TYPE));
        }
        return Optional.ofNullable((String) value);
    }

    /** @throws InvalidInputException {@code invalid_reference} when the path's reference is not one */
    static ReferenceCode reference(ApiEvent event) {
        return event.pathParameter("reference")
                .flatMap(ReferenceCode::parse)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)));
    }

    /** @throws InvalidInputException for a missing or unknown status, a version that is no number, a note that is no text */
    static StatusChangeBody statusChange(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Status> to = body.get("status") instanceof String s ? Status.fromWireName(s) : Optional.empty();
        if (to.isEmpty()) {
            errors.add(FieldError.of(
                    "status", body.get("status") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_CHOICE));
        }
        if (!(body.get("version") instanceof Number)) {
            errors.add(FieldError.of(
                    "version", body.get("version") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_TYPE));
        }
        Object note = body.get("note");
        if (note != null && !(note instanceof String)) {
            errors.add(FieldError.of("note", ErrorCode.INVALID_TYPE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StatusChangeBody(
                to.get(), ((Number) body.get("version")).longValue(), Optional.ofNullable((String) note));
    }

    /** A note's or a reply's {@code text}. */
    static String text(Map<String, Object> body) {
        return JsonFields.requiredText(body, "text");
    }

    /**
     * A manager's saved reply: four texts (absent ones are refused by the service as required).
     *
     * @throws InvalidInputException when a field is there but not text
     */
    static SavedReplyService.Draft savedReply(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        SavedReplyService.Draft draft = new SavedReplyService.Draft(
                fields.text("titleAr", ErrorCode.INVALID_TYPE),
                fields.text("titleEn", ErrorCode.INVALID_TYPE),
                fields.text("textAr", ErrorCode.INVALID_TYPE),
                fields.text("textEn", ErrorCode.INVALID_TYPE));
        if (!fields.shapeErrors().isEmpty()) {
            throw new InvalidInputException(fields.shapeErrors());
        }
        return draft;
    }

    /**
     * A new kiosk's {@code label} (absent is refused by the service as required).
     *
     * @throws InvalidInputException when it is there but not text
     */
    static String kioskLabel(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        String label = fields.text("label", ErrorCode.INVALID_TYPE);
        if (!fields.shapeErrors().isEmpty()) {
            throw new InvalidInputException(fields.shapeErrors());
        }
        return label;
    }

    /** Whom a PDPL export is about; a mobile or ID that is not text counts as not given. */
    static DataSubject dataSubject(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body);
        return new DataSubject(fields.textOrNull("mobile"), fields.textOrNull("nationalId"));
    }

    /** @throws InvalidInputException {@code confirm} required unless the body says {@code "confirm": true} */
    static DataSubject erasure(Map<String, Object> body) {
        if (!Boolean.TRUE.equals(body.get("confirm"))) {
            throw new InvalidInputException(FieldError.of("confirm", ErrorCode.REQUIRED));
        }
        return dataSubject(body);
    }

    /**
     * The audit log's {@code month} ({@code yyyy-MM}), {@code current} when absent.
     *
     * @throws InvalidInputException ({@code month}, {@code invalid_date}) for anything else
     */
    static YearMonth month(ApiEvent event, YearMonth current) {
        Optional<String> raw = event.query("month");
        if (raw.isEmpty()) {
            return current;
        }
        try {
            YearMonth month = YearMonth.parse(raw.get());
            if (month.getYear() >= FIRST_YEAR && month.getYear() <= LAST_YEAR) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // refused below, as a year out of range is
        }
        throw new InvalidInputException(FieldError.of("month", ErrorCode.INVALID_DATE));
    }

    private static <T> Optional<T> choice(
            ApiEvent event, String name, Function<String, Optional<T>> parse, List<FieldError> errors) {
        Optional<String> raw = event.query(name);
        Optional<T> value = raw.flatMap(parse);
        if (raw.isPresent() && value.isEmpty()) {
            errors.add(FieldError.of(name, ErrorCode.INVALID_CHOICE));
        }
        return value;
    }

    private static Optional<LocalDate> date(ApiEvent event, String name, List<FieldError> errors) {
        try {
            // Years outside the service's life are typos; LocalDate.MIN-like ones also broke minusYears (a 500).
            return event.query(name).map(LocalDate::parse).map(d -> {
                if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
                    throw new DateTimeParseException("out of range", d.toString(), 0);
                }
                return d;
            });
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, ErrorCode.INVALID_DATE));
            return Optional.empty();
        }
    }
}
