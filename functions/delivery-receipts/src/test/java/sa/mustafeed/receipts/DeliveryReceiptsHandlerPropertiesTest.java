package sa.mustafeed.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sa.mustafeed.receipts.ReceiptEvents.NOW;
import static sa.mustafeed.receipts.ReceiptEvents.TOKEN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryReceipts;
import sa.mustafeed.http.Json;

/**
 * Hostile input for both doors. The webhook, with the right token and any body of any declared type,
 * answers 200, 400, 413 or 415 (never a 5xx, so never an endless resend), every 4xx in the error shape;
 * without the exact token it answers 401 whatever else comes. Any SNS message is applied or skipped,
 * never thrown on (a throw would have Lambda retry a record that can never succeed).
 */
class DeliveryReceiptsHandlerPropertiesTest {
    private static final Set<Integer> WEBHOOK_STATUSES = Set.of(200, 400, 413, 415);
    private static final Set<String> OUTCOMES = Set.of("settled", "falling_back", "already_settled", "ignored");
    private static final List<String> KNOWN_IDS = List.of(
            ReceiptEvents.UNIFONIC_DELIVERED_ID, ReceiptEvents.WHATSAPP_FAILED_ID, ReceiptEvents.WHATSAPP_DELIVERED_ID);

    private InMemoryMessaging messaging;
    private DeliveryReceiptsHandler handler;

    @BeforeTry
    void freshStore() {
        messaging = new InMemoryMessaging();
        handler = new DeliveryReceiptsHandler(
                new DeliveryReceipts(messaging.deliveryLog), new WebhookToken(TOKEN), new MutableClock(NOW));
        ReceiptEvents.sentSms(messaging, "MHF5Q2N7#v1", ReceiptEvents.UNIFONIC_DELIVERED_ID);
        ReceiptEvents.sentWhatsApp(messaging, "MHF5Q2N7#v2", ReceiptEvents.WHATSAPP_FAILED_ID);
        ReceiptEvents.sentWhatsApp(messaging, "MHF5Q2N7#v3", ReceiptEvents.WHATSAPP_DELIVERED_ID);
    }

    @Property(tries = 1500)
    @SuppressWarnings("unchecked")
    void anyBodyWithTheToken_isAnsweredWithoutA5xx(
            @ForAll("bodies") String body, @ForAll("contentTypes") Optional<String> contentType) throws Exception {
        Map<String, Object> response = ReceiptEvents.invoke(
                handler,
                ReceiptEvents.unifonic(
                        body, ReceiptEvents.headers(contentType.orElse(null), Optional.of("Bearer " + TOKEN))));

        int status = ((Number) response.get("statusCode")).intValue();
        assertTrue(WEBHOOK_STATUSES.contains(status), status + " for " + abbreviated(body));
        Map<String, Object> answer = ReceiptEvents.body(response);
        if (status == 200) {
            assertTrue(OUTCOMES.contains(answer.get("outcome")), String.valueOf(answer));
        } else {
            List<Object> errors = (List<Object>) answer.get("errors");
            assertFalse(errors.isEmpty());
            for (Object error : errors) {
                Map<String, Object> e = (Map<String, Object>) error;
                assertTrue(e.get("code") instanceof String, String.valueOf(e));
                assertEquals(Set.of("ar", "en"), ((Map<String, Object>) e.get("message")).keySet());
            }
        }
        assertLegsWellFormed();
    }

    @Property(tries = 500)
    void anyAuthorizationButTheToken_isRefused(@ForAll("authorizations") String authorization) throws Exception {
        String presented = authorization.strip();
        Assume.that(!(presented.toLowerCase(Locale.ROOT).startsWith("bearer ")
                && presented.substring(7).strip().equals(TOKEN)));

        Map<String, Object> response = ReceiptEvents.invoke(
                handler,
                ReceiptEvents.unifonic(
                        "{\"MessageID\":\"3000011612\",\"DLR\":\"Delivered\"}",
                        ReceiptEvents.headers("application/json", Optional.of(authorization))));

        assertEquals(401, response.get("statusCode"));
        assertEquals(
                "sent",
                messaging.records.get("MHF5Q2N7#v1").legs.getFirst().state().wireName());
    }

    @Property(tries = 1500)
    void anySnsMessage_isAppliedOrSkipped_neverThrown(@ForAll("snsMessages") String message) throws Exception {
        Map<String, Object> tally = ReceiptEvents.invoke(handler, ReceiptEvents.sns(message));

        assertEquals(1, tally.get("records"));
        int receipts = ((Number) tally.get("receipts")).intValue();
        int skipped = ((Number) tally.get("skipped")).intValue();
        assertTrue(skipped == 0 || skipped == 1 && receipts == 0, String.valueOf(tally));
        assertLegsWellFormed();
    }

    @Property(tries = 300)
    void anyLambdaEventShape_isSkippedRecordByRecord(@ForAll("records") List<Object> records) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        List<Object> withOneSns = new ArrayList<>(records);
        withOneSns.add(Map.of("EventSource", "aws:sns"));
        event.put("Records", withOneSns);

        Map<String, Object> tally = ReceiptEvents.invoke(handler, event);

        assertEquals(withOneSns.size(), tally.get("records"));
    }

    /** However receipts landed, every leg is in one of the three states with its reason only when failed. */
    private void assertLegsWellFormed() {
        for (InMemoryMessaging.Record record : messaging.records.values()) {
            for (DeliveryLeg leg : record.legs) {
                assertEquals(
                        leg.state().wireName().equals("failed"), leg.reason().isPresent(), String.valueOf(leg));
                leg.reason().ifPresent(r -> assertTrue(r.length() <= 200 && !r.matches("(?s).*\\d{7,}.*"), r));
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.of(
                        "application/json",
                        "application/json; charset=utf-8",
                        "APPLICATION/JSON",
                        "application/x-www-form-urlencoded",
                        "application/x-www-form-urlencoded; charset=UTF-8",
                        "text/plain",
                        "multipart/form-data; boundary=x",
                        "",
                        ";;;")
                .optional(0.9);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(List.of(
                weighted(4, jsonReports()),
                weighted(3, formReports()),
                weighted(2, Arbitraries.strings().ofMaxLength(300)),
                weighted(
                        1,
                        Arbitraries.strings()
                                .withChars("{}[]\":,0123456789.eE-+ \\u")
                                .ofMaxLength(80)),
                weighted(
                        1,
                        Arbitraries.integers()
                                .between(60, 70)
                                .map(k -> "{\"MessageID\":\"" + "9".repeat(k * 1024) + "\"}"))));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<String>> weighted(int weight, Arbitrary<String> body) {
        return net.jqwik.api.Tuple.of(weight, body);
    }

    private static Arbitrary<String> fieldNames() {
        return Arbitraries.of(
                "MessageID",
                "messageId",
                "MESSAGEID",
                "message_id",
                "DLR",
                "dlr",
                "status",
                "Status",
                "Comments",
                "Recipient",
                "TimeCreated",
                "SCTS",
                "DLRTimestamp",
                "",
                "__proto__",
                "x");
    }

    private static Arbitrary<Object> jsonValues(int depth) {
        List<Arbitrary<Object>> choices = new ArrayList<>(List.of(
                Arbitraries.of(KNOWN_IDS).map(Object.class::cast),
                Arbitraries.of("Delivered", "Undeliverable", "Undelivered", "Rejected", "Sent", "Queued", "delivered ")
                        .map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.<Object>just(null)));
        if (depth > 0) {
            choices.add(jsonValues(depth - 1).list().ofMaxSize(3).map(Object.class::cast));
            choices.add(Arbitraries.maps(fieldNames(), jsonValues(depth - 1))
                    .ofMaxSize(3)
                    .map(Object.class::cast));
        }
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<String> jsonReports() {
        return Arbitraries.maps(fieldNames(), jsonValues(2)).ofMaxSize(6).map(Json::write);
    }

    private static Arbitrary<String> formReports() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("MessageID", "DLR", "status", "Comments", "3000011612", "Delivered", "Undeliverable"),
                Arbitraries.strings().withChars("%&=+ab12zZ\u00e9\u0639").ofMaxLength(12));
        return Combinators.pairs(part).list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    /** Lets {@code name=value} pairs be built from two parts, or a part alone (no {@code =}). */
    private static final class Combinators {
        static Arbitrary<String> pairs(Arbitrary<String> part) {
            return net.jqwik.api.Combinators.combine(
                            part, part, Arbitraries.integers().between(0, 3))
                    .as((name, value, shape) -> switch (shape) {
                        case 0 -> name;
                        case 1 -> name + "=";
                        default -> name + "=" + value;
                    });
        }
    }

    @Provide
    Arbitrary<String> authorizations() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings()
                        .withChars(TOKEN.toCharArray())
                        .ofMinLength(TOKEN.length() - 2)
                        .ofMaxLength(TOKEN.length() + 2)
                        .map(t -> "Bearer " + t),
                Arbitraries.of("Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + TOKEN, "Basic " + TOKEN, TOKEN));
    }

    @Provide
    Arbitrary<String> snsMessages() {
        Arbitrary<Object> status = Arbitraries.maps(
                        Arbitraries.of("id", "status", "timestamp", "recipient_id", "errors", "x"),
                        Arbitraries.oneOf(
                                Arbitraries.of("sent", "delivered", "read", "failed", "deleted", "FAILED")
                                        .map(Object.class::cast),
                                Arbitraries.of("1795595410", "0", "-1", "99999999999999999999", "1e9")
                                        .map(Object.class::cast),
                                jsonValues(2)))
                .ofMaxSize(6)
                .map(Object.class::cast);
        Arbitrary<String> entry = Arbitraries.oneOf(
                        status.list()
                                .ofMaxSize(3)
                                .map(statuses ->
                                        Map.of("changes", List.of(Map.of("value", Map.of("statuses", statuses))))),
                        Arbitraries.maps(Arbitraries.of("changes", "id", "value"), jsonValues(3))
                                .ofMaxSize(3))
                .map(Json::write);
        Arbitrary<Object> header = Arbitraries.maps(
                        Arbitraries.of("whatsAppWebhookEntry", "messageId", "context", "aws_account_id"),
                        Arbitraries.oneOf(
                                entry.map(Object.class::cast),
                                Arbitraries.of(KNOWN_IDS).map(Object.class::cast),
                                jsonValues(2)))
                .ofMaxSize(4)
                .map(Object.class::cast);
        return Arbitraries.oneOf(
                header.map(Json::write),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.just("null"),
                Arbitraries.just("[]"));
    }

    @Provide
    Arbitrary<List<Object>> records() {
        Arbitrary<Object> record = Arbitraries.oneOf(
                jsonValues(2),
                Arbitraries.maps(Arbitraries.of("EventSource", "Sns", "EventVersion"), jsonValues(2))
                        .ofMaxSize(3)
                        .map(Object.class::cast),
                Arbitraries.just(Map.of("EventSource", "aws:sns", "Sns", Map.of("Message", 7))));
        return record.list().ofMaxSize(4);
    }
}
