package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * Completing a request → the completion SMS carries a survey link → one tap records an answer once →
 * the manager's satisfaction report moves. Against moto, through the local runner.
 */
@ExtendWith(MotoServer.class)
class SurveyFlowIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SURVEY_LINK = Pattern.compile("/survey/\\?t=([A-Za-z0-9._-]+)");
    private static LocalRunner runner;
    private static String base;
    private static LocalApi api;
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
                "survey-it"));
        base = "http://127.0.0.1:" + runner.port();
        api = new LocalApi(runner);
        manager = (String)
                json(send("POST", "/dev/login", "{\"role\":\"manager\"}", null)).get("token");
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return api.send(method, path, body, token);
    }

    private static Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return LocalApi.json(r);
    }

    /** Registers and completes a request as staff; returns its survey token from the outbox (or null). */
    @SuppressWarnings("unchecked")
    private static String completeAndFindToken(String category, String mobile) throws Exception {
        String body = Json.write(Map.of(
                "category",
                category,
                "channel",
                "phone",
                "name",
                "سارة",
                "mobile",
                mobile,
                "city",
                "مكة",
                "description",
                "طلب",
                "preferredContact",
                "sms",
                "language",
                "ar",
                "consent",
                true));
        String reference =
                (String) json(send("POST", "/staff/requests", body, manager)).get("reference");
        int version = 1;
        for (String status : List.of("in_review", "in_progress", "completed")) {
            HttpResponse<String> moved = send(
                    "POST",
                    "/staff/requests/" + reference + "/status",
                    "{\"status\":\"" + status + "\",\"version\":" + version++ + "}",
                    manager);
            assertEquals(200, moved.statusCode(), moved.body());
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            List<Object> outbox = Json.readList(HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/dev/outbox"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body());
            for (Object m : outbox) {
                String text = String.valueOf(((Map<String, Object>) m).get("body"));
                if (text.contains(reference) && text.contains("اكتمل")) {
                    Matcher link = SURVEY_LINK.matcher(text);
                    return link.find() ? link.group(1) : null;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completion message for " + reference);
    }

    @Test
    void aCompletionLink_takesOneAnswerAndTheReportCountsIt() throws Exception {
        String token = completeAndFindToken("service", "0551230001");
        assertTrue(token != null, "the completion SMS carries a survey link");
        assertEquals(200, send("GET", "/surveys/" + token, null, null).statusCode());
        assertEquals(
                201, send("POST", "/surveys/" + token, "{\"overall\":5}", null).statusCode());
        assertEquals(
                201,
                send(
                                "POST",
                                "/surveys/" + token,
                                "{\"overall\":5,\"answers\":{\"speed\":4,\"needMet\":true},\"anonymous\":true}",
                                null)
                        .statusCode());
        HttpResponse<String> again = send("POST", "/surveys/" + token, "{\"overall\":1}", null);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("survey_already_answered"));
        assertEquals(409, send("GET", "/surveys/" + token, null, null).statusCode());

        Map<String, Object> report = json(send("GET", "/staff/reports/satisfaction", null, manager));
        assertTrue(((Number) report.get("responses")).intValue() >= 1);
        // the link was counted as sent when the notifier offered it, and as answered with the answer
        assertTrue(((Number) report.get("surveysSent")).intValue() >= 1, report.toString());
        assertTrue(((Number) report.get("responseRate")).doubleValue() > 0, report.toString());
        String csv =
                send("GET", "/staff/exports/surveys.csv?lang=en", null, manager).body();
        assertTrue(csv.startsWith("\uFEFFMonth,") && csv.contains(",Speed of the service,"), csv);
    }

    @Test
    void tamperedOrUnknownLinks_get404AndComplaintsGetNoSurvey() throws Exception {
        String token = completeAndFindToken("inquiry", "0551230002");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertEquals(404, send("GET", "/surveys/" + tampered, null, null).statusCode());
        assertEquals(
                404,
                send("POST", "/surveys/" + tampered, "{\"overall\":3}", null).statusCode());
        assertEquals(404, send("GET", "/surveys/nonsense", null, null).statusCode());
        assertEquals(null, completeAndFindToken("complaint", "0551230003"), "a complaint gets no automatic survey");
    }

    private static long kioskResponses() throws Exception {
        return ((Number) json(send("GET", "/staff/reports/satisfaction", null, manager))
                        .get("kioskResponses"))
                .longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void kioskFeedback_countsOnlyFromARegisteredKiosk_onceATap_andRefusesMashing() throws Exception {
        HttpResponse<String> registered =
                send("POST", "/staff/kiosks", "{\"label\":\"Reception, ground floor\"}", manager);
        assertEquals(201, registered.statusCode(), registered.body());
        String id = (String) json(registered).get("id");
        long before = kioskResponses();

        // Eight taps from invented ids: each refused in the error shape, none counted.
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> invented =
                    send("POST", "/feedback", "{\"kioskId\":\"lobby-" + i + "\",\"score\":1}", null);
            assertEquals(404, invented.statusCode());
            assertTrue(invented.body().contains("\"kiosk_not_registered\""), invented.body());
        }
        assertEquals(before, kioskResponses());
        assertEquals(404, send("GET", "/kiosks/lobby-0", null, null).statusCode());
        assertEquals(200, send("GET", "/kiosks/" + id, null, null).statusCode());

        String tap = "{\"kioskId\":\"" + id + "\",\"score\":";
        assertEquals(202, send("POST", "/feedback", tap + "4}", null).statusCode());
        assertEquals(before + 1, kioskResponses(), "the registered tablet's tap counts once");
        int status = 202;
        for (int i = 0; i < 4 && status == 202; i++) {
            status = send("POST", "/feedback", tap + "1}", null).statusCode();
        }
        assertEquals(429, status);
        assertEquals(400, send("POST", "/feedback", tap + "9}", null).statusCode());

        // Retired: its taps stop counting, what it counted stays.
        long counted = kioskResponses();
        assertEquals(
                200,
                send("POST", "/staff/kiosks/" + id + "/retire", "{}", manager).statusCode());
        Thread.sleep(5_000); // past the mashing window, so only the retirement can refuse the tap
        assertEquals(404, send("POST", "/feedback", tap + "5}", null).statusCode());
        assertEquals(404, send("GET", "/kiosks/" + id, null, null).statusCode());
        assertEquals(counted, kioskResponses());
    }
}
