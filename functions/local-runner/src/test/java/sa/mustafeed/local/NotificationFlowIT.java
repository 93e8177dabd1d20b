package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.aws.AwsClients;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Submission → table stream → notify handler → SNS/SES in moto → /dev/outbox, all through the local
 * runner, as a developer sees it with ./run.
 */
@ExtendWith(MotoServer.class)
class NotificationFlowIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        MotoServer.reset();
        runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "flow-it"));
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static String submit(String mobile, String contact, String email) throws Exception {
        String body = Json.write(Map.of(
                "category",
                "service",
                "channel",
                "kiosk",
                "name",
                "سارة العتيبي",
                "mobile",
                mobile,
                "city",
                "مكة",
                "description",
                "كرسي متحرك",
                "preferredContact",
                contact,
                "language",
                "ar",
                "consent",
                true,
                "email",
                email));
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/requests"))
                        .header("content-type", "application/json")
                        .header("idempotency-key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return (String)
                Json.readObject(created.body().getBytes(StandardCharsets.UTF_8)).get("reference");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outboxFor(String reference) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/dev/outbox")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        List<Map<String, Object>> all =
                (List<Map<String, Object>>) (List<?>) sa.mustafeed.http.Json.readList(response.body());
        return all.stream()
                .filter(m -> String.valueOf(m.get("body")).contains(reference))
                .toList();
    }

    /** Waits up to {@code limit} for the outbox to hold {@code expected} messages for the reference. */
    private static List<Map<String, Object>> awaitOutbox(String reference, int expected, Duration limit)
            throws Exception {
        Instant deadline = Instant.now().plus(limit);
        List<Map<String, Object>> found = outboxFor(reference);
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = outboxFor(reference);
        }
        return found;
    }

    @Test
    void aSubmission_showsItsConfirmationSmsInTheOutboxWithinTwoSeconds() throws Exception {
        String reference = submit("0501112233", "sms", "");
        List<Map<String, Object>> messages = awaitOutbox(reference, 1, Duration.ofSeconds(2));

        assertEquals(1, messages.size(), "one confirmation, within 2 s");
        Map<String, Object> sms = messages.getFirst();
        assertEquals("sms", sms.get("channel"));
        assertEquals("ar", sms.get("language"));
        assertEquals("+9665••••••33", sms.get("to"));
        assertTrue(String.valueOf(sms.get("body")).contains(base + "/track/?ref=" + reference));
        Thread.sleep(600);
        assertEquals(1, outboxFor(reference).size(), "and only one");
    }

    private static HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 18, item 7: five wrong tries by anyone who knows a reference locked its owner out, with
     * no way back in for a quarter hour. Now the owner asks for a code; it reaches the phone on file
     * through the stream and the notifier (filtered to fresh codes: spending a try sends nothing),
     * and opens the lookup again. A wrong code does not.
     */
    @Test
    void aLookupLockedByAGuesser_isReopenedByItsOwner_withTheCodeSentToThePhoneOnFile() throws Exception {
        String reference = submit("0501112266", "sms", "");
        assertEquals(1, awaitOutbox(reference, 1, Duration.ofSeconds(3)).size(), "the confirmation");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    404,
                    post("/requests/lookup", Map.of("reference", reference, "mobileLast4", "0000"))
                            .statusCode());
        }
        Map<String, Object> owner = Map.of("reference", reference, "mobileLast4", "2266");
        assertEquals(429, post("/requests/lookup", owner).statusCode(), "the owner is locked out");

        HttpResponse<String> asked = post("/requests/unlock-code", Map.of("reference", reference));
        assertEquals(202, asked.statusCode(), asked.body());
        List<Map<String, Object>> messages = awaitOutbox(reference, 2, Duration.ofSeconds(5));
        assertEquals(2, messages.size(), "the code's SMS: " + messages);
        var sixDigits = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");
        Map<String, Object> codeSms = messages.stream()
                .filter(m -> sixDigits.matcher(String.valueOf(m.get("body"))).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no six-digit code in " + messages));
        assertEquals("sms", codeSms.get("channel"));
        assertEquals("+9665••••••66", codeSms.get("to"));
        var digits = sixDigits.matcher(String.valueOf(codeSms.get("body")));
        assertTrue(digits.find());
        String code = digits.group();
        String wrong = code.equals("000000") ? "000001" : "000000";

        HttpResponse<String> refused = post("/requests/unlock", Map.of("reference", reference, "code", wrong));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("unlock_code_rejected"), refused.body());
        HttpResponse<String> opened = post("/requests/unlock", Map.of("reference", reference, "code", code));
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(opened.body().contains("\"reference\":\"" + reference + "\""), opened.body());
        assertEquals(200, post("/requests/lookup", owner).statusCode(), "the lookup is open again");

        // Spending a try changed the code's item: the stream filter let no second SMS through, and
        // asking again while the lookup is open sends nothing either.
        assertEquals(
                202,
                post("/requests/unlock-code", Map.of("reference", reference)).statusCode());
        Thread.sleep(800);
        assertEquals(2, outboxFor(reference).size(), "no further SMS");
    }

    @Test
    void anEmailPreference_getsTheConfirmationByEmail() throws Exception {
        String reference = submit("0501112244", "email", "sara@example.org");
        List<Map<String, Object>> messages = awaitOutbox(reference, 1, Duration.ofSeconds(3));
        assertEquals(1, messages.size());
        assertEquals("email", messages.getFirst().get("channel"));
        assertEquals("s•••@example.org", messages.getFirst().get("to"));
    }

    @Test
    void aStatusChange_sendsOneMoreMessage() throws Exception {
        String reference = submit("0501112255", "sms", "");
        awaitOutbox(reference, 1, Duration.ofSeconds(3));
        var dynamoDb = AwsClients.dynamoDb(AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        String key = "REQ#" + reference.replace("-", "");
        // What the staff console will do: the new status with the next version.
        dynamoDb.updateItem(u -> u.tableName("flow-it-RequestsTable")
                .key(Map.of("PK", AttributeValue.fromS(key), "SK", AttributeValue.fromS("META")))
                .updateExpression("SET #s = :s, version = :v")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(
                        Map.of(":s", AttributeValue.fromS("in_review"), ":v", AttributeValue.fromN("2"))));

        List<Map<String, Object>> messages = awaitOutbox(reference, 2, Duration.ofSeconds(3));
        assertEquals(2, messages.size());
        assertTrue(
                String.valueOf(messages.get(1).get("body")).contains("قيد المراجعة"), String.valueOf(messages.get(1)));
    }

    @Test
    void aNumberThatRepliedStop_getsNothing() throws Exception {
        // moto, like SNS, reports numbers that opted out; it treats numbers ending in 99 so.
        String reference = submit("0501112299", "sms", "");
        Thread.sleep(1500);
        assertEquals(0, outboxFor(reference).size());
    }

    @Test
    void theOutboxPageIsServed() throws Exception {
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/dev/outbox.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Outbox"));
    }
}
