package sa.mustafeed.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sa.mustafeed.receipts.ReceiptEvents.NOW;
import static sa.mustafeed.receipts.ReceiptEvents.SENT_AT;
import static sa.mustafeed.receipts.ReceiptEvents.body;
import static sa.mustafeed.receipts.ReceiptEvents.invoke;
import static sa.mustafeed.receipts.ReceiptEvents.sample;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.aws.DynamoDbDeliveryLog;
import sa.mustafeed.aws.DynamoDbSentMessages;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryReceipts;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.FallbackPlan;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.LocalProvisioner;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Receipts against moto, through the adapters the deployed function uses: the notifier's record of
 * a sent message (DynamoDbSentMessages.markSent), then the provider's report, then what staff and
 * the reports read (DynamoDbDeliveryLog, the counters, the request's reach numbers). Every table call
 * the receipts make is checked against the function's statements in template.yaml.
 */
@ExtendWith(MotoServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryReceiptsIT {
    private static final ReferenceCode REFERENCE = new ReferenceCode("MHF5Q2N7");

    private DynamoDbClient dynamoDb;
    private DynamoDbClient recorded;
    private TablePolicy policy;
    private String table;
    private String token;
    private DeliveryReceiptsHandler handler;
    private DynamoDbSentMessages sent;

    @BeforeEach
    void freshEmulator() throws Exception {
        MotoServer.reset();
        LocalProvisioner.Provisioned provisioned = MotoServer.provisionTemplate("receipts-it");
        table = provisioned.refs().get("RequestsTable");
        String secretArn = provisioned.refs().get("MessagingProviderSecret");
        System.setProperty("aws.endpointUrl", MotoServer.endpoint().toString());
        System.setProperty("TABLE_NAME", table);
        System.setProperty("MESSAGING_SECRET_ARN", secretArn);
        dynamoDb = client(null);
        policy = TablePolicy.of("DeliveryReceiptsFunction");
        recorded = client(policy);
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(MotoServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(MotoServer.endpoint())
                .build()) {
            Map<String, Object> secret = Json.readObject(secrets.getSecretValue(g -> g.secretId(secretArn))
                    .secretString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // What CloudFormation's GenerateSecretString makes of the template: its JSON plus the token.
            assertEquals("", secret.get("unifonicAppSid"), "the AppSid is put in by hand after the first deploy");
            token = (String) secret.get("webhookToken");
            assertTrue(token.matches("[A-Za-z0-9]{48}"), "a 48-character token");
            handler = new DeliveryReceiptsHandler(
                    new DeliveryReceipts(new DynamoDbDeliveryLog(recorded, table)),
                    WebhookToken.load(secrets, secretArn),
                    new MutableClock(NOW));
        }
        sent = new DynamoDbSentMessages(dynamoDb, table);
        dynamoDb.putItem(p -> p.tableName(table)
                .item(Map.of(
                        "PK", AttributeValue.fromS("REQ#" + REFERENCE.value()),
                        "SK", AttributeValue.fromS("META"),
                        "name", AttributeValue.fromS("سارة العتيبي"),
                        "version", AttributeValue.fromN("9"))));
    }

    private static DynamoDbClient client(TablePolicy interceptor) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(MotoServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(MotoServer.endpoint());
        if (interceptor != null) {
            builder.overrideConfiguration(c -> c.addExecutionInterceptor(interceptor));
        }
        return builder.build();
    }

    private void markSent(long version, Delivery channel, String provider, String id, boolean withFallback) {
        String key = REFERENCE.value() + "#v" + version;
        sent.claim(key, SENT_AT, SENT_AT.minusSeconds(300));
        sent.markSent(
                key,
                new SentMessage(
                        MessageKind.STATUS_CHANGED,
                        Language.AR,
                        List.of(DeliveryLeg.sent(channel, provider, id, SENT_AT)),
                        withFallback
                                ? Optional.of(
                                        new FallbackPlan("+966501230000", "hash", Map.of("reference", "MHF5-Q2N7")))
                                : Optional.empty()),
                SENT_AT);
    }

    private Map<String, Object> unifonic(String id, String state) throws Exception {
        return invoke(
                handler,
                ReceiptEvents.unifonic(
                        "{\"MessageID\":\"" + id + "\",\"DLR\":\"" + state + "\",\"Recipient\":\"966501234567\"}",
                        ReceiptEvents.headers("application/json", Optional.of("Bearer " + token))));
    }

    private DeliveryLeg leg(long version) {
        return new DynamoDbDeliveryLog(dynamoDb, table)
                .deliveriesOf(REFERENCE, version).stream()
                        .filter(d -> d.version() == version)
                        .map(MessageDelivery::leg)
                        .findFirst()
                        .orElseThrow();
    }

    private Map<String, AttributeValue> requestItem() {
        return dynamoDb.getItem(g -> g.tableName(table)
                        .key(Map.of(
                                "PK", AttributeValue.fromS("REQ#" + REFERENCE.value()),
                                "SK", AttributeValue.fromS("META")))
                        .consistentRead(true))
                .item();
    }

    /** The month's sent / delivered / failed counts of one channel and provider, summed over the shards. */
    private Map<String, Long> counters(String channelAndProvider) {
        Map<String, Long> sums = new HashMap<>();
        String month = YearMonth.from(SENT_AT.atZone(ZoneOffset.UTC)).toString();
        for (int shard = 0; shard < 8; shard++) {
            String partition = "DLVAGG#" + month;
            String sortKey = channelAndProvider + "#S#" + shard;
            Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table)
                            .key(Map.of("PK", AttributeValue.fromS(partition), "SK", AttributeValue.fromS(sortKey)))
                            .consistentRead(true))
                    .item();
            if (item != null) {
                for (String counter : List.of("sent", "delivered", "failed")) {
                    if (item.containsKey(counter)) {
                        sums.merge(counter, Long.parseLong(item.get(counter).n()), Long::sum);
                    }
                }
            }
        }
        return sums;
    }

    @Test
    @Order(1)
    void aDeliveredReport_settlesTheLegCountsItAndMarksTheRequestReached() throws Exception {
        markSent(1, Delivery.SMS, "unifonic", "3000011612", false);

        Map<String, Object> response = invoke(
                handler,
                ReceiptEvents.unifonic(
                        (String) sample("unifonic-delivered").get("body"),
                        ReceiptEvents.headers("application/json", Optional.of("Bearer " + token))));

        assertEquals(200, response.get("statusCode"));
        assertEquals(Map.of("outcome", "settled"), body(response));
        assertEquals(DeliveryState.DELIVERED, leg(1).state());
        assertEquals(NOW, leg(1).at());
        assertEquals(Map.of("sent", 1L, "delivered", 1L), counters("sms#unifonic"));
        Map<String, AttributeValue> request = requestItem();
        assertEquals("1", request.get("reachedVersion").n());
        assertFalse(request.containsKey("notReachedVersion"));
        assertEquals("سارة العتيبي", request.get("name").s(), "nothing else on the request changes");
        assertEquals("9", request.get("version").n());
    }

    @Test
    @Order(2)
    void aReplay_changesNothing() throws Exception {
        markSent(1, Delivery.SMS, "unifonic", "3000011612", false);
        unifonic("3000011612", "Delivered");
        DeliveryLeg settled = leg(1);
        Map<String, AttributeValue> request = requestItem();
        Map<String, Long> counted = counters("sms#unifonic");

        Map<String, Object> again = unifonic("3000011612", "Delivered");
        Map<String, Object> contrary = unifonic("3000011612", "Undeliverable");

        assertEquals(Map.of("outcome", "already_settled"), body(again));
        assertEquals(Map.of("outcome", "already_settled"), body(contrary));
        assertEquals(settled, leg(1));
        assertEquals(request, requestItem());
        assertEquals(counted, counters("sms#unifonic"));
    }

    @Test
    @Order(3)
    void aFailedReport_marksTheRequestNotReached_untilANewerMessageArrives() throws Exception {
        markSent(2, Delivery.SMS, "unifonic", "3000011613", false);
        markSent(3, Delivery.SMS, "unifonic", "3000011614", false);

        unifonic("3000011613", "Undeliverable");

        assertEquals(DeliveryState.FAILED, leg(2).state());
        assertEquals(Optional.of("unifonic: Undeliverable"), leg(2).reason());
        assertEquals("2", requestItem().get("notReachedVersion").n());
        assertEquals(Map.of("sent", 2L, "failed", 1L), counters("sms#unifonic"));

        unifonic("3000011614", "Delivered");

        Map<String, AttributeValue> request = requestItem();
        assertNull(request.get("notReachedVersion"), "the newer message reached the person");
        assertEquals("3", request.get("reachedVersion").n());
    }

    @Test
    @Order(4)
    void aFailedWhatsAppEvent_asksForTheSmsInTheSameWrite() throws Exception {
        markSent(4, Delivery.WHATSAPP, "whatsapp", ReceiptEvents.WHATSAPP_FAILED_ID, true);

        Map<String, Object> tally = invoke(handler, sample("whatsapp-failed"));

        assertEquals(Map.of("records", 1, "receipts", 1, "skipped", 0), tally);
        assertEquals(DeliveryState.FAILED, leg(4).state());
        assertEquals(Optional.of("whatsapp 131026 Message undeliverable"), leg(4).reason());
        Map<String, AttributeValue> message = dynamoDb.getItem(g -> g.tableName(table)
                        .key(Map.of(
                                "PK", AttributeValue.fromS("MSG#" + REFERENCE.value() + "#v4"),
                                "SK", AttributeValue.fromS("MSG")))
                        .consistentRead(true))
                .item();
        assertEquals("requested", message.get("fallback").s(), "the notifier's stream filter picks this up");
        assertEquals(Map.of("sent", 1L, "failed", 1L), counters("whatsapp#whatsapp"));
        assertFalse(requestItem().containsKey("notReachedVersion"), "the SMS may still reach the person");
    }

    @Test
    @Order(5)
    void withoutTheToken_nothingIsReadOrWritten() throws Exception {
        markSent(1, Delivery.SMS, "unifonic", "3000011612", false);
        int before = policy.calls().size();

        Map<String, Object> response = invoke(handler, sample("unifonic-without-token"));

        assertEquals(401, response.get("statusCode"));
        assertEquals(before, policy.calls().size(), "no table call");
        assertEquals(DeliveryState.SENT, leg(1).state());
    }

    @Test
    @Order(6)
    void theHandlerLambdaBuilds_readsItsTokenFromTheMessagingSecret() throws Exception {
        markSent(1, Delivery.SMS, "unifonic", "3000011612", false);
        DeliveryReceiptsHandler deployed = new DeliveryReceiptsHandler();

        Map<String, Object> sample = invoke(deployed, sample("unifonic-delivered"));
        Map<String, Object> right = invoke(
                deployed,
                ReceiptEvents.unifonic(
                        (String) sample("unifonic-delivered").get("body"),
                        ReceiptEvents.headers("application/json", Optional.of("Bearer " + token))));

        assertEquals(401, sample.get("statusCode"), "the sample's token is not this stack's");
        assertEquals(Map.of("outcome", "settled"), body(right));
    }

    @Test
    @Order(7)
    void everyTableCallTheReceiptsMade_isAllowedByTheirStatements() throws Exception {
        markSent(1, Delivery.SMS, "unifonic", "3000011612", false);
        markSent(2, Delivery.SMS, "unifonic", "3000011613", false);
        markSent(4, Delivery.WHATSAPP, "whatsapp", ReceiptEvents.WHATSAPP_FAILED_ID, true);
        unifonic("3000011612", "Delivered");
        unifonic("3000011613", "Undeliverable");
        unifonic("3000011612", "Delivered");
        unifonic("424242", "Delivered");
        invoke(handler, sample("whatsapp-failed"));

        List<TablePolicy.Call> calls = policy.calls();
        assertEquals(
                java.util.Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                calls.stream().map(TablePolicy.Call::action).collect(java.util.stream.Collectors.toSet()));
        assertTrue(calls.stream().anyMatch(c -> c.partitionKey().startsWith("REQ#")), "the reach numbers were written");
        for (TablePolicy.Call call : calls) {
            assertFalse(policy.allowing(call).isEmpty(), "IAM would deny " + call);
            if (call.partitionKey().startsWith("REQ#")) {
                assertEquals(
                        List.of("RecordWhetherTheRequestReachedItsPerson"), policy.allowing(call), call.toString());
            }
        }
        // And the evaluation itself bites: a write of anything else on the request is refused.
        assertTrue(policy.allowing(new TablePolicy.Call(
                        "dynamodb:UpdateItem",
                        "REQ#" + REFERENCE.value(),
                        java.util.Set.of("PK", "SK", "status"),
                        null))
                .isEmpty());
        assertTrue(policy.allowing(new TablePolicy.Call(
                        "dynamodb:UpdateItem",
                        "REQ#" + REFERENCE.value(),
                        java.util.Set.of("PK", "SK", "reachedVersion"),
                        "ALL_OLD"))
                .isEmpty());
        assertTrue(policy.allowing(new TablePolicy.Call("dynamodb:PutItem", "DLV#x#y", java.util.Set.of(), null))
                .isEmpty());
    }

    /** Last: it stops the emulator for the rest of this JVM. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anUnreachableStore_answers503() throws Exception {
        MotoServer.stop();

        Map<String, Object> response = unifonic("3000011612", "Delivered");

        assertEquals(503, response.get("statusCode"));
        assertEquals("service_unavailable", ReceiptEvents.firstErrorCode(response));
        assertTrue(((Map<?, ?>) response.get("headers")).containsKey("retry-after"));
    }
}
