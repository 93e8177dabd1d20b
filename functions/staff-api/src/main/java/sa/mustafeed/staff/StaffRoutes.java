package sa.mustafeed.staff;

import static sa.mustafeed.core.staff.Role.MANAGER;
import static sa.mustafeed.core.staff.Role.STAFF;
import static sa.mustafeed.core.staff.Role.VOLUNTEER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.DeliveryStatistics;
import sa.mustafeed.core.ports.ServiceStatistics;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionReceipt;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.staff.Assignee;
import sa.mustafeed.core.staff.AuditPage;
import sa.mustafeed.core.staff.BeneficiaryRecords;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.DeliveryReport;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.QueueView;
import sa.mustafeed.core.staff.RequestsCsv;
import sa.mustafeed.core.staff.SavedReply;
import sa.mustafeed.core.staff.SavedReplyService;
import sa.mustafeed.core.staff.ServiceReport;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.staff.SurveysCsv;
import sa.mustafeed.core.staff.WorkQueueService;
import sa.mustafeed.core.survey.KioskService;
import sa.mustafeed.core.survey.SatisfactionReport;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.JsonBodies;
import sa.mustafeed.http.RequestDrafts;

/**
 * The staff API as data: each route key of template.yaml's staff function, the role it needs and
 * what it does (parse with {@link StaffRequests}, call the domain, map with {@link StaffJson}).
 * Employees work requests; only managers read reports and handle data-subject requests.
 */
final class StaffRoutes {
    /** A report or export reads at most this many requests; beyond it, narrow the dates. */
    static final int REPORT_LIMIT = 20_000;

    private static final int PAGE_SIZE = 25;
    /** A month of PDPL requests is a handful; 50 a page keeps even a busy month to one or two. */
    private static final int AUDIT_PAGE_SIZE = 50;

    private final CaseService cases;
    private final SubmissionService registrations;
    private final SurveyStatistics surveys;
    private final ServiceStatistics service;
    private final DeliveryStatistics deliveries;
    private final BeneficiaryRecords beneficiaries;
    private final WorkQueueService workQueue;
    private final SavedReplyService savedReplies;
    private final RecoveryRoutes recovery;
    private final KioskService kiosks;
    private final ComplaintRoutes complaints;
    private final Clock clock;
    private final Map<String, StaffRoute> table = new LinkedHashMap<>();

    StaffRoutes(
            CaseService cases,
            SubmissionService registrations,
            SurveyStatistics surveys,
            ServiceStatistics service,
            DeliveryStatistics deliveries,
            BeneficiaryRecords beneficiaries,
            WorkQueueService workQueue,
            SavedReplyService savedReplies,
            RecoveryRoutes recovery,
            KioskService kiosks,
            ComplaintRoutes complaints,
            Clock clock) {
        this.complaints = complaints;
        this.recovery = recovery;
        this.workQueue = workQueue;
        this.savedReplies = savedReplies;
        this.kiosks = kiosks;
        this.cases = cases;
        this.registrations = registrations;
        this.surveys = surveys;
        this.service = service;
        this.deliveries = deliveries;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
        add("GET /staff/requests", VOLUNTEER, this::queue);
        add("POST /staff/requests", VOLUNTEER, this::register);
        add(
                "GET /staff/requests/{reference}",
                STAFF,
                (event, me) -> ok(detail(opened(StaffRequests.reference(event), me), me)));
        add("POST /staff/requests/{reference}/status", STAFF, this::changeStatus);
        add("POST /staff/requests/{reference}/notes", STAFF, this::addNote);
        add("POST /staff/requests/{reference}/replies", STAFF, this::reply);
        add("GET /staff/reports/service", MANAGER, (event, me) -> serviceReport(event));
        add("GET /staff/exports/requests.csv", MANAGER, (event, me) -> requestsCsv(event));
        add("GET /staff/reports/satisfaction", MANAGER, (event, me) -> satisfactionReport(event));
        add("GET /staff/exports/surveys.csv", MANAGER, (event, me) -> surveysCsv(event));
        add("POST /staff/beneficiaries/find", MANAGER, (event, me) -> findBeneficiary(event));
        add("POST /staff/beneficiaries/export", MANAGER, this::exportBeneficiary);
        add("POST /staff/beneficiaries/erase", MANAGER, this::eraseBeneficiary);
        add("GET /staff/audit", MANAGER, (event, me) -> auditLog(event));
        add("POST /staff/beneficiaries/lookup", STAFF, (event, me) -> lookUpBeneficiary(event));
        add("POST /staff/requests/{reference}/assignee", STAFF, this::assign);
        add("GET /staff/colleagues", STAFF, (event, me) -> colleagues());
        // Employees use saved replies in the composer; managers write them. POST, not PUT/DELETE:
        // the API's CORS allows GET and POST only (TemplateSecurityTest).
        add("GET /staff/saved-replies", STAFF, (event, me) -> savedReplies());
        add("POST /staff/saved-replies/{id}", MANAGER, this::saveReply);
        add("POST /staff/saved-replies/{id}/delete", MANAGER, this::deleteReply);
        // Service recovery: every employee works the follow-ups; only managers read the comments.
        add("GET /staff/follow-ups", STAFF, recovery::open);
        add("POST /staff/follow-ups/{reference}", STAFF, recovery::record);
        add("GET /staff/feedback", MANAGER, recovery::feedback);
        // Lobby tablets whose exit taps count: managers register and retire them (retire is a POST
        // for the same CORS reason).
        add(
                "GET /staff/kiosks",
                MANAGER,
                (event, me) -> ok(Map.of(
                        "items", kiosks.all().stream().map(StaffJson::kiosk).toList())));
        add(
                "POST /staff/kiosks",
                MANAGER,
                (event, me) -> ApiResponse.json(
                        201,
                        Json.write(StaffJson.kiosk(
                                kiosks.register(StaffRequests.kioskLabel(JsonBodies.object(event)), me)))));
        add(
                "POST /staff/kiosks/{id}/retire",
                MANAGER,
                (event, me) -> ok(
                        StaffJson.kiosk(kiosks.retire(event.pathParameter("id").orElse(""), me))));
        // Complaints handled as complaints: a manager or the complaint's assignee records the outcome
        // (the domain checks which; a complaint about staff stays the managers' alone).
        add("POST /staff/requests/{reference}/outcome", STAFF, complaints::recordOutcome);
    }

    private void add(String routeKey, sa.mustafeed.core.staff.Role role, StaffRoute.Action action) {
        table.put(routeKey, new StaffRoute(role, action));
    }

    /** Route key → role and action, in template.yaml's order. */
    Map<String, StaffRoute> table() {
        return java.util.Collections.unmodifiableMap(table);
    }

    Optional<StaffRoute> find(String routeKey) {
        return Optional.ofNullable(table.get(routeKey));
    }

    /** The request page: reading it is opening it, so the marks asking for attention go. */
    private CaseFile opened(ReferenceCode reference, StaffMember me) {
        CaseFile file = cases.view(reference, me);
        workQueue.opened(reference);
        return file;
    }

    private ApiResponse queue(ApiEvent event, StaffMember me) {
        if (me.isVolunteer()) {
            return registrations(event, me);
        }
        Optional<QueueView> view = StaffRequests.view(event);
        if (view.isPresent() && event.query("q").isEmpty()) {
            return workQueue(event, view.get(), me);
        }
        Optional<String> search = event.query("q");
        QueuePage page = search.isPresent() ? cases.search(search.get(), me) : cases.queue(range(event, PAGE_SIZE), me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                page.items().stream()
                        .map(c -> complaints.row(StaffJson.summary(c, cases.serviceClock(c), me), c))
                        .toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return ok(body);
    }

    /** A view of the open work, due first, with the counts of every view and open status. */
    private ApiResponse workQueue(ApiEvent event, QueueView view, StaffMember me) {
        Optional<Status> status = StaffRequests.openStatus(event);
        QueuePage page = workQueue.page(view, me, status, event.query("cursor"), PAGE_SIZE);
        if (view == QueueView.ESCALATED) {
            page = complaints.escalatedOnly(page);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", view.wireName());
        // The caller's staff id: the console tells "mine" from a colleague's without another call.
        body.put("me", me.id());
        body.put(
                "items",
                page.items().stream()
                        .map(c -> complaints.row(StaffJson.summary(c, cases.serviceClock(c), me), c))
                        .toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        body.put("counts", StaffJson.counts(workQueue.counts(me)));
        return ok(body);
    }

    /**
     * A volunteer's list: only the requests they registered, newest first, whatever view, search or
     * filter the query names (none of them may show anyone else's). Reference, category, status and
     * date: what following up needs, not the beneficiary's details.
     */
    private ApiResponse registrations(ApiEvent event, StaffMember me) {
        QueuePage page = cases.registrations(me, event.query("cursor"), PAGE_SIZE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", "registered");
        body.put("items", page.items().stream().map(StaffJson::registration).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return ok(body);
    }

    private ApiResponse assign(ApiEvent event, StaffMember me) {
        ReferenceCode reference = StaffRequests.reference(event);
        cases.openFor(reference, me);
        Optional<Assignee> owner = workQueue.assign(reference, StaffRequests.assignee(JsonBodies.object(event)), me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference.display());
        body.put("assignee", owner.map(Assignee::id).orElse(null));
        body.put("assigneeName", owner.map(Assignee::name).orElse(null));
        return ok(body);
    }

    private ApiResponse colleagues() {
        return ok(Map.of(
                "items",
                workQueue.colleagues().stream()
                        .map(a -> Map.of("id", a.id(), "name", a.name()))
                        .toList()));
    }

    private ApiResponse savedReplies() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", savedReplies.all().stream().map(StaffJson::savedReply).toList());
        // The console fills these; listed so it never guesses them.
        body.put("placeholders", List.of(SavedReplyService.REFERENCE, SavedReplyService.NAME));
        return ok(body);
    }

    private ApiResponse saveReply(ApiEvent event, StaffMember me) {
        SavedReply saved = savedReplies.save(
                event.pathParameter("id").orElse(""), StaffRequests.savedReply(JsonBodies.object(event)), me);
        return ok(StaffJson.savedReply(saved));
    }

    private ApiResponse deleteReply(ApiEvent event, StaffMember me) {
        String id = event.pathParameter("id").orElse("");
        savedReplies.delete(id);
        return ok(Map.of("deleted", id));
    }

    private ApiResponse register(ApiEvent event, StaffMember me) {
        SubmissionReceipt receipt = registrations.register(
                RequestDrafts.fromStaffJson(JsonBodies.object(event)), event.header("idempotency-key"), me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", receipt.reference().display());
        body.put("status", receipt.status().wireName());
        body.put("submittedAt", receipt.submittedAt().toString());
        body.put("nextSteps", StaffJson.label(receipt.nextSteps()));
        body.put("possibleDuplicates", StaffJson.references(receipt.possibleDuplicates()));
        // Read out to an anonymous caller, or written on the letter's reply: shown this once.
        receipt.trackingCode().ifPresent(code -> body.put("trackingCode", code));
        return ApiResponse.json(201, Json.write(body));
    }

    private ApiResponse changeStatus(ApiEvent event, StaffMember me) {
        StaffRequests.StatusChangeBody change = StaffRequests.statusChange(JsonBodies.object(event));
        return ok(detail(
                cases.changeStatus(
                        StaffRequests.reference(event), change.to(), change.expectedVersion(), change.note(), me),
                me));
    }

    private ApiResponse addNote(ApiEvent event, StaffMember me) {
        String text = StaffRequests.text(JsonBodies.object(event));
        return ApiResponse.json(201, Json.write(entry(cases.addNote(StaffRequests.reference(event), text, me))));
    }

    /** A public answer: shown on the tracking page and sent to the beneficiary (by the notifier, once). */
    private ApiResponse reply(ApiEvent event, StaffMember me) {
        String text = StaffRequests.text(JsonBodies.object(event));
        Map<String, Object> body = entry(cases.reply(StaffRequests.reference(event), text, me));
        body.put("public", true);
        return ApiResponse.json(201, Json.write(body));
    }

    private static Map<String, Object> entry(CaseEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", event.at().toString());
        body.put("by", event.by().orElse(""));
        body.put("text", event.text().orElse(""));
        return body;
    }

    private ApiResponse serviceReport(ApiEvent event) {
        QueueQuery range = range(event, 1);
        YearMonth first = YearMonth.from(range.from());
        YearMonth last = YearMonth.from(range.to());
        ServiceReport report = ServiceReport.of(service.tallies(first, last));
        Map<String, Object> body = StaffJson.serviceReport(report, DeliveryReport.of(deliveries.tallies(first, last)));
        body.put(
                "complaints",
                complaints.figures(
                        first,
                        last,
                        report.byCategory().getOrDefault(sa.mustafeed.core.request.Category.COMPLAINT, 0L)));
        return ok(body);
    }

    private ApiResponse requestsCsv(ApiEvent event) {
        Language language = StaffRequests.exportLanguage(event);
        String csv = RequestsCsv.write(allInRange(event), cases::serviceClock, language);
        return ApiResponse.download("text/csv; charset=utf-8", "requests.csv", csv);
    }

    private ApiResponse satisfactionReport(ApiEvent event) {
        QueueQuery range = range(event, 1);
        YearMonth first = YearMonth.from(range.from());
        YearMonth last = YearMonth.from(range.to());
        Map<String, Object> body = StaffJson.satisfactionReport(
                SatisfactionReport.of(surveys.tallies(first, last), surveys.reach(first, last)));
        body.put("followUps", recovery.figures(first, last));
        return ok(body);
    }

    private ApiResponse surveysCsv(ApiEvent event) {
        QueueQuery range = range(event, 1);
        Language language = StaffRequests.exportLanguage(event);
        String csv =
                SurveysCsv.write(surveys.tallies(YearMonth.from(range.from()), YearMonth.from(range.to())), language);
        return ApiResponse.download("text/csv; charset=utf-8", "surveys.csv", csv);
    }

    /** How many requests are held about a beneficiary (before exporting or erasing); no data. */
    private ApiResponse findBeneficiary(ApiEvent event) {
        return ok(Map.of("requests", beneficiaries.held(StaffRequests.dataSubject(JsonBodies.object(event)))));
    }

    /** PDPL access request: everything held about one beneficiary, found by mobile or national ID. Audited. */
    private ApiResponse exportBeneficiary(ApiEvent event, StaffMember me) {
        List<CaseFile> files = beneficiaries.export(StaffRequests.dataSubject(JsonBodies.object(event)), me);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exportedAt", clock.instant().toString());
        answer.put("requests", files.stream().map(f -> detail(f, me)).toList());
        return ok(answer);
    }

    /** PDPL erasure: personal data overwritten; anonymous counts kept. Needs {@code "confirm": true}. Audited. */
    private ApiResponse eraseBeneficiary(ApiEvent event, StaffMember me) {
        List<ReferenceCode> erased = beneficiaries.erase(StaffRequests.erasure(JsonBodies.object(event)), me);
        return ok(Map.of("erased", erased.stream().map(ReferenceCode::display).toList()));
    }

    /** The PDPL audit log of a month (UTC, default this one), newest first. */
    private ApiResponse auditLog(ApiEvent event) {
        YearMonth month = StaffRequests.month(event, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        AuditPage page = beneficiaries.auditLog(month, event.query("cursor"), AUDIT_PAGE_SIZE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", month.toString());
        body.put("items", page.entries().stream().map(StaffJson::auditEntry).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return ok(body);
    }

    /**
     * Before registering: who a returning beneficiary is (by mobile or national ID, in the body so
     * neither reaches a URL or an access log), to prefill the form from their latest request.
     */
    private ApiResponse lookUpBeneficiary(ApiEvent event) {
        return ok(StaffJson.returning(beneficiaries.lookup(StaffRequests.dataSubject(JsonBodies.object(event)))));
    }

    /** Every request submitted in the range, read month by month from the month index. */
    private List<CaseSummary> allInRange(ApiEvent event) {
        QueueQuery first = range(event, 500);
        return cases.allMatching(
                new QueueQuery(
                        Optional.empty(),
                        first.category(),
                        first.channel(),
                        first.from(),
                        first.to(),
                        false,
                        Optional.empty(),
                        500),
                REPORT_LIMIT);
    }

    private QueueQuery range(ApiEvent event, int pageSize) {
        return StaffRequests.queue(event, LocalDate.now(clock), pageSize);
    }

    private Map<String, Object> detail(CaseFile file, StaffMember me) {
        return complaints.detail(StaffJson.detail(file, cases.serviceClock(file), me), file, me);
    }

    private static ApiResponse ok(Map<String, Object> body) {
        return ApiResponse.json(200, Json.write(body));
    }
}
