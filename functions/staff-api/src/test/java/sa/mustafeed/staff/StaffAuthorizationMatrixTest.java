package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.fakes.InMemoryAuditLog;
import sa.mustafeed.core.fakes.InMemoryDeliveryStatistics;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemorySurveyStore;
import sa.mustafeed.core.fakes.InMemoryWorkQueue;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.BeneficiaryRecords;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.WorkQueueService;
import sa.mustafeed.core.survey.SurveyTokens;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.RepositoryRoot;
import sa.mustafeed.testing.SampleEvents;

/**
 * Every route template.yaml gives the staff function, called by each role through the whole handler:
 * without a token 401; a volunteer 403 everywhere but registering and their own list; an employee
 * 403 on the managers' routes only; a manager never refused. A route added to the template is in
 * the matrix without touching this test.
 */
class StaffAuthorizationMatrixTest {
    private static final Set<String> VOLUNTEER_ROUTES = Set.of("GET /staff/requests", "POST /staff/requests");
    private static final Set<String> MANAGER_ROUTES = Set.of(
            "GET /staff/reports/service",
            "GET /staff/exports/requests.csv",
            "GET /staff/reports/satisfaction",
            "GET /staff/exports/surveys.csv",
            "POST /staff/beneficiaries/find",
            "POST /staff/beneficiaries/export",
            "POST /staff/beneficiaries/erase",
            "GET /staff/audit",
            "POST /staff/saved-replies/{id}",
            "POST /staff/saved-replies/{id}/delete",
            "GET /staff/feedback",
            "GET /staff/kiosks",
            "POST /staff/kiosks",
            "POST /staff/kiosks/{id}/retire");

    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final InMemoryMessaging messaging = new InMemoryMessaging();
    private final StaffApiHandler handler = new StaffApiHandler(
            new CaseService(
                    repository,
                    messaging.deliveryLog,
                    SampleServiceLevels.LEVELS,
                    SampleDrafts.HASHER,
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new SubmissionService(
                    RequestRules.forStaffChannels(),
                    repository,
                    SampleDrafts.HASHER,
                    SampleDrafts.clockAt(SampleDrafts.NOW),
                    new SplittableRandom(7),
                    "2026-11"),
            new InMemorySurveyStore(),
            (first, last) -> List.of(),
            new InMemoryDeliveryStatistics(),
            new BeneficiaryRecords(
                    repository,
                    messaging.deliveryLog,
                    new InMemorySurveyStore(),
                    new SurveyTokens(SampleDrafts.HASHER),
                    SampleDrafts.HASHER,
                    new InMemoryAuditLog(),
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new WorkQueueService(
                    new InMemoryWorkQueue(repository, SampleServiceLevels.LEVELS),
                    SampleDrafts.clockAt(SampleDrafts.NOW)),
            new sa.mustafeed.core.staff.SavedReplyService(
                    new sa.mustafeed.core.fakes.InMemorySavedReplies(), SampleDrafts.clockAt(SampleDrafts.NOW)),
            new RecoveryRoutes(
                    new sa.mustafeed.core.recovery.FollowUpService(
                            new InMemorySurveyStore(),
                            sa.mustafeed.core.fakes.SampleServiceLevels.FOLLOW_UPS,
                            SampleDrafts.clockAt(SampleDrafts.NOW)),
                    new InMemorySurveyStore()),
            new sa.mustafeed.core.survey.KioskService(
                    new sa.mustafeed.core.fakes.InMemoryKioskRegistry(),
                    SampleDrafts.clockAt(SampleDrafts.NOW),
                    new SplittableRandom(3)),
            new ComplaintRoutes(new sa.mustafeed.core.complaints.ComplaintService(
                    new CaseService(
                            repository,
                            messaging.deliveryLog,
                            SampleServiceLevels.LEVELS,
                            SampleDrafts.HASHER,
                            SampleDrafts.clockAt(SampleDrafts.NOW)),
                    repository,
                    sa.mustafeed.core.fakes.SampleServiceLevels.COMPLAINTS,
                    SampleDrafts.clockAt(SampleDrafts.NOW))),
            SampleDrafts.clockAt(SampleDrafts.NOW));

    /** MHF5-Q2N7, registered by nobody: another's request as far as any volunteer is concerned. */
    @BeforeEach
    void storeTheSampleRequest() {
        repository.create(
                SampleDrafts.sampleRequest(Status.RECEIVED, 1),
                new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED),
                Optional.empty());
        repository.readReachFrom(messaging);
    }

    @Test
    void everyTemplateRoute_answersEachRoleAsTheMatrixSays() throws Exception {
        List<String> routes = templateRoutes();
        assertEquals(true, routes.size() >= 14, "the template's staff routes: " + routes);
        for (String route : routes) {
            assertEquals(401, call(route, Optional.empty()), route + " without a token");
            int volunteer = call(route, Optional.of("[volunteer]"));
            if (VOLUNTEER_ROUTES.contains(route)) {
                assertNotEquals(403, volunteer, route + " as a volunteer");
                assertNotEquals(401, volunteer, route + " as a volunteer");
            } else {
                assertEquals(403, volunteer, route + " as a volunteer");
            }
            int staff = call(route, Optional.of("[staff]"));
            if (MANAGER_ROUTES.contains(route)) {
                assertEquals(403, staff, route + " as staff");
            } else {
                assertNotEquals(403, staff, route + " as staff");
                assertNotEquals(401, staff, route + " as staff");
            }
            int manager = call(route, Optional.of("[manager staff]"));
            assertNotEquals(403, manager, route + " as a manager");
            assertNotEquals(401, manager, route + " as a manager");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVolunteer_registersThroughTheVolunteerChannel_andListsOnlyTheirOwn() throws Exception {
        Map<String, Object> created =
                invoke(event("POST /staff/requests", Optional.of("[volunteer]"), "v-1", Map.of()));
        assertEquals(201, created.get("statusCode"), String.valueOf(created.get("body")));
        String reference = (String) body(created).get("reference");
        var file = repository.find(ReferenceCode.parse(reference).orElseThrow()).orElseThrow();
        assertEquals(Channel.VOLUNTEER, file.request().channel(), "the form said phone");
        assertEquals(Optional.of("سعد"), file.registeredBy());
        invoke(event("POST /staff/requests", Optional.of("[volunteer]"), "v-2", Map.of()));

        // a search for another's reference, a queue view and a status filter all still list only their own
        for (Map<String, String> query : List.of(
                Map.<String, String>of(),
                Map.of("q", "MHF5-Q2N7"),
                Map.of("view", "open"),
                Map.of("status", "received"))) {
            Map<String, Object> listed = invoke(event("GET /staff/requests", Optional.of("[volunteer]"), "v-1", query));
            assertEquals(200, listed.get("statusCode"), query.toString());
            List<Map<String, Object>> items =
                    (List<Map<String, Object>>) body(listed).get("items");
            assertEquals(
                    List.of(reference),
                    items.stream().map(i -> i.get("reference")).toList(),
                    query.toString());
            assertEquals(
                    Set.of("reference", "category", "categoryLabel", "status", "statusLabel", "submittedAt"),
                    items.getFirst().keySet(),
                    "no beneficiary details in a volunteer's list");
        }
        Map<String, Object> page =
                invoke(event("GET /staff/requests/{reference}", Optional.of("[volunteer]"), "v-1", Map.of()));
        assertEquals(403, page.get("statusCode"), "not even the page of a request they did not register");
    }

    private List<String> templateRoutes() throws Exception {
        return SamTemplate.read(RepositoryRoot.resolve("template.yaml")).functions().stream()
                .filter(f -> f.handler().startsWith(StaffApiHandler.class.getName() + "::"))
                .flatMap(f -> f.routes().stream())
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    private int call(String route, Optional<String> groups) throws Exception {
        return ((Number) invoke(event(route, groups, "u-" + groups.orElse("none"), Map.of()))
                        .get("statusCode"))
                .intValue();
    }

    /** The sample register event, reshaped into {@code route} for a caller in {@code groups} (none: no token). */
    @SuppressWarnings("unchecked")
    private static byte[] event(String route, Optional<String> groups, String subject, Map<String, String> query)
            throws Exception {
        Map<String, Object> event =
                Json.readObject(Files.readAllBytes(SampleEvents.path("staff-api", "register-by-phone")));
        String[] parts = route.split(" ", 2);
        String path = parts[1].replace("{reference}", "MHF5-Q2N7").replace("{documentId}", "d1");
        event.put("routeKey", route);
        event.put("rawPath", path);
        event.put("queryStringParameters", new LinkedHashMap<>(query));
        event.put(
                "rawQueryString",
                String.join(
                        "&",
                        query.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList()));
        event.put("pathParameters", parts[1].contains("{reference}") ? Map.of("reference", "MHF5-Q2N7") : Map.of());
        if (parts[0].equals("GET")) {
            event.remove("body");
        }
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
        ((Map<String, Object>) context.get("http")).put("method", parts[0]);
        ((Map<String, Object>) context.get("http")).put("path", path);
        context.put("routeKey", route);
        if (groups.isEmpty()) {
            context.remove("authorizer");
        } else {
            Map<String, Object> claims = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) context.get("authorizer")).get("jwt")).get("claims");
            claims.put("cognito:groups", groups.get());
            claims.put("sub", subject);
            claims.put("name", groups.get().contains("volunteer") ? "سعد" : "أمل الحربي");
        }
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    private static Map<String, Object> body(Map<String, Object> response) throws Exception {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }
}
