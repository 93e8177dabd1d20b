package sa.mustafeed.receipts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.FallbackPlan;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.SampleEvents;

/**
 * The sample events of events/delivery-receipts/, edited where a test needs another header or body,
 * and the messages they report on, recorded as the notifier records them.
 */
final class ReceiptEvents {
    /** The token the sample Unifonic events carry (never a deployed one: the template generates those). */
    static final String TOKEN = "sample-webhook-token-0123456789abcdefghijklmn";

    static final Instant SENT_AT = Instant.parse("2026-11-25T08:30:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T08:31:00Z");
    /** The ids in the sample events: Unifonic's MessageID, and the messageId SendWhatsAppMessage answered. */
    static final String UNIFONIC_DELIVERED_ID = "3000011612";

    static final String UNIFONIC_UNDELIVERABLE_ID = "3000011613";
    static final String WHATSAPP_FAILED_ID = "6d69f07a-c317-4278-9d5c-6a84078419ec";
    static final String WHATSAPP_DELIVERED_ID = "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b";

    private ReceiptEvents() {}

    static Map<String, Object> sample(String name) throws IOException {
        return Json.readObject(Files.readAllBytes(SampleEvents.path("delivery-receipts", name)));
    }

    /** The Unifonic sample with this body and these headers instead of its own. */
    static Map<String, Object> unifonic(String body, Map<String, String> headers) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>(sample("unifonic-delivered"));
        event.put("headers", headers);
        event.put("body", body);
        return event;
    }

    static Map<String, String> headers(String contentType, Optional<String> authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        authorization.ifPresent(a -> headers.put("authorization", a));
        return headers;
    }

    static Map<String, String> authorised(String contentType) {
        return headers(contentType, Optional.of("Bearer " + TOKEN));
    }

    /** One SNS record carrying {@code message}, as Lambda delivers a notification of the topic. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sns(String message) throws IOException {
        Map<String, Object> event = sample("whatsapp-delivered");
        Map<String, Object> record =
                new LinkedHashMap<>((Map<String, Object>) ((List<Object>) event.get("Records")).getFirst());
        Map<String, Object> sns = new LinkedHashMap<>((Map<String, Object>) record.get("Sns"));
        sns.put("Message", message);
        record.put("Sns", sns);
        return Map.of("Records", List.of(record));
    }

    static Map<String, Object> invoke(DeliveryReceiptsHandler handler, Map<String, Object> event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }

    static Map<String, Object> body(Map<String, Object> response) throws IOException {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    static String firstErrorCode(Map<String, Object> response) throws IOException {
        return (String) ((Map<?, ?>) ((List<?>) body(response).get("errors")).getFirst()).get("code");
    }

    /** An SMS the notifier sent through Unifonic for the request's version {@code version}. */
    static void sentSms(InMemoryMessaging messaging, String messageKey, String providerMessageId) {
        messaging.sentMessages.claim(messageKey, SENT_AT, SENT_AT.minusSeconds(300));
        messaging.sentMessages.markSent(
                messageKey,
                new SentMessage(
                        MessageKind.RECEIVED,
                        Language.AR,
                        List.of(DeliveryLeg.sent(Delivery.SMS, "unifonic", providerMessageId, SENT_AT)),
                        Optional.empty()),
                SENT_AT);
    }

    /** A WhatsApp template message with its SMS fallback planned, as the notifier leaves it. */
    static void sentWhatsApp(InMemoryMessaging messaging, String messageKey, String providerMessageId) {
        messaging.sentMessages.claim(messageKey, SENT_AT, SENT_AT.minusSeconds(300));
        messaging.sentMessages.markSent(
                messageKey,
                new SentMessage(
                        MessageKind.RECEIVED,
                        Language.AR,
                        List.of(DeliveryLeg.sent(Delivery.WHATSAPP, "whatsapp", providerMessageId, SENT_AT)),
                        Optional.of(new FallbackPlan(
                                "+966501230000", "hash-of-the-mobile", Map.of("reference", "MHF5-Q2N7")))),
                SENT_AT);
    }
}
