package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * The staff API through the local runner against moto: the development authorizer, the state machine
 * with optimistic locking on DynamoDB, paging over the indexes, search by hash.
 */
@ExtendWith(MotoServer.class)
class StaffApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;
    private static LocalApi api;
    private static String staff;
    private static String manager;

    @BeforeAll
    static void start() throws Exception {
        MotoServer.reset();
        runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "staff-it"));
        base = "http://127.0.0.1:" + runner.port();
        api = new LocalApi(runner);
        staff = login("staff");
        manager = login("manager");
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static String login(String role) throws Exception {
        HttpResponse<String> r = send("POST", "/dev/login", "{\"role\":\"" + role + "\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        return (String) json(r).get("token");
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return api.send(method, path, body, token);
    }

    private static Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return LocalApi.json(r);
    }

    private static String register(String token, String mobile, String nationalId) throws Exception {
        String body = Json.write(Map.of(
                "category",
                "inquiry",
                "channel",
                "interview",
                "name",
                "فاطمة",
                "mobile",
                mobile,
                "city",
                "الطائف",
                "description",
                "سؤال عن الخدمات",
                "preferredContact",
                "sms",
                "language",
                "ar",
                "consent",
                true,
                "nationalId",
                nationalId));
        HttpResponse<String> r = send("POST", "/staff/requests", body, token);
        assertEquals(201, r.statusCode(), r.body());
        return (String) json(r).get("reference");
    }

    /**
     * Every route template.yaml puts behind the staff authorizer, read from the template so a new route
     * cannot skip the matrix: no token, an expired one, a forged signature and garbage are refused
     * before the handler; staff reach the staff routes and get 403 on the manager routes; managers
     * reach all. A route missing from {@link #MATRIX} fails the test until someone says who may call it.
     */
    @Test
    void authorizationMatrix_everyStaffRoute() throws Exception {
        String ref = register(staff, "0561234567", "");
        String forged =
                staff.substring(0, staff.lastIndexOf('.') + 1) + "AAAA" + staff.substring(staff.lastIndexOf('.') + 5);
        String expired = (String) runner.devTokens()
                .issue("manager", Instant.now().minus(Duration.ofHours(9)))
                .get("token");
        List<SamTemplate.Route> routes = new ArrayList<>();
        for (SamTemplate.Function function :
                SamTemplate.read(RepositoryRoot.resolve("template.yaml")).functions()) {
            function.routes().stream().filter(r -> r.authorizer().isPresent()).forEach(routes::add);
        }
        assertTrue(routes.size() >= 11, "the staff routes are read from the template");
        for (SamTemplate.Route route : routes) {
            String key = route.method() + " " + route.path();
            String[] access = MATRIX.get(key);
            assertNotNull(access, "the authorization matrix says nothing of " + key);
            String path = route.path()
                    .replace("{reference}", ref)
                    .replace("{documentId}", "no-such-document")
                    .replace("{id}", "matrix-reply");
            String body = access[1];
            String managerBody = access.length > 2 ? access[2] : body;
            for (String[] refused : List.of(
                    new String[] {null, "no token"},
                    new String[] {expired, "expired"},
                    new String[] {forged, "wrong signature"},
                    new String[] {"not.a.jwt", "garbage"})) {
                HttpResponse<String> r = send(route.method(), path, body, refused[0]);
                assertEquals(401, r.statusCode(), refused[1] + ": " + key);
                assertTrue(r.body().contains("\"errors\""), "the error shape: " + key);
            }
            int asStaff =
                    send(route.method(), path, withVersionOf(ref, body), staff).statusCode();
            int asManager = send(route.method(), path, withVersionOf(ref, managerBody), manager)
                    .statusCode();
            switch (access[0]) {
                case "manager", "manager, unknown kiosk" ->
                    assertEquals(403, asStaff, "staff on a manager route: " + key);
                case "staff" -> assertTrue(asStaff == 200 || asStaff == 201, "staff: " + key + " got " + asStaff);
                // Past the authorizer and the role check, the domain's own answer: the request is an inquiry.
                case "staff, not a complaint" -> assertEquals(400, asStaff, "staff: " + key);
                // A document (or a follow-up) that does not exist: past the authorizer and the role
                // check, the handler's own 404.
                default -> assertEquals(404, asStaff, "staff: " + key);
            }
            assertTrue(
                    access[0].equals("staff, not a complaint")
                            ? asManager == 400
                            : access[0].startsWith("staff, ") || access[0].equals("manager, unknown kiosk")
                                    ? asManager == 404
                                    : asManager == 200 || asManager == 201,
                    "manager: " + key + " got " + asManager);
        }
    }

    /** The body with VERSION replaced by the request's current version (other routes may have moved it). */
    private static String withVersionOf(String ref, String body) throws Exception {
        if (body == null || !body.contains("VERSION")) {
            return body;
        }
        Object version =
                json(send("GET", "/staff/requests/" + ref, null, manager)).get("version");
        return body.replace("VERSION", String.valueOf(version));
    }

    /** Who may call each staff route, a body the handler accepts, and the manager's where it must differ. */
    private static final Map<String, String[]> MATRIX = Map.ofEntries(
            Map.entry("GET /staff/requests", new String[] {"staff", null}),
            Map.entry("POST /staff/requests", new String[] {
                "staff",
                Json.write(Map.of(
                        "category",
                        "inquiry",
                        "channel",
                        "phone",
                        "name",
                        "فاطمة",
                        "mobile",
                        "0561234599",
                        "city",
                        "الطائف",
                        "description",
                        "سؤال",
                        "preferredContact",
                        "sms",
                        "language",
                        "ar",
                        "consent",
                        true))
            }),
            Map.entry("GET /staff/requests/{reference}", new String[] {"staff", null}),
            Map.entry("POST /staff/requests/{reference}/notes", new String[] {"staff", "{\"text\":\"ملاحظة\"}"}),
            // Staff take the request into review, the manager moves it on, each at its current version.
            Map.entry("POST /staff/requests/{reference}/status", new String[] {
                "staff",
                "{\"status\":\"in_review\",\"version\":VERSION}",
                "{\"status\":\"in_progress\",\"version\":VERSION}"
            }),
            Map.entry("POST /staff/requests/{reference}/replies", new String[] {"staff", "{\"text\":\"رد علني\"}"}),
            Map.entry("POST /staff/requests/{reference}/assignee", new String[] {"staff", "{\"assignee\":\"me\"}"}),
            Map.entry("GET /staff/colleagues", new String[] {"staff", null}),
            Map.entry("GET /staff/saved-replies", new String[] {"staff", null}),
            Map.entry("POST /staff/saved-replies/{id}", new String[] {
                "manager", "{\"titleAr\":\"رد\",\"titleEn\":\"Reply\",\"textAr\":\"{reference}\",\"textEn\":\"{name}\"}"
            }),
            Map.entry("POST /staff/saved-replies/{id}/delete", new String[] {"manager", "{}"}),
            // The registered request has no survey answer: past the role check, the handler's own 404.
            Map.entry("GET /staff/follow-ups", new String[] {"staff", null}),
            Map.entry(
                    "POST /staff/follow-ups/{reference}",
                    new String[] {"staff, no follow-up", "{\"outcome\":\"not_reached\"}"}),
            Map.entry("GET /staff/feedback", new String[] {"manager", null}),
            Map.entry("GET /staff/kiosks", new String[] {"manager", null}),
            Map.entry("POST /staff/kiosks", new String[] {"manager", "{\"label\":\"Reception\"}"}),
            // No kiosk is called matrix-reply: past the role check, the handler's own 404.
            Map.entry("POST /staff/kiosks/{id}/retire", new String[] {"manager, unknown kiosk", "{}"}),
            // Managers and a complaint's assignee record its outcome; the matrix's request is an
            // inquiry, so both get only_for_complaints (who may record: complaintOutcome_* below).
            Map.entry(
                    "POST /staff/requests/{reference}/outcome",
                    new String[] {"staff, not a complaint", "{\"result\":\"upheld\",\"actionTaken\":\"اعتذرنا\"}"}),
            Map.entry("GET /staff/requests/{reference}/documents", new String[] {"staff", null}),
            Map.entry("POST /staff/requests/{reference}/documents/uploads", new String[] {
                "staff", "{\"name\":\"letter.pdf\",\"contentType\":\"application/pdf\",\"size\":1000}"
            }),
            Map.entry(
                    "POST /staff/requests/{reference}/documents/{documentId}/confirm",
                    new String[] {"staff, unknown document", "{}"}),
            Map.entry(
                    "GET /staff/requests/{reference}/documents/{documentId}",
                    new String[] {"staff, unknown document", null}),
            Map.entry("GET /staff/reports/service", new String[] {"manager", null}),
            Map.entry("GET /staff/reports/satisfaction", new String[] {"manager", null}),
            Map.entry("GET /staff/exports/requests.csv", new String[] {"manager", null}),
            Map.entry("GET /staff/exports/surveys.csv", new String[] {"manager", null}),
            Map.entry("POST /staff/beneficiaries/find", new String[] {"manager", "{\"mobile\":\"0500000001\"}"}),
            Map.entry("POST /staff/beneficiaries/export", new String[] {"manager", "{\"mobile\":\"0500000001\"}"}),
            Map.entry("GET /staff/audit", new String[] {"manager", null}),
            Map.entry("POST /staff/beneficiaries/lookup", new String[] {"staff", "{\"mobile\":\"0500000001\"}"}),
            Map.entry(
                    "POST /staff/beneficiaries/erase",
                    new String[] {"manager", "{\"mobile\":\"0500000001\",\"confirm\":true}"}));

    private static String registerComplaint(String token, String mobile, boolean aboutStaff) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "category",
                "complaint",
                "channel",
                "phone",
                "name",
                "فاطمة",
                "mobile",
                mobile,
                "city",
                "الطائف",
                "description",
                "انتظرت ثلاث ساعات",
                "preferredContact",
                "sms",
                "language",
                "en",
                "consent",
                true));
        if (aboutStaff) {
            body.put("aboutStaff", true);
        }
        HttpResponse<String> r = send("POST", "/staff/requests", Json.write(body), token);
        assertEquals(201, r.statusCode(), r.body());
        return (String) json(r).get("reference");
    }

    /**
     * The authorization rows of the outcome: an employee who is not the assignee gets 403, the
     * assignee and managers record it, once; on a complaint about staff an employee gets 403 even
     * after trying to take it, and a manager records. Then the complainant reads it with the lookup,
     * rates the handling once, and the staff page and the report show it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void complaintOutcome_managersAndAssigneeOnly_onceThenRatedOnce() throws Exception {
        String complaint = registerComplaint(staff, "0561230001", false);
        String outcome = "{\"result\":\"partly_upheld\",\"actionTaken\":\"We reorganised the waiting line.\"}";
        String path = "/staff/requests/" + complaint + "/outcome";
        HttpResponse<String> notAssignee = send("POST", path, outcome, staff);
        assertEquals(403, notAssignee.statusCode(), notAssignee.body());
        assertEquals(
                200,
                send("POST", "/staff/requests/" + complaint + "/assignee", "{\"assignee\":\"me\"}", staff)
                        .statusCode());
        HttpResponse<String> recorded = send("POST", path, outcome, staff);
        assertEquals(201, recorded.statusCode(), recorded.body());
        assertEquals("partly_upheld", json(recorded).get("result"));
        HttpResponse<String> again = send("POST", path, outcome, manager);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("outcome_already_recorded"), again.body());
        HttpResponse<String> blank = send("POST", path, "{\"result\":\"maybe\",\"actionTaken\":\"\"}", manager);
        assertEquals(400, blank.statusCode());

        String aboutStaff = registerComplaint(manager, "0561230002", true);
        String aboutPath = "/staff/requests/" + aboutStaff + "/outcome";
        assertEquals(403, send("POST", aboutPath, outcome, staff).statusCode());
        assertEquals(
                403,
                send("POST", "/staff/requests/" + aboutStaff + "/assignee", "{\"assignee\":\"me\"}", staff)
                        .statusCode());
        assertEquals(201, send("POST", aboutPath, outcome, manager).statusCode());

        // The complainant: the outcome on the lookup and the timeline, in their language; one rating.
        String proof = "{\"reference\":\"" + complaint + "\",\"mobileLast4\":\"0001\"";
        Map<String, Object> lookup = json(send("POST", "/requests/lookup", proof + "}", null));
        assertEquals("partly_upheld", ((Map<String, Object>) lookup.get("outcome")).get("result"));
        assertEquals(false, lookup.get("handlingRated"));
        assertTrue(((List<Map<String, Object>>) lookup.get("timeline"))
                .stream()
                        .anyMatch(e ->
                                "The outcome of your complaint: Partly upheld. What we did: We reorganised the waiting line."
                                        .equals(e.get("text"))));
        String ratingPath = "/requests/" + complaint + "/handling-rating";
        HttpResponse<String> wrong =
                send("POST", ratingPath, "{\"mobileLast4\":\"9999\",\"answer\":\"satisfied\"}", null);
        assertEquals(404, wrong.statusCode());
        HttpResponse<String> rated = send(
                "POST",
                ratingPath,
                "{\"mobileLast4\":\"0001\",\"answer\":\"not_satisfied\",\"comment\":\"Slow.\"}",
                null);
        assertEquals(201, rated.statusCode(), rated.body());
        HttpResponse<String> twice =
                send("POST", ratingPath, "{\"mobileLast4\":\"0001\",\"answer\":\"satisfied\"}", null);
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("handling_already_rated"));
        assertEquals(
                true, json(send("POST", "/requests/lookup", proof + "}", null)).get("handlingRated"));

        Map<String, Object> page = json(send("GET", "/staff/requests/" + complaint, null, manager));
        Map<String, Object> handling = (Map<String, Object>) page.get("complaint");
        assertEquals("not_satisfied", ((Map<String, Object>) handling.get("rating")).get("answer"));
        assertEquals(false, handling.get("mayRecordOutcome"));
        Map<String, Object> figures = (Map<String, Object>)
                json(send("GET", "/staff/reports/service", null, manager)).get("complaints");
        assertTrue(((Number) figures.get("responded")).intValue() >= 2, figures.toString());
        assertTrue(((Number) figures.get("rated")).intValue() >= 1, figures.toString());
        // The escalated view is the managers' (ISO 10002 escalation).
        assertEquals(
                403, send("GET", "/staff/requests?view=escalated", null, staff).statusCode());
        assertEquals(
                200,
                send("GET", "/staff/requests?view=escalated", null, manager).statusCode());
    }

    @Test
    void statusChanges_useOptimisticLockingOnDynamoDb() throws Exception {
        String ref = register(staff, "0561234568", "");
        HttpResponse<String> first =
                send("POST", "/staff/requests/" + ref + "/status", "{\"status\":\"in_review\",\"version\":1}", staff);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(2, json(first).get("version"));
        HttpResponse<String> stale =
                send("POST", "/staff/requests/" + ref + "/status", "{\"status\":\"rejected\",\"version\":1}", manager);
        assertEquals(409, stale.statusCode());
        HttpResponse<String> refused =
                send("POST", "/staff/requests/" + ref + "/status", "{\"status\":\"completed\",\"version\":2}", staff);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("invalid_transition"));
        HttpResponse<String> detail = send("GET", "/staff/requests/" + ref, null, staff);
        assertEquals("in_review", json(detail).get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void queue_pagesWithCursorsOverTheStatusIndex() throws Exception {
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            registered.add(register(staff, "05700000" + (10 + i), ""));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/staff/requests?status=received&order=oldest" + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = json(send("GET", path, null, staff));
            for (Object item : (List<Object>) page.get("items")) {
                seen.add((String) ((Map<String, Object>) item).get("reference"));
            }
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertTrue(seen.containsAll(registered), "every registered request is reachable through the pages");
        assertEquals(
                400,
                send("GET", "/staff/requests?cursor=not-a-cursor", null, staff).statusCode());
        assertEquals(
                400, send("GET", "/staff/requests?from=yesterday", null, staff).statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void search_findsByNationalIdHashAndFlagsDuplicatesAcrossChannels() throws Exception {
        String first = register(staff, "0581234567", "1908301664");
        String body = Json.write(Map.of(
                "category",
                "service",
                "channel",
                "kiosk",
                "name",
                "فاطمة",
                "mobile",
                "0599999999",
                "nationalId",
                "1908301664",
                "city",
                "الطائف",
                "description",
                "طلب",
                "preferredContact",
                "sms",
                "language",
                "ar",
                "consent",
                true));
        HttpResponse<String> publicOne = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/requests"))
                        .header("content-type", "application/json")
                        .header("idempotency-key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String second = (String) json(publicOne).get("reference");

        Map<String, Object> found = json(send("GET", "/staff/requests?q=1908301664", null, staff));
        List<Object> items = (List<Object>) found.get("items");
        assertEquals(2, items.size());
        Map<String, Object> detail = json(send("GET", "/staff/requests/" + second, null, staff));
        assertEquals(List.of(first), detail.get("possibleDuplicates"));
        assertNotEquals(first, second);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pdplErasure_onDynamoDb_removesPersonalDataKeepsCountsAndStopsMatching() throws Exception {
        String ref = register(staff, "0521112233", "2390996037");
        HttpResponse<String> exported =
                send("POST", "/staff/beneficiaries/export", "{\"nationalId\":\"2390996037\"}", manager);
        assertEquals(200, exported.statusCode(), exported.body());
        assertEquals(1, ((List<Object>) json(exported).get("requests")).size());
        assertEquals(
                403,
                send("POST", "/staff/beneficiaries/erase", "{\"mobile\":\"0521112233\",\"confirm\":true}", staff)
                        .statusCode());

        HttpResponse<String> erased =
                send("POST", "/staff/beneficiaries/erase", "{\"mobile\":\"0521112233\",\"confirm\":true}", manager);
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(List.of(ref), json(erased).get("erased"));
        Map<String, Object> detail = json(send("GET", "/staff/requests/" + ref, null, manager));
        assertEquals("—", detail.get("name"));
        assertEquals("inquiry", detail.get("category"));
        assertTrue(!detail.containsKey("nationalIdLast4"));
        assertEquals(
                0,
                ((List<Object>) json(send(
                                        "POST",
                                        "/staff/beneficiaries/export",
                                        "{\"nationalId\":\"2390996037\"}",
                                        manager))
                                .get("requests"))
                        .size());
        assertEquals(
                0,
                ((List<Object>) json(send("GET", "/staff/requests?q=0521112233", null, staff))
                                .get("items"))
                        .size());
        // Both acts are in this month's audit log, read back under the function's own IAM (AUDIT#*).
        HttpResponse<String> log = send("GET", "/staff/audit", null, manager);
        assertEquals(200, log.statusCode(), log.body());
        List<Map<String, Object>> entries =
                (List<Map<String, Object>>) json(log).get("items");
        assertTrue(
                entries.stream()
                        .anyMatch(e -> "erase".equals(e.get("action"))
                                && Integer.valueOf(1).equals(e.get("requests"))),
                log.body());
        assertTrue(entries.stream().anyMatch(e -> "export".equals(e.get("action"))), log.body());
        assertTrue(!log.body().contains("0521112233") && !log.body().contains("2390996037"), "no number in the log");
        assertEquals(403, send("GET", "/staff/audit", null, staff).statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceReport_addsTheCountersTheChangesWrote() throws Exception {
        Map<String, Object> before = json(send("GET", "/staff/reports/service", null, manager));
        String ref = register(staff, "0531231234", "");
        int version = 1;
        for (String status : List.of("in_review", "in_progress", "completed")) {
            assertEquals(
                    200,
                    send(
                                    "POST",
                                    "/staff/requests/" + ref + "/status",
                                    "{\"status\":\"" + status + "\",\"version\":" + version++ + "}",
                                    staff)
                            .statusCode());
        }
        Map<String, Object> after = json(send("GET", "/staff/reports/service", null, manager));
        assertEquals(((Number) before.get("requests")).longValue() + 1, ((Number) after.get("requests")).longValue());
        long completedBefore = statusCount(before, "completed");
        assertEquals(completedBefore + 1, statusCount(after, "completed"));
        assertTrue(after.get("withinSla") != null);
        long histogram = ((List<Map<String, Object>>) after.get("completionHistogram"))
                .stream().mapToLong(b -> ((Number) b.get("count")).longValue()).sum();
        assertTrue(histogram >= 1);
    }

    @SuppressWarnings("unchecked")
    private static long statusCount(Map<String, Object> report, String status) {
        return ((List<Map<String, Object>>) report.get("byStatus"))
                .stream()
                        .filter(s -> status.equals(s.get("status")))
                        .mapToLong(s -> ((Number) s.get("count")).longValue())
                        .sum();
    }
}
