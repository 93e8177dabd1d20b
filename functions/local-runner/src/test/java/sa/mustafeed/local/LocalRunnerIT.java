package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * The whole local system over real HTTP: template.yaml provisioned in moto, routes invoking the
 * Lambda handlers with API Gateway events, the site served beside them.
 */
@ExtendWith(MotoServer.class)
class LocalRunnerIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "runner-it"));
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("content-type", "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return Json.readObject(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String submission(String city) {
        return Json.write(Map.of(
                "category",
                "inquiry",
                "channel",
                "web",
                "name",
                "Fatimah Al-Harbi",
                "mobile",
                "+966 55 987 6543",
                "city",
                city,
                "description",
                "What documents do I need?",
                "preferredContact",
                "sms",
                "language",
                "en",
                "consent",
                true));
    }

    @Test
    void noFunctionsVariable_isSetForTheWholeJvm_eachHandlerHasOnlyItsOwn() throws Exception {
        // Each handler was built inside its own environment (OwnEnvironment): had one needed another
        // function's variable, the runner would not have started. Nothing is left global either.
        var template = sa.mustafeed.localenv.SamTemplate.read(RepositoryRoot.resolve("template.yaml"));
        for (var function : template.functions()) {
            for (String variable : function.environment().keySet()) {
                assertEquals(null, System.getProperty(variable), function.logicalId() + " " + variable);
            }
        }
        assertEquals(201, post("/requests", submission("Taif"), Map.of()).statusCode(), "and the functions work");
    }

    @Test
    void submitThenLookup_overHttp() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> created = post("/requests", submission("Jeddah"), Map.of("Idempotency-Key", key));
        assertEquals(201, created.statusCode(), created.body());
        String reference = (String) json(created).get("reference");

        HttpResponse<String> retried = post("/requests", submission("Jeddah"), Map.of("Idempotency-Key", key));
        assertEquals(201, retried.statusCode());
        assertEquals(reference, json(retried).get("reference"));
        assertEquals(
                409,
                post("/requests", submission("Taif"), Map.of("Idempotency-Key", key))
                        .statusCode());

        HttpResponse<String> found = post(
                "/requests/lookup",
                Json.write(Map.of("reference", reference.toLowerCase().replace("-", " "), "mobileLast4", "6543")),
                Map.of());
        assertEquals(200, found.statusCode(), found.body());
        assertEquals("received", json(found).get("status"));
        assertEquals(
                404,
                post("/requests/lookup", Json.write(Map.of("reference", reference, "mobileLast4", "0000")), Map.of())
                        .statusCode());
    }

    @Test
    void manyDifferentSubmissions_getDistinctReferences() throws Exception {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> created = post(
                    "/requests",
                    submission("Makkah " + i),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, created.statusCode());
            references.add((String) json(created).get("reference"));
        }
        assertEquals(25, references.size());
    }

    @Test
    void guessingDigits_endsIn429WithRetryAfter() throws Exception {
        HttpResponse<String> created = post("/requests", submission("Makkah"), Map.of());
        String reference = (String) json(created).get("reference");
        String wrong = Json.write(Map.of("reference", reference, "mobileLast4", "1111"));
        int status = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 10 && status != 429; i++) {
            last = post("/requests/lookup", wrong, Map.of());
            status = last.statusCode();
        }
        assertEquals(429, status);
        assertTrue(Integer.parseInt(last.headers().firstValue("retry-after").orElseThrow()) > 0);
        assertEquals("too_many_attempts", ((Map<?, ?>) ((List<?>) json(last).get("errors")).getFirst()).get("code"));
    }

    @Test
    void badInput_getsJsonErrorsNever500() throws Exception {
        assertEquals(400, post("/requests", "{not json", Map.of()).statusCode());
        assertEquals(400, post("/requests", "[]", Map.of()).statusCode());
        assertEquals(400, post("/requests", "{}", Map.of()).statusCode());
        assertEquals(
                400,
                post("/requests", submission("Makkah"), Map.of("Idempotency-Key", "bad key"))
                        .statusCode());
        assertEquals(
                413,
                post("/requests", "{\"d\":\"" + "x".repeat(20_000) + "\"}", Map.of())
                        .statusCode());
        HttpResponse<String> wrongType = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/requests"))
                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                        .header("content-type", "text/plain")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, wrongType.statusCode());
        HttpResponse<String> get = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/requests")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertTrue(get.body().contains("method_not_allowed"));
    }

    @Test
    void site_isServedBesideTheApi() throws Exception {
        for (String page : List.of("/", "/request/", "/track/", "/kiosk/", "/en/")) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.body().contains("<html"), page);
        }
        HttpResponse<String> missing = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/../../etc/passwd"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, missing.statusCode());
    }
}
