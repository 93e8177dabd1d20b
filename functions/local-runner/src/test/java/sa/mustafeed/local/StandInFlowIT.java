package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;
import sa.mustafeed.testing.StandIn;

/**
 * The local system as ./run starts it: SMS through the Unifonic stand-in, WhatsApp through the End
 * User Messaging Social stand-in, and the development outbox showing channel, provider and state
 * from their journals joined with our message records; the stand-ins' reports come back to the runner.
 */
@ExtendWith(MotoServer.class)
class StandInFlowIT {
    /** The receipts function refuses a token shorter than 32 characters, as a deployed one would. */
    private static final String FLOW_TOKEN = "flow-token-0123456789abcdefghijklmnopqrstuvwxyz";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StandIn unifonic;
    private static StandIn whatsapp;
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        MotoServer.reset();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        unifonic = StandIn.start("unifonic");
        whatsapp = StandIn.start("whatsapp");
        StandIn.callbacksTo(URI.create("http://127.0.0.1:" + port), FLOW_TOKEN);
        runner = LocalRunner.start(new LocalRunner.Options(
                port,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "stand-in-it",
                new LocalRunner.StandIns(
                        Optional.of(unifonic.url()), Optional.of(whatsapp.url()), Optional.empty(), FLOW_TOKEN)));
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() {
        runner.close();
        unifonic.close();
        whatsapp.close();
        System.clearProperty(StandIn.CALLBACK_PROPERTY);
    }

    private static String submit(String mobile, String contact) throws Exception {
        String body = Json.write(Map.of(
                "category", "service",
                "channel", "kiosk",
                "name", "سارة العتيبي",
                "mobile", mobile,
                "city", "مكة",
                "description", "كرسي متحرك",
                "preferredContact", contact,
                "language", "ar",
                "consent", true));
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
    private static Map<String, Object> awaitOutboxEntry(String needle) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/dev/outbox")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            for (Object m : Json.readList(response.body())) {
                Map<String, Object> message = (Map<String, Object>) m;
                if (String.valueOf(message.get("body")).contains(needle)
                        && String.valueOf(message.get("report")).contains("runner answered")) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no reported message with " + needle + " in the outbox");
    }

    @Test
    void anSmsChoice_goesThroughUnifonic_withTheLocalSecretsAppSid() throws Exception {
        String reference = submit("0501234567", "sms");

        Map<String, Object> message = awaitOutboxEntry(reference);
        assertEquals("sms", message.get("channel"));
        assertEquals("unifonic", message.get("provider"));
        // The stand-in's report reached the receipts function, which settled the leg.
        assertEquals("delivered", message.get("state"));
        assertEquals("+9665••••••67", message.get("to"));
        assertTrue(String.valueOf(message.get("report")).startsWith("Delivered (runner answered "), message.toString());
        String form = java.net.URLDecoder.decode(
                unifonic.requests("/rest/SMS/messages").getLast().getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(form.contains("AppSid=" + LocalRunner.StandIns.LOCAL_APP_SID), form);
        try (var secrets = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .endpointOverride(MotoServer.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(MotoServer.REGION))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            String secret = secrets.getSecretValue(g -> g.secretId("stand-in-it/MessagingProviderSecret"))
                    .secretString();
            assertTrue(secret.contains("\"webhookToken\":\"" + FLOW_TOKEN + "\""), "the token the stand-in presents");
        }
    }

    /**
     * A number Unifonic refuses for good (its published "invalid destination" answer): the message is
     * parked, never retried, and the request item says its person was not reached, so staff see it
     * in the queue and phone them.
     */
    @Test
    void aNumberUnifonicRefuses_marksTheRequestNotReached() throws Exception {
        String reference = submit("0501230001", "sms");
        var dynamoDb = sa.mustafeed.aws.AwsClients.dynamoDb(
                sa.mustafeed.aws.AwsClients.httpClient(), Optional.of(MotoServer.endpoint()));
        var key = Map.of(
                "PK",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "REQ#" + reference.replace("-", "")),
                "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("META"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = Map.of();
        while (Instant.now().isBefore(deadline) && !item.containsKey("notReachedVersion")) {
            Thread.sleep(200);
            item = dynamoDb.getItem(g ->
                            g.tableName("stand-in-it-RequestsTable").key(key).consistentRead(true))
                    .item();
        }
        assertEquals(
                "1",
                item.get("notReachedVersion") == null
                        ? null
                        : item.get("notReachedVersion").n(),
                item.toString());
    }

    @Test
    void aWhatsAppChoice_goesAsATemplateThroughTheWhatsAppStandIn() throws Exception {
        String reference = submit("0501234568", "whatsapp");

        Map<String, Object> message = awaitOutboxEntry(reference);
        assertEquals("whatsapp", message.get("channel"));
        assertEquals("whatsapp", message.get("provider"));
        assertEquals("delivered", message.get("state"));
        assertTrue(String.valueOf(message.get("body")).startsWith("mustafeed_received (ar): "), message.toString());
        assertTrue(String.valueOf(message.get("report")).startsWith("delivered (runner answered "), message.toString());
    }

    /**
     * Not on WhatsApp: the WhatsApp stand-in accepts, then its status event says failed 131026; the
     * receipts ask for the SMS and the notifier sends it once, through Unifonic.
     */
    @Test
    @SuppressWarnings("unchecked")
    void notOnWhatsApp_theSameMessageArrivesOnceBySms() throws Exception {
        String reference = submit("0501230000", "whatsapp");
        java.util.List<Map<String, Object>> mine = java.util.List.of();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/dev/outbox")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            mine = Json.readList(response.body()).stream()
                    .map(m -> (Map<String, Object>) m)
                    .filter(m -> String.valueOf(m.get("body")).contains(reference))
                    .toList();
            if (mine.stream().anyMatch(m -> "sms".equals(m.get("channel")))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(
                1, mine.stream().filter(m -> "sms".equals(m.get("channel"))).count(), mine.toString());
        assertEquals(
                java.util.List.of("failed"),
                mine.stream()
                        .filter(m -> "whatsapp".equals(m.get("channel")))
                        .map(m -> m.get("state"))
                        .toList(),
                mine.toString());
        Thread.sleep(2_000); // a late duplicate would show up by now
        HttpResponse<byte[]> again = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/dev/outbox")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(
                1,
                Json.readList(again.body()).stream()
                        .map(m -> (Map<String, Object>) m)
                        .filter(m ->
                                String.valueOf(m.get("body")).contains(reference) && "sms".equals(m.get("channel")))
                        .count());
    }
}
