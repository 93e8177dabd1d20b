package sa.mustafeed.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.LocalProvisioner;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.SampleEvents;
import sa.mustafeed.testing.StandIn;

/**
 * The deployable handler, wired from its environment as Lambda wires it, against moto: real SNS,
 * SES, SQS and DynamoDB calls, fed the sample stream events.
 */
@ExtendWith(MotoServer.class)
class NotifyHandlerIT {
    private LocalProvisioner.Provisioned provisioned;
    private static StandIn unifonic;
    private static StandIn whatsapp;

    @BeforeAll
    static void standIns() {
        unifonic = StandIn.start("unifonic");
        whatsapp = StandIn.start("whatsapp");
    }

    @AfterAll
    static void stopStandIns() {
        unifonic.close();
        whatsapp.close();
    }

    /** Unifonic as the SMS provider, authenticated by the AppSid from the messaging secret. */
    private void sendSmsThroughUnifonic() {
        try (var secrets = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .endpointOverride(MotoServer.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(MotoServer.REGION))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            secrets.putSecretValue(p -> p.secretId(provisioned.refs().get("MessagingProviderSecret"))
                    .secretString("{\"unifonicAppSid\": \"it-app-sid\", \"webhookToken\": \"it-token\"}"));
        }
        System.setProperty("SMS_PROVIDER", "unifonic");
        System.setProperty("UNIFONIC_API_URL", unifonic.url().toString());
        unifonic.forgetRequests();
    }

    /** The message record the notifier wrote for the sample request's first version. */
    @SuppressWarnings("unchecked")
    private List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> legs() {
        var dynamoDb = sa.mustafeed.aws.AwsClients.dynamoDb(
                sa.mustafeed.aws.AwsClients.httpClient(), java.util.Optional.of(MotoServer.endpoint()));
        var items = dynamoDb.scan(s -> s.tableName(provisioned.refs().get("RequestsTable"))
                        .filterExpression("entity = :m")
                        .expressionAttributeValues(Map.of(
                                ":m", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("message"))))
                .items();
        assertEquals(1, items.size(), "one message record");
        return items.getFirst().get("deliveries").l().stream().map(v -> v.m()).toList();
    }

    @BeforeEach
    void freshEmulator() throws Exception {
        MotoServer.reset();
        provisioned = MotoServer.provisionTemplate("notify-it");
        System.setProperty("aws.endpointUrl", MotoServer.endpoint().toString());
        System.setProperty("TABLE_NAME", provisioned.refs().get("RequestsTable"));
        System.setProperty("DEAD_LETTER_QUEUE_URL", provisioned.refs().get("NotifyDeadLetterQueue"));
        System.setProperty("SMS_SENDER_ID", "Tamkeen");
        System.setProperty("SENDER_EMAIL", "noreply@example.org");
        System.setProperty("ASSOCIATION_NAME", "جمعية تمكين");
        System.setProperty("ASSOCIATION_NAME_EN", "Tamkeen Association");
        System.setProperty("SITE_URL", "https://site.example");
        System.setProperty("HASH_KEY_SECRET_ARN", provisioned.refs().get("PiiHashKeySecret"));
        System.setProperty("MESSAGING_SECRET_ARN", provisioned.refs().get("MessagingProviderSecret"));
        // SNS unless a test says otherwise: moto records what it was given.
        System.setProperty("SMS_PROVIDER", "sns");
        System.clearProperty("UNIFONIC_API_URL");
        System.clearProperty("WHATSAPP_PHONE_NUMBER_ID");
        System.clearProperty("aws.endpointUrlSocialMessaging");
    }

    private static Map<String, Object> invoke(NotifyHandler handler, String event) throws Exception {
        return invoke(handler, java.nio.file.Files.readAllBytes(SampleEvents.path("notify", event)));
    }

    private static Map<String, Object> invoke(NotifyHandler handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sentSms() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(MotoServer.endpoint().resolve("/moto-api/data.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> sns =
                (Map<String, Object>) Json.readObject(response.body()).get("sns");
        return (List<Map<String, Object>>) sns.get("SMS");
    }

    @Test
    void withUnifonic_theSmsGoesToUnifonic_andItsIdIsTheLegsId() throws Exception {
        sendSmsThroughUnifonic();

        Map<String, Object> response = invoke(new NotifyHandler(), "insert");

        assertEquals(List.of(), response.get("batchItemFailures"));
        assertEquals(0, sentSms().size(), "nothing through SNS");
        var sent = unifonic.requests("/rest/SMS/messages");
        assertEquals(1, sent.size());
        String form = java.net.URLDecoder.decode(sent.getFirst().getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(form.contains("AppSid=it-app-sid") && form.contains("Recipient=966501234567"), form);
        assertTrue(form.contains("SenderID=Tamkeen") && form.contains("MessageType=3"), form);
        assertTrue(form.contains("MHF5-Q2N7"), form);
        var leg = legs().getFirst();
        assertEquals("sms", leg.get("channel").s());
        assertEquals("unifonic", leg.get("provider").s());
        assertEquals(sent.getFirst().getId().toString(), leg.get("id").s());
        assertEquals("sent", leg.get("state").s());
    }

    @Test
    void withUnifonic_aNumberItRefuses_isParkedWithTheReason_notRetried() throws Exception {
        sendSmsThroughUnifonic();
        byte[] event =
                withMobile(java.nio.file.Files.readAllBytes(SampleEvents.path("notify", "insert")), "+966501230001");

        Map<String, Object> response = invoke(new NotifyHandler(), event);

        assertEquals(List.of(), response.get("batchItemFailures"), "a permanent refusal is not retried");
        assertEquals(1, unifonic.requests("/rest/SMS/messages").size());
        assertEquals(
                "unifonic ER-02: invalid destination number",
                theOneParkedMessage().get("lastError"));
    }

    @Test
    void withUnifonic_anOutage_isReportedForRetry() throws Exception {
        sendSmsThroughUnifonic();
        byte[] event =
                withMobile(java.nio.file.Files.readAllBytes(SampleEvents.path("notify", "insert")), "+966501239999");

        Map<String, Object> response = invoke(new NotifyHandler(), event);

        assertEquals(List.of(Map.of("itemIdentifier", "111100000000000000000001")), response.get("batchItemFailures"));
    }

    @Test
    void withAWhatsAppNumber_aWhatsAppChoiceGoesAsTheReceivedTemplate() throws Exception {
        System.setProperty("WHATSAPP_PHONE_NUMBER_ID", "phone-number-id-0123456789abcdef0123456789abcdef");
        System.setProperty("aws.endpointUrlSocialMessaging", whatsapp.url().toString());
        whatsapp.forgetRequests();
        byte[] event =
                withPreference(java.nio.file.Files.readAllBytes(SampleEvents.path("notify", "insert")), "whatsapp");

        Map<String, Object> response = invoke(new NotifyHandler(), event);

        assertEquals(List.of(), response.get("batchItemFailures"));
        assertEquals(0, sentSms().size(), "WhatsApp first; SMS only if WhatsApp refuses");
        var sent = whatsapp.requests("/v1/whatsapp/send");
        assertEquals(1, sent.size());
        Map<String, Object> body = Json.readObject(sent.getFirst().getBody());
        Map<String, Object> message =
                Json.readObject(java.util.Base64.getDecoder().decode((String) body.get("message")));
        assertEquals("+966501234567", message.get("to"));
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) message.get("template");
        assertEquals("mustafeed_received", template.get("name"));
        assertEquals(Map.of("code", "ar"), template.get("language"));
        String parameters = String.valueOf(template.get("components"));
        assertTrue(parameters.contains("MHF5-Q2N7"), parameters);
        var leg = legs().getFirst();
        assertEquals("whatsapp", leg.get("channel").s());
        assertEquals("whatsapp", leg.get("provider").s());
        assertEquals(sent.getFirst().getId().toString(), leg.get("id").s());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> newImage(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>)
                        ((Map<String, Object>) ((List<Object>) event.get("Records")).getFirst()).get("dynamodb"))
                .get("NewImage");
    }

    private static byte[] withMobile(byte[] event, String mobile) throws Exception {
        Map<String, Object> parsed = Json.readObject(event);
        newImage(parsed).put("mobile", Map.of("S", mobile));
        return Json.write(parsed).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withPreference(byte[] event, String preference) throws Exception {
        Map<String, Object> parsed = Json.readObject(event);
        newImage(parsed).put("preferredContact", Map.of("S", preference));
        return Json.write(parsed).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void insertEvent_sendsOneArabicSmsWithTheReference() throws Exception {
        Map<String, Object> response = invoke(new NotifyHandler(), "insert");

        assertEquals(List.of(), response.get("batchItemFailures"));
        List<Map<String, Object>> sms = sentSms();
        assertEquals(1, sms.size());
        assertEquals("+966501234567", sms.getFirst().get("phone_number"));
        String text = (String) sms.getFirst().get("message");
        assertTrue(text.contains("MHF5-Q2N7") && text.contains("https://site.example/track/?ref=MHF5-Q2N7"), text);
    }

    @Test
    void theSameBatchDeliveredTwice_stillSendsOnce() throws Exception {
        NotifyHandler handler = new NotifyHandler();
        invoke(handler, "insert");
        invoke(handler, "insert");
        invoke(new NotifyHandler(), "insert");
        assertEquals(1, sentSms().size());
    }

    @Test
    void statusChangeEvent_sendsTheWaitingForYouMessage() throws Exception {
        invoke(new NotifyHandler(), "status-changed");
        List<Map<String, Object>> sms = sentSms();
        assertEquals(1, sms.size());
        assertTrue(((String) sms.getFirst().get("message")).contains("نحتاج منك"), String.valueOf(sms));
    }

    @Test
    void aReplyEvent_sendsTheReplyTextOnce_evenWhenDeliveredAgain() throws Exception {
        // GIVEN the stream record of a staff reply (a new request version carrying lastReplyText)
        NotifyHandler handler = new NotifyHandler();
        // WHEN Lambda delivers it twice (at-least-once), once to a fresh container
        invoke(handler, "reply");
        invoke(handler, "reply");
        invoke(new NotifyHandler(), "reply");
        // THEN exactly one SMS, with the reply's words and the tracking link
        List<Map<String, Object>> sms = sentSms();
        assertEquals(1, sms.size());
        String text = (String) sms.getFirst().get("message");
        assertTrue(text.contains("نعم، يشمل الدعم أجهزة السمع.") && text.contains("/track/?ref=MHF5-Q2N7"), text);
    }

    @Test
    void aStoppedPreference_meansNoMessage() throws Exception {
        NotifyHandler handler = new NotifyHandler();
        var dynamoDb = sa.mustafeed.aws.AwsClients.dynamoDb(
                sa.mustafeed.aws.AwsClients.httpClient(), java.util.Optional.of(MotoServer.endpoint()));
        new sa.mustafeed.aws.DynamoDbContactPreferences(
                        dynamoDb, provisioned.refs().get("RequestsTable"))
                .stopMessages("3f9a1c0e6b2d4a7f8e5c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e");
        invoke(handler, "insert");
        assertEquals(0, sentSms().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anSesFailure_isReportedForRetryThenParkedInTheDeadLetterQueue() throws Exception {
        // An email-preferring beneficiary, and a sender identity SES no longer accepts (unverified).
        Map<String, Object> event =
                Json.readObject(java.nio.file.Files.readAllBytes(SampleEvents.path("notify", "insert")));
        Map<String, Object> image = (Map<String, Object>) ((Map<String, Object>)
                        ((Map<String, Object>) ((List<Object>) event.get("Records")).getFirst()).get("dynamodb"))
                .get("NewImage");
        image.put("preferredContact", Map.of("S", "email"));
        image.put("email", Map.of("S", "sara@example.org"));
        byte[] emailEvent = Json.write(event).getBytes(StandardCharsets.UTF_8);
        var ses = software.amazon.awssdk.services.sesv2.SesV2Client.builder()
                .endpointOverride(MotoServer.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(MotoServer.REGION))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        ses.deleteEmailIdentity(d -> d.emailIdentity("noreply@example.org"));

        NotifyHandler handler = new NotifyHandler();
        for (int attempt = 1; attempt < sa.mustafeed.core.notification.NotificationService.MAX_ATTEMPTS; attempt++) {
            Map<String, Object> response = invoke(handler, emailEvent);
            assertEquals(
                    List.of(Map.of("itemIdentifier", "111100000000000000000001")), response.get("batchItemFailures"));
        }
        assertEquals(List.of(), invoke(handler, emailEvent).get("batchItemFailures"));

        Map<String, Object> body = theOneParkedMessage();
        assertEquals("MHF5Q2N7", body.get("reference"));
        assertEquals("received", body.get("kind"));
        assertEquals("email", body.get("channel"));
        assertEquals(3, body.get("attempts"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anSnsFailure_isReportedForRetryThenParkedInTheDeadLetterQueue() throws Exception {
        // SNS unreachable (a closed loopback port) while DynamoDB and SQS answer: the SMS cannot go.
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        NotifyHandler handler = new NotifyHandler(
                NotifyHandler.wire(java.util.Optional.of(java.net.URI.create("http://127.0.0.1:" + closedPort))));
        for (int attempt = 1; attempt < sa.mustafeed.core.notification.NotificationService.MAX_ATTEMPTS; attempt++) {
            Map<String, Object> response = invoke(handler, "insert");
            assertEquals(
                    List.of(Map.of("itemIdentifier", "111100000000000000000001")), response.get("batchItemFailures"));
        }
        assertEquals(List.of(), invoke(handler, "insert").get("batchItemFailures"));
        assertEquals(0, sentSms().size());
        Map<String, Object> body = theOneParkedMessage();
        assertEquals("MHF5Q2N7", body.get("reference"));
        assertEquals("sms", body.get("channel"));
        assertEquals(3, body.get("attempts"));
    }

    private Map<String, Object> theOneParkedMessage() throws Exception {
        try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder()
                .endpointOverride(MotoServer.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(MotoServer.REGION))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            var parked = sqs.receiveMessage(r -> r.queueUrl(provisioned.refs().get("NotifyDeadLetterQueue"))
                            .maxNumberOfMessages(10))
                    .messages();
            assertEquals(1, parked.size());
            return Json.readObject(parked.getFirst().body().getBytes(StandardCharsets.UTF_8));
        }
    }
}
