package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.aws.DynamoDbSentMessages;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.FallbackPlan;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;
import sa.mustafeed.testing.SampleEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Both doors of the delivery receipts on the running local system: Unifonic's webhook through the
 * runner's API (the token from the runner's own messaging secret in moto), and a WhatsApp status
 * event through {@code POST /dev/sns/WhatsAppEventsTopic}, which plays SNS and Lambda.
 */
@ExtendWith(MotoServer.class)
class DeliveryReceiptsFlowIT {
    private static final String STACK = "receipts-flow-it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;
    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                STACK));
        base = "http://127.0.0.1:" + runner.port();
        LocalClients clients = LocalClients.of(MotoServer.endpoint(), MotoServer.REGION);
        dynamoDb = clients.dynamoDb();
        table = STACK + "-RequestsTable";
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static String webhookToken() throws Exception {
        try (var secrets =
                LocalClients.of(MotoServer.endpoint(), MotoServer.REGION).secrets()) {
            String text = secrets.getSecretValue(g -> g.secretId(STACK + "/MessagingProviderSecret"))
                    .secretString();
            return (String)
                    Json.readObject(text.getBytes(StandardCharsets.UTF_8)).get("webhookToken");
        }
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void markSent(String key, Delivery channel, String provider, String id) {
        DynamoDbSentMessages sent = new DynamoDbSentMessages(dynamoDb, table);
        Instant at = Instant.now();
        sent.claim(key, at, at.minusSeconds(300));
        sent.markSent(
                key,
                new SentMessage(
                        MessageKind.RECEIVED,
                        Language.AR,
                        List.of(DeliveryLeg.sent(channel, provider, id, at)),
                        channel == Delivery.WHATSAPP
                                ? Optional.of(
                                        new FallbackPlan("+966501230000", "hash", Map.of("reference", "MHF5-Q2N7")))
                                : Optional.empty()),
                at);
    }

    private static Map<String, AttributeValue> message(String key) {
        return dynamoDb.getItem(g -> g.tableName(table)
                        .key(Map.of("PK", AttributeValue.fromS("MSG#" + key), "SK", AttributeValue.fromS("MSG")))
                        .consistentRead(true))
                .item();
    }

    @Test
    void unifonicsReport_withTheStacksToken_settlesTheLeg_andWithoutIt_is401() throws Exception {
        markSent("MHF5Q2N7#v1", Delivery.SMS, "unifonic", "flow-3000011612");
        String report = "MessageID=flow-3000011612&DLR=Delivered&Recipient=966501234567";

        HttpResponse<String> refused = post(
                "/delivery-receipts/unifonic", report, Map.of("content-type", "application/x-www-form-urlencoded"));
        HttpResponse<String> accepted = post(
                "/delivery-receipts/unifonic",
                report,
                Map.of(
                        "content-type",
                        "application/x-www-form-urlencoded",
                        "authorization",
                        "Bearer " + webhookToken()));

        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("webhook_unauthenticated"), refused.body());
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(
                Map.of("outcome", "settled"), Json.readObject(accepted.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                "delivered",
                message("MHF5Q2N7#v1")
                        .get("deliveries")
                        .l()
                        .getFirst()
                        .m()
                        .get("state")
                        .s());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWhatsAppStatusEvent_publishedToTheTopic_reachesTheReceiptsFunction() throws Exception {
        markSent("MHF5Q2N7#v2", Delivery.WHATSAPP, "whatsapp", "6d69f07a-c317-4278-9d5c-6a84078419ec");
        Map<String, Object> sample =
                Json.readObject(Files.readAllBytes(SampleEvents.path("delivery-receipts", "whatsapp-failed")));
        String event = (String) ((Map<String, Object>)
                        ((Map<String, Object>) ((List<Object>) sample.get("Records")).getFirst()).get("Sns"))
                .get("Message");

        HttpResponse<String> published = post("/dev/sns/WhatsAppEventsTopic", event, Map.of());

        assertEquals(202, published.statusCode(), published.body());
        assertEquals(
                Map.of(
                        "topic",
                        "WhatsAppEventsTopic",
                        "deliveries",
                        List.of(Map.of(
                                "function",
                                "DeliveryReceiptsFunction",
                                "answer",
                                Map.of("records", 1, "receipts", 1, "skipped", 0)))),
                Json.readObject(published.body().getBytes(StandardCharsets.UTF_8)));
        Map<String, AttributeValue> message = message("MHF5Q2N7#v2");
        assertEquals(
                "failed",
                message.get("deliveries").l().getFirst().m().get("state").s());
        assertTrue(
                List.of("requested", "sending", "sent", "failed", "parked")
                        .contains(message.get("fallback").s()),
                "the SMS was asked for (the runner's notifier may already be sending it)");
    }

    @Test
    void anUnknownTopic_isNotFound() throws Exception {
        assertEquals(404, post("/dev/sns/NoSuchTopic", "{}", Map.of()).statusCode());
    }
}
