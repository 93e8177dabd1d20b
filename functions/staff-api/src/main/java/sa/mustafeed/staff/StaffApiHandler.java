package sa.mustafeed.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import sa.mustafeed.aws.Config;
import sa.mustafeed.aws.DynamoDbCaseRepository;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.DynamoDbSurveyStatistics;
import sa.mustafeed.aws.DynamoDbServiceStatistics;
import sa.mustafeed.core.ports.ServiceStatistics;
import sa.mustafeed.aws.DynamoDbSurveyStore;
import sa.mustafeed.core.staff.BeneficiaryRecords;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.survey.SatisfactionReport;
import sa.mustafeed.core.survey.SurveyTally;
import sa.mustafeed.aws.FunctionResources;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionReceipt;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.RequestsCsv;
import sa.mustafeed.core.staff.ServiceReport;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.HttpFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;
import sa.mustafeed.http.RequestDrafts;
import sa.mustafeed.http.ServiceLevelsFile;
import sa.mustafeed.http.StaffIdentity;

/** The staff console's API under {@code /staff/}: every route needs a signed-in employee. */
public final class StaffApiHandler implements RequestStreamHandler {
    /** A report or export reads at most this many requests; beyond it, narrow the dates. */
    static final int REPORT_LIMIT = 20_000;
    private static final int PAGE_SIZE = 25;
    /** Reports and queues cover at most this span; wider ranges answer 400 invalid_date on "from". */
    static final int MAX_RANGE_YEARS = 5;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final CaseService cases;
    private final SubmissionService registrations;
    private final SurveyStatistics surveys;
    private final ServiceStatistics service;
    private final BeneficiaryRecords beneficiaries;
    private final Clock clock;

    /** Used by Lambda: builds the clients and reads the service levels once per cold start. */
    public StaffApiHandler() {
        this(FunctionResources.fromEnvironment(), Clock.systemUTC());
    }

    private StaffApiHandler(FunctionResources aws, Clock clock) {
        this(new CaseService(new DynamoDbCaseRepository(aws.dynamoDb(), aws.tableName()), ServiceLevelsFile.load(),
                        aws.hasher(), clock),
                new SubmissionService(RequestRules.forStaffChannels(),
                        new DynamoDbRequestRepository(aws.dynamoDb(), aws.tableName()), aws.hasher(), clock,
                        new SecureRandom(), Config.optional("PRIVACY_NOTICE_VERSION").orElse("unversioned")),
                new DynamoDbSurveyStatistics(aws.dynamoDb(), aws.tableName()),
                new DynamoDbServiceStatistics(aws.dynamoDb(), aws.tableName()),
                new BeneficiaryRecords(new DynamoDbCaseRepository(aws.dynamoDb(), aws.tableName()),
                        new DynamoDbSurveyStore(aws.dynamoDb(), aws.tableName()), new SurveyTokens(aws.hasher()),
                        aws.hasher(), clock),
                clock);
    }

    StaffApiHandler(CaseService cases, SubmissionService registrations, SurveyStatistics surveys,
            ServiceStatistics service, BeneficiaryRecords beneficiaries, Clock clock) {
        this.cases = cases;
        this.registrations = registrations;
        this.surveys = surveys;
        this.service = service;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, this::route);
    }

    ApiResponse route(ApiEvent event) {
        StaffMember me = StaffIdentity.of(event);
        return switch (event.routeKey()) {
            case "GET /staff/requests" -> queue(event);
            case "POST /staff/requests" -> register(event, me);
            case "GET /staff/requests/{reference}" -> ok(detail(cases.open(reference(event))));
            case "POST /staff/requests/{reference}/status" -> changeStatus(event, me);
            case "POST /staff/requests/{reference}/notes" -> addNote(event, me);
            case "POST /staff/requests/{reference}/replies" -> reply(event, me);
            case "GET /staff/reports/service" -> serviceReport(event);
            case "GET /staff/exports/requests.csv" -> requestsCsv(event);
            case "GET /staff/reports/satisfaction" -> satisfactionReport(event);
            case "GET /staff/exports/surveys.csv" -> surveysCsv(event);
            case "POST /staff/beneficiaries/export" -> exportBeneficiary(event);
            case "POST /staff/beneficiaries/erase" -> eraseBeneficiary(event);
            default -> throw new RequestNotFoundException();
        };
    }

    private ApiResponse queue(ApiEvent event) {
        Optional<String> search = event.query("q");
        QueuePage page = search.isPresent() ? cases.search(search.get()) : cases.queue(query(event, PAGE_SIZE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(c -> StaffJson.summary(c, cases.serviceClock(c))).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return ok(body);
    }

    private QueueQuery query(ApiEvent event, int pageSize) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Status> status = choice(event, "status", Status::fromWireName, errors);
        Optional<Category> category = choice(event, "category", Category::fromWireName, errors);
        Optional<Channel> channel = choice(event, "channel", Channel::fromWireName, errors);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = date(event, "to", errors).orElse(today);
        LocalDate from = date(event, "from", errors).orElse(to.minusYears(1));
        // A range is read month by month: an unbounded one (from=0041-08-17) kept a function busy
        // past any timeout, so it is capped (found by the schemathesis run, scripts/fuzz.sh).
        if (errors.isEmpty() && (from.isAfter(to) || from.plusYears(MAX_RANGE_YEARS).isBefore(to))) {
            errors.add(FieldError.of("from", ErrorCode.INVALID_DATE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean newestFirst = !"oldest".equals(event.query("order").orElse("newest"));
        return new QueueQuery(status, category, channel, from, to, newestFirst, event.query("cursor"), pageSize);
    }

    private static <T> Optional<T> choice(ApiEvent event, String name,
            java.util.function.Function<String, Optional<T>> parse, List<FieldError> errors) {
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

    private ApiResponse register(ApiEvent event, StaffMember me) {
        SubmissionReceipt receipt = registrations.submit(RequestDrafts.fromJson(JsonBodies.object(event)),
                event.header("idempotency-key"), Optional.of(me.name()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", receipt.reference().display());
        body.put("status", receipt.status().wireName());
        body.put("submittedAt", receipt.submittedAt().toString());
        body.put("nextSteps", StaffJson.label(receipt.nextSteps()));
        body.put("possibleDuplicates", StaffJson.references(receipt.possibleDuplicates()));
        return ApiResponse.json(201, Json.write(body));
    }

    private ApiResponse changeStatus(ApiEvent event, StaffMember me) {
        Map<String, Object> body = JsonBodies.object(event);
        List<FieldError> errors = new ArrayList<>();
        Optional<Status> to = body.get("status") instanceof String s ? Status.fromWireName(s) : Optional.empty();
        if (to.isEmpty()) {
            errors.add(FieldError.of("status", body.get("status") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_CHOICE));
        }
        if (!(body.get("version") instanceof Number)) {
            errors.add(FieldError.of("version", body.get("version") == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_TYPE));
        }
        Object note = body.get("note");
        if (note != null && !(note instanceof String)) {
            errors.add(FieldError.of("note", ErrorCode.INVALID_TYPE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CaseFile changed = cases.changeStatus(reference(event), to.get(), ((Number) body.get("version")).longValue(),
                Optional.ofNullable((String) note), me);
        return ok(detail(changed));
    }

    private ApiResponse addNote(ApiEvent event, StaffMember me) {
        Object text = JsonBodies.object(event).get("text");
        if (!(text instanceof String s)) {
            throw new InvalidInputException(FieldError.of("text", text == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_TYPE));
        }
        CaseEvent note = cases.addNote(reference(event), s, me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", note.at().toString());
        body.put("by", note.by().orElse(""));
        body.put("text", note.text().orElse(""));
        return ApiResponse.json(201, Json.write(body));
    }

    /** A public answer: shown on the tracking page and sent to the beneficiary (by the notifier, once). */
    private ApiResponse reply(ApiEvent event, StaffMember me) {
        Object text = JsonBodies.object(event).get("text");
        if (!(text instanceof String s)) {
            throw new InvalidInputException(FieldError.of("text", text == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_TYPE));
        }
        CaseEvent reply = cases.reply(reference(event), s, me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", reply.at().toString());
        body.put("by", reply.by().orElse(""));
        body.put("text", reply.text().orElse(""));
        body.put("public", true);
        return ApiResponse.json(201, Json.write(body));
    }

    private ApiResponse serviceReport(ApiEvent event) {
        StaffIdentity.manager(event);
        QueueQuery range = query(event, 1);
        return ok(StaffJson.serviceReport(ServiceReport.of(service.tallies(YearMonth.from(range.from()),
                YearMonth.from(range.to())))));
    }

    private ApiResponse requestsCsv(ApiEvent event) {
        StaffIdentity.manager(event);
        String csv = RequestsCsv.write(allInRange(event), cases::serviceClock);
        return ApiResponse.download("text/csv; charset=utf-8", "requests.csv", csv);
    }

    private ApiResponse satisfactionReport(ApiEvent event) {
        StaffIdentity.manager(event);
        QueueQuery range = query(event, 1);
        SatisfactionReport report = SatisfactionReport.of(surveys.tallies(YearMonth.from(range.from()),
                YearMonth.from(range.to())));
        return ok(StaffJson.satisfactionReport(report));
    }

    /**
     * Survey results as CSV: the monthly counts per channel, category and question. Counts, not
     * individual answers: evaluation is for improving the service, never for judging a person.
     */
    private ApiResponse surveysCsv(ApiEvent event) {
        StaffIdentity.manager(event);
        QueueQuery range = query(event, 1);
        StringBuilder csv = new StringBuilder("\uFEFF");
        RequestsCsv.row(csv, "month", "channel", "category", "question", "score_1", "score_2", "score_3", "score_4",
                "score_5", "responses", "csat");
        for (SurveyTally t : surveys.tallies(YearMonth.from(range.from()), YearMonth.from(range.to()))) {
            long[] c = t.counts();
            RequestsCsv.row(csv, t.month().toString(), t.channel().wireName(),
                    t.category().map(Category::wireName).orElse(""), t.question(), Long.toString(c[0]),
                    Long.toString(c[1]), Long.toString(c[2]), Long.toString(c[3]), Long.toString(c[4]),
                    Long.toString(t.responses()),
                    t.responses() == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f", (double) t.satisfied() / t.responses()));
        }
        return ApiResponse.download("text/csv; charset=utf-8", "surveys.csv", csv.toString());
    }

    /** PDPL access request: everything held about one beneficiary, found by mobile or national ID. */
    private ApiResponse exportBeneficiary(ApiEvent event) {
        StaffIdentity.manager(event);
        Map<String, Object> body = JsonBodies.object(event);
        List<CaseFile> files = beneficiaries.export(body.get("mobile"), body.get("nationalId"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exportedAt", clock.instant().toString());
        answer.put("requests", files.stream().map(this::detail).toList());
        return ok(answer);
    }

    /** PDPL erasure: personal data overwritten; anonymous counts kept. Needs {@code "confirm": true}. */
    private ApiResponse eraseBeneficiary(ApiEvent event) {
        StaffIdentity.manager(event);
        Map<String, Object> body = JsonBodies.object(event);
        if (!Boolean.TRUE.equals(body.get("confirm"))) {
            throw new InvalidInputException(FieldError.of("confirm", ErrorCode.REQUIRED));
        }
        List<ReferenceCode> erased = beneficiaries.erase(body.get("mobile"), body.get("nationalId"));
        return ok(Map.of("erased", erased.stream().map(ReferenceCode::display).toList()));
    }

    /** Every request submitted in the range, read month by month from the month index. */
    private List<CaseSummary> allInRange(ApiEvent event) {
        QueueQuery first = query(event, 500);
        return cases.allMatching(new QueueQuery(Optional.empty(), first.category(), first.channel(), first.from(),
                first.to(), false, Optional.empty(), 500), REPORT_LIMIT);
    }

    private Map<String, Object> detail(CaseFile file) {
        return StaffJson.detail(file, cases.serviceClock(file));
    }

    private static ReferenceCode reference(ApiEvent event) {
        return event.pathParameter("reference").flatMap(ReferenceCode::parse)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)));
    }

    private static ApiResponse ok(Map<String, Object> body) {
        return ApiResponse.json(200, Json.write(body));
    }
}
