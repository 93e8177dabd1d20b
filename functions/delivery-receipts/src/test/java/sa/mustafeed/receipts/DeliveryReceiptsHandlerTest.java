package sa.mustafeed.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sa.mustafeed.receipts.ReceiptEvents.NOW;
import static sa.mustafeed.receipts.ReceiptEvents.TOKEN;
import static sa.mustafeed.receipts.ReceiptEvents.authorised;
import static sa.mustafeed.receipts.ReceiptEvents.body;
import static sa.mustafeed.receipts.ReceiptEvents.firstErrorCode;
import static sa.mustafeed.receipts.ReceiptEvents.headers;
import static sa.mustafeed.receipts.ReceiptEvents.invoke;
import static sa.mustafeed.receipts.ReceiptEvents.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryReceipts;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.http.Json;

/** The handler fed the sample events of events/delivery-receipts/, over the in-memory delivery log. */
class DeliveryReceiptsHandlerTest {
    private static final String SMS_KEY = "MHF5Q2N7#v1";
    private static final String FORM_KEY = "MHF5Q2N7#v2";
    private static final String WHATSAPP_KEY = "MHF5Q2N7#v3";

    private final InMemoryMessaging messaging = new InMemoryMessaging();
    private final DeliveryReceiptsHandler handler = new DeliveryReceiptsHandler(
            new DeliveryReceipts(messaging.deliveryLog), new WebhookToken(TOKEN), new MutableClock(NOW));

    @BeforeEach
    void theSampleMessagesWereSent() {
        ReceiptEvents.sentSms(messaging, SMS_KEY, ReceiptEvents.UNIFONIC_DELIVERED_ID);
        ReceiptEvents.sentSms(messaging, FORM_KEY, ReceiptEvents.UNIFONIC_UNDELIVERABLE_ID);
        ReceiptEvents.sentWhatsApp(messaging, WHATSAPP_KEY, ReceiptEvents.WHATSAPP_FAILED_ID);
    }

    private DeliveryLeg leg(String messageKey) {
        return messaging.records.get(messageKey).legs.getFirst();
    }

    // ------------------------------------------------------------------ Unifonic

    @Test
    void unifonicDelivered_settlesTheLegAndRecordsThatItReachedThePerson() throws Exception {
        Map<String, Object> response = invoke(handler, sample("unifonic-delivered"));

        assertEquals(200, response.get("statusCode"));
        assertEquals(Map.of("outcome", "settled"), body(response));
        assertEquals(DeliveryState.DELIVERED, leg(SMS_KEY).state());
        assertEquals(NOW, leg(SMS_KEY).at());
        assertEquals(1, messaging.reach.get("MHF5Q2N7")[0], "reached version");
    }

    @Test
    void unifonicUndeliverableForm_failsTheLegWithUnifonicsWordsAndNoNumber() throws Exception {
        Map<String, Object> response = invoke(handler, sample("unifonic-undeliverable-form"));

        assertEquals(200, response.get("statusCode"));
        assertEquals(DeliveryState.FAILED, leg(FORM_KEY).state());
        assertEquals(
                Optional.of("unifonic: Undeliverable Absent subscriber"),
                leg(FORM_KEY).reason());
        assertTrue(messaging.notReached("MHF5Q2N7"), "the request shows its person as not reached");
    }

    @Test
    void noToken_answers401AndChangesNothing() throws Exception {
        Map<String, Object> response = invoke(handler, sample("unifonic-without-token"));

        assertEquals(401, response.get("statusCode"));
        assertEquals("webhook_unauthenticated", firstErrorCode(response));
        assertEquals("Bearer", ((Map<?, ?>) response.get("headers")).get("www-authenticate"));
        assertEquals(DeliveryState.SENT, leg(SMS_KEY).state());
    }

    @Test
    void aWrongOrMisplacedToken_answers401() throws Exception {
        String body = (String) sample("unifonic-delivered").get("body");
        for (String authorization : List.of(
                "Bearer " + TOKEN.substring(1),
                "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT),
                "Basic " + TOKEN,
                TOKEN,
                "Bearer",
                "Bearer ",
                "")) {
            Map<String, Object> response = invoke(
                    handler, ReceiptEvents.unifonic(body, headers("application/json", Optional.of(authorization))));
            assertEquals(401, response.get("statusCode"), authorization);
        }
        assertEquals(DeliveryState.SENT, leg(SMS_KEY).state());
    }

    @Test
    void theSchemeIsCaseInsensitive_asHttpSays() throws Exception {
        String body = (String) sample("unifonic-delivered").get("body");
        Map<String, Object> response = invoke(
                handler, ReceiptEvents.unifonic(body, headers("application/json", Optional.of("bearer " + TOKEN))));
        assertEquals(200, response.get("statusCode"));
    }

    @Test
    void aReplay_isAlreadySettledAndChangesNothing() throws Exception {
        invoke(handler, sample("unifonic-delivered"));
        DeliveryLeg settled = leg(SMS_KEY);
        long[] reach = messaging.reach.get("MHF5Q2N7").clone();

        // Unifonic resends, and a later contradicting report must not overturn the first either.
        Map<String, Object> again = invoke(handler, sample("unifonic-delivered"));
        Map<String, Object> contrary = invoke(
                handler,
                ReceiptEvents.unifonic(
                        "{\"MessageID\":\"3000011612\",\"DLR\":\"Undeliverable\"}", authorised("application/json")));

        assertEquals(Map.of("outcome", "already_settled"), body(again));
        assertEquals(Map.of("outcome", "already_settled"), body(contrary));
        assertEquals(settled, leg(SMS_KEY));
        assertTrue(java.util.Arrays.equals(reach, messaging.reach.get("MHF5Q2N7")), "the request's reach changed");
    }

    @Test
    void anUnknownMessage_isAcceptedAndIgnored() throws Exception {
        Map<String, Object> response = invoke(
                handler,
                ReceiptEvents.unifonic(
                        "{\"MessageID\":\"999\",\"DLR\":\"Delivered\"}", authorised("application/json")));

        assertEquals(200, response.get("statusCode"));
        assertEquals(Map.of("outcome", "ignored"), body(response));
    }

    @Test
    void aStateThatIsNotFinal_isIgnoredAndTheLegStaysSent() throws Exception {
        for (String state : List.of("Sent", "Queued", "enroute", "Something new")) {
            Map<String, Object> response = invoke(
                    handler,
                    ReceiptEvents.unifonic(
                            "messageId=3000011612&status=" + state.replace(' ', '+'),
                            authorised("application/x-www-form-urlencoded")));
            assertEquals(Map.of("outcome", "ignored"), body(response), state);
        }
        assertEquals(DeliveryState.SENT, leg(SMS_KEY).state());
    }

    @Test
    void theNewerFieldNamesAndANumericId_areReadToo() throws Exception {
        Map<String, Object> response = invoke(
                handler,
                ReceiptEvents.unifonic(
                        "{\"messageId\": 3000011612, \"status\": \"DELIVERED\"}", authorised("application/json")));

        assertEquals(Map.of("outcome", "settled"), body(response));
        assertEquals(DeliveryState.DELIVERED, leg(SMS_KEY).state());
    }

    @Test
    void malformedBodies_answer4xxWithStableCodes() throws Exception {
        record Case(String body, String contentType, int status, String code) {}
        for (Case c : List.of(
                new Case("{\"MessageID\": ", "application/json", 400, "malformed_json"),
                new Case("[1, 2]", "application/json", 400, "malformed_json"),
                new Case("{\"DLR\": \"Delivered\"}", "application/json", 400, "required"),
                new Case("{\"MessageID\": \"1\"}", "application/json", 400, "required"),
                new Case(
                        "{\"MessageID\": {\"a\": 1}, \"DLR\": \"Delivered\"}", "application/json", 400, "invalid_type"),
                new Case("{\"MessageID\": 1.5, \"DLR\": \"Delivered\"}", "application/json", 400, "invalid_type"),
                new Case("{\"MessageID\": \"a b\", \"DLR\": \"Delivered\"}", "application/json", 400, "invalid_text"),
                new Case("MessageID=&DLR=Delivered", "application/x-www-form-urlencoded", 400, "required"),
                new Case("MessageID=%zz&DLR=%", "application/x-www-form-urlencoded", 200, null),
                new Case("<DLR/>", "text/xml", 415, "unsupported_media_type"),
                new Case(
                        "x".repeat(UnifonicReports.MAX_BODY_BYTES + 1),
                        "application/json",
                        413,
                        "payload_too_large"))) {
            Map<String, Object> response =
                    invoke(handler, ReceiptEvents.unifonic(c.body(), authorised(c.contentType())));
            assertEquals(c.status(), response.get("statusCode"), c.body());
            if (c.code() != null) {
                assertEquals(c.code(), firstErrorCode(response), c.body());
            }
        }
        assertEquals(DeliveryState.SENT, leg(SMS_KEY).state());
    }

    @Test
    void withoutAContentType_aJsonOrAFormBodyIsStillRead() throws Exception {
        Map<String, Object> json = invoke(
                handler,
                ReceiptEvents.unifonic(
                        " {\"MessageID\":\"3000011612\",\"DLR\":\"Delivered\"}",
                        headers(null, Optional.of("Bearer " + TOKEN))));
        Map<String, Object> form = invoke(
                handler,
                ReceiptEvents.unifonic(
                        "MessageID=3000011613&DLR=Delivered", headers(null, Optional.of("Bearer " + TOKEN))));

        assertEquals(Map.of("outcome", "settled"), body(json));
        assertEquals(Map.of("outcome", "settled"), body(form));
    }

    @Test
    void anUnreachableStore_answers503SoUnifonicSendsAgain() throws Exception {
        messaging.storeFaults.add("settle");

        Map<String, Object> response = invoke(handler, sample("unifonic-delivered"));

        assertEquals(503, response.get("statusCode"));
        assertEquals("service_unavailable", firstErrorCode(response));
        assertEquals(Map.of("outcome", "settled"), body(invoke(handler, sample("unifonic-delivered"))));
    }

    @Test
    void anotherRoute_isNotFound() throws Exception {
        Map<String, Object> event = new java.util.LinkedHashMap<>(sample("unifonic-delivered"));
        event.put("routeKey", "POST /delivery-receipts/other");
        assertEquals(404, invoke(handler, event).get("statusCode"));
    }

    // ------------------------------------------------------------------ WhatsApp over SNS

    @Test
    void whatsAppFailed_failsTheLegAndAsksForTheSms() throws Exception {
        Map<String, Object> answer = invoke(handler, sample("whatsapp-failed"));

        assertEquals(Map.of("records", 1, "receipts", 1, "skipped", 0), answer);
        DeliveryLeg failed = leg(WHATSAPP_KEY);
        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals(Optional.of("whatsapp 131026 Message undeliverable"), failed.reason());
        assertEquals(Instant.ofEpochSecond(1795595410L), failed.at(), "dated by Meta's status time");
        assertEquals(List.of(WHATSAPP_KEY), messaging.fallbacksAskedFor());
        assertFalse(messaging.notReached("MHF5Q2N7"), "the SMS may still reach the person");
    }

    @Test
    void whatsAppFailedTwice_asksForTheSmsOnce() throws Exception {
        invoke(handler, sample("whatsapp-failed"));
        messaging.records.get(WHATSAPP_KEY).fallback = "sent";

        invoke(handler, sample("whatsapp-failed"));

        assertEquals("sent", messaging.records.get(WHATSAPP_KEY).fallback);
        assertEquals(List.of(), messaging.fallbacksAskedFor());
    }

    @Test
    void whatsAppDeliveredOrRead_settlesTheLeg() throws Exception {
        ReceiptEvents.sentWhatsApp(messaging, "MHF5Q2N7#v4", ReceiptEvents.WHATSAPP_DELIVERED_ID);

        invoke(handler, sample("whatsapp-delivered"));

        assertEquals(DeliveryState.DELIVERED, leg("MHF5Q2N7#v4").state());
        assertEquals(4, messaging.reach.get("MHF5Q2N7")[0]);
    }

    @Test
    void anInboundWhatsAppMessage_isPassedOverWithoutItsWordsInTheLog() throws Exception {
        String log = capturingOutput(() -> {
            Map<String, Object> answer = invoke(handler, sample("whatsapp-inbound"));
            assertEquals(Map.of("records", 1, "receipts", 0, "skipped", 0), answer);
        });

        assertTrue(log.contains("\"inboundMessages\":1"), log);
        for (String personal : List.of("966501234567", "سارة", "شكرًا")) {
            assertFalse(log.contains(personal), "the log holds " + personal);
        }
    }

    @Test
    void aMalformedRecord_isSkippedAndTheRestOfTheBatchStillApplies() throws Exception {
        @SuppressWarnings("unchecked")
        Object good = ((List<Object>) sample("whatsapp-failed").get("Records")).getFirst();
        @SuppressWarnings("unchecked")
        Object bad = ((List<Object>) ReceiptEvents.sns("{not json").get("Records")).getFirst();

        String log = capturingOutput(() -> {
            Map<String, Object> answer = invoke(handler, Map.of("Records", List.of(bad, good)));
            assertEquals(Map.of("records", 2, "receipts", 1, "skipped", 1), answer);
        });

        assertEquals(DeliveryState.FAILED, leg(WHATSAPP_KEY).state());
        assertTrue(log.contains("message is not a JSON object"), log);
        assertFalse(log.contains("{not json"), "the log repeats the message");
    }

    @Test
    void anUnreachableStore_failsTheInvocationSoLambdaRetries() throws Exception {
        messaging.storeFaults.add("settle");

        assertThrows(StorageUnavailableException.class, () -> invoke(handler, sample("whatsapp-failed")));

        assertEquals(Map.of("records", 1, "receipts", 1, "skipped", 0), invoke(handler, sample("whatsapp-failed")));
        assertEquals(DeliveryState.FAILED, leg(WHATSAPP_KEY).state());
    }

    @Test
    void theLog_namesProviderIdsAndOutcomesButNoNumbers() throws Exception {
        String log = capturingOutput(() -> {
            invoke(handler, sample("unifonic-delivered"));
            invoke(handler, sample("unifonic-undeliverable-form"));
            invoke(handler, sample("whatsapp-failed"));
        });

        assertTrue(log.contains("\"providerMessageId\":\"3000011612\""), log);
        assertTrue(log.contains("\"outcome\":\"falling_back\""), log);
        for (String number : List.of("966501234567", "966501230002", "966501230000", "501234567")) {
            assertFalse(log.contains(number), "the log holds " + number);
        }
        assertTrue(Json.readObject(log.lines().findFirst().orElseThrow().getBytes(StandardCharsets.UTF_8))
                .containsKey("level"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String capturingOutput(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
