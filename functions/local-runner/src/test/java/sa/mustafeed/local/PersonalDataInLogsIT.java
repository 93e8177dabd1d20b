package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * No personal data in logs: a whole flow through the local runner (public submission with a national
 * ID and email, lookups right and wrong, staff registration, detail, note, status changes up to
 * completed, the notification and survey offer it starts, a malformed body, an over-long one) while
 * everything the process prints (the functions' JSON log lines and the runner's own) is captured;
 * then none of the test person's identifiers may appear in any form people write them.
 */
@ExtendWith(MotoServer.class)
class PersonalDataInLogsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String NAME = "نورة القحطاني";
    private static final String NAME_LATIN = "Noura Alqahtani";
    private static final String ON_BEHALF = "ريم القحطاني";
    private static final String EMAIL = "noura.q.private@example.org";
    private static final String DESCRIPTION = "أحتاج مساعدة في إيجار المنزل رقم سري ٩٩٨٧";
    private static final String NOTE = "زارتنا المستفيدة واتفقنا على موعد";
    /** The same mobile in every shape the validator accepts, and the ID in both digit scripts. */
    private static final List<String> FORBIDDEN = List.of(
            "0551234987",
            "551234987",
            "+966551234987",
            "966551234987",
            "00966551234987",
            "055 123 4987",
            "٠٥٥١٢٣٤٩٨٧",
            "55 123 4987",
            "1234987",
            "1526018153",
            "١٥٢٦٠١٨١٥٣",
            "152601",
            "0569876540",
            "+966569876540",
            "569876540",
            EMAIL,
            "noura.q.private",
            NAME,
            "نورة",
            NAME_LATIN,
            ON_BEHALF,
            DESCRIPTION,
            "إيجار المنزل",
            NOTE);

    private static String base;

    /** Everything printed goes to the console as usual and into a buffer the test reads. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return Json.readObject(r.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWholeFlow_printsNoPhoneIdEmailNameOrDescription() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "pii-logs-it"))) {
            base = "http://127.0.0.1:" + runner.port();
            seen.addAll(flow());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);

        assertTrue(logs.contains("\"message\":\"request handled\""), "the flow's log lines were not captured");
        assertTrue(logs.lines().count() >= 12, "too few log lines to mean anything:\n" + logs);
        for (String identifier : FORBIDDEN) {
            assertFalse(
                    logs.contains(identifier),
                    "the logs contain \"" + identifier + "\":\n"
                            + logs.lines()
                                    .filter(l -> l.contains(identifier))
                                    .limit(5)
                                    .toList());
        }
        assertTrue(seen.contains("sms"), "the notification never went out, so its logging was not exercised: " + seen);
    }

    /** The flow; returns the channels the outbox shows for the request (proof the notifier ran). */
    private static List<String> flow() throws Exception {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("category", "service");
        submission.put("channel", "web");
        submission.put("name", NAME);
        submission.put("mobile", "٠٥٥١٢٣٤٩٨٧");
        submission.put("email", EMAIL);
        submission.put("nationalId", "١٥٢٦٠١٨١٥٣");
        submission.put("city", "الرياض");
        submission.put("description", DESCRIPTION);
        submission.put("preferredContact", "sms");
        submission.put("language", "ar");
        submission.put("consent", true);
        submission.put("onBehalf", Map.of("beneficiaryName", ON_BEHALF, "relationship", "ابنة"));
        HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/requests"))
                .header("content-type", "application/json")
                .header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(submission), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> created = HTTP.send(create, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                201, HTTP.send(create, HttpResponse.BodyHandlers.ofString()).statusCode(), "replay");
        String reference = (String) json(created).get("reference");

        // Refusals log too: a bad mobile, a national ID failing Luhn, a body that is not JSON.
        Map<String, Object> bad = new LinkedHashMap<>(submission);
        bad.put("mobile", "055 123 4987x");
        bad.put("nationalId", "1526018154");
        assertEquals(400, send("POST", "/requests", Json.write(bad), null).statusCode());
        assertEquals(
                400,
                send("POST", "/requests", "{\"name\": \"" + NAME + "\", \"mobile\": \"0551234987\"", null)
                        .statusCode());
        assertEquals(
                200,
                send(
                                "POST",
                                "/requests/lookup",
                                Json.write(Map.of("reference", reference, "mobileLast4", "4987")),
                                null)
                        .statusCode());
        assertEquals(
                404,
                send(
                                "POST",
                                "/requests/lookup",
                                Json.write(Map.of("reference", reference, "mobileLast4", "4988")),
                                null)
                        .statusCode());

        String token = (String)
                json(send("POST", "/dev/login", "{\"role\":\"manager\"}", null)).get("token");
        Map<String, Object> byPhone = new LinkedHashMap<>(submission);
        byPhone.put("channel", "phone");
        byPhone.put("mobile", "+966 56 987 6540");
        byPhone.put("name", NAME_LATIN);
        byPhone.remove("onBehalf");
        assertEquals(
                201, send("POST", "/staff/requests", Json.write(byPhone), token).statusCode());
        assertEquals(
                200, send("GET", "/staff/requests?q=0551234987", null, token).statusCode());
        assertEquals(
                200, send("GET", "/staff/requests?q=1526018153", null, token).statusCode());
        HttpResponse<String> detail = send("GET", "/staff/requests/" + reference, null, token);
        assertEquals(200, detail.statusCode(), detail.body());
        assertEquals(
                201,
                send("POST", "/staff/requests/" + reference + "/notes", Json.write(Map.of("text", NOTE)), token)
                        .statusCode());
        long version = ((Number) json(detail).get("version")).longValue();
        for (String status : List.of("in_review", "in_progress", "completed")) {
            HttpResponse<String> changed = send(
                    "POST",
                    "/staff/requests/" + reference + "/status",
                    Json.write(Map.of("status", status, "version", version, "note", "تم")),
                    token);
            assertEquals(200, changed.statusCode(), changed.body());
            version = ((Number) json(changed).get("version")).longValue();
        }
        assertEquals(
                200, send("GET", "/staff/exports/requests.csv", null, token).statusCode());

        // The stream poller sends the messages in the background: wait for them, they log too.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> channels = List.of();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<byte[]> outbox = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/dev/outbox")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            channels = Json.readList(outbox.body()).stream()
                    .map(m -> (Map<?, ?>) m)
                    .filter(m -> String.valueOf(m.get("body")).contains(reference))
                    .map(m -> String.valueOf(m.get("channel")))
                    .toList();
            if (channels.size() >= 2) {
                break;
            }
            Thread.sleep(200);
        }
        return channels;
    }
}
