package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * Scripted guessing against the real lookup (local runner, moto): guessing the four digits of a known
 * reference, and guessing references, are both stopped by 429 long before they could find anything,
 * and a wrong guess never tells whether the reference exists.
 */
@ExtendWith(MotoServer.class)
// All guesses come from 127.0.0.1, one client: the per-client count carries from test to test.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LookupEnumerationIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;
    private static String reference;

    @BeforeAll
    static void start() throws Exception {
        MotoServer.reset();
        runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "enumeration-it"));
        base = "http://127.0.0.1:" + runner.port();
        HttpResponse<String> created = post(
                "/requests",
                Json.write(Map.of(
                        "category",
                        "inquiry",
                        "channel",
                        "web",
                        "name",
                        "Huda Alharbi",
                        "mobile",
                        "0501119999",
                        "city",
                        "Jeddah",
                        "description",
                        "A question",
                        "preferredContact",
                        "sms",
                        "language",
                        "en",
                        "consent",
                        true)));
        assertEquals(201, created.statusCode(), created.body());
        reference = (String)
                Json.readObject(created.body().getBytes(StandardCharsets.UTF_8)).get("reference");
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("content-type", "application/json")
                        .header("idempotency-key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> lookup(String ref, String digits) throws Exception {
        return post("/requests/lookup", Json.write(Map.of("reference", ref, "mobileLast4", digits)));
    }

    @Test
    @Order(1)
    void aWrongGuess_looksTheSameWhetherOrNotTheReferenceExists() throws Exception {
        String unknown = ReferenceCode.random(new Random(7)).display();
        HttpResponse<String> wrongDigits = lookup(reference, "1234");
        HttpResponse<String> noSuchRequest = lookup(unknown, "1234");

        assertEquals(404, wrongDigits.statusCode());
        assertEquals(wrongDigits.statusCode(), noSuchRequest.statusCode());
        assertEquals(wrongDigits.body(), noSuchRequest.body(), "the bodies tell existing references apart");
        for (String header : new String[] {"content-type", "cache-control", "retry-after"}) {
            assertEquals(
                    wrongDigits.headers().firstValue(header),
                    noSuchRequest.headers().firstValue(header),
                    header);
        }
    }

    @Test
    @Order(2)
    void guessingTheDigitsOfOneReference_isStoppedAfterFiveWrongTries() throws Exception {
        // The request's digits are 9999: counting up from 0000 would need 10,000 tries.
        int wrong = 0;
        int limited = 0;
        for (int guess = 0; guess < 40; guess++) {
            HttpResponse<String> answer = lookup(reference.toLowerCase(), String.format("%04d", guess));
            if (answer.statusCode() == 404) {
                wrong++;
            } else {
                assertEquals(429, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("too_many_attempts"));
                String retryAfter = answer.headers().firstValue("retry-after").orElse(null);
                assertNotNull(retryAfter);
                assertTrue(Long.parseLong(retryAfter) > 0
                        && Long.parseLong(retryAfter) <= 2 * LookupService.WINDOW.toSeconds());
                limited++;
            }
        }
        assertTrue(wrong <= LookupService.MAX_FAILURES_PER_REFERENCE, wrong + " wrong guesses were answered");
        assertEquals(40 - wrong, limited);
        // Locked even for the right digits until the window ends: a guesser learns nothing more.
        assertEquals(429, lookup(reference, "9999").statusCode());
    }

    @Test
    @Order(3)
    void guessingReferencesFromOneClient_isStoppedAfterTwentyWrongTries() throws Exception {
        Random random = new Random(20261125);
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> answer = lookup(ReferenceCode.random(random).display(), "9999");
            if (answer.statusCode() == 429) {
                limited++;
            } else {
                assertEquals(404, answer.statusCode(), answer.body());
                answered++;
            }
        }
        // 29^7 ≈ 1.7·10^10 references: 20 tries per 15 minutes per client never cover a meaningful share.
        assertTrue(answered <= LookupService.MAX_FAILURES_PER_CLIENT, answered + " guesses were answered");
        assertTrue(limited >= 60 - LookupService.MAX_FAILURES_PER_CLIENT);
    }
}
