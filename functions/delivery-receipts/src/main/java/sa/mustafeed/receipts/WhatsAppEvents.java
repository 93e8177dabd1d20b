package sa.mustafeed.receipts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.Receipt;
import sa.mustafeed.http.Json;

/**
 * Reads one AWS End User Messaging Social event (the message of one SNS notification from the WhatsApp
 * events topic) into receipts. The format is AWS's (Social Messaging user guide, "Message and event
 * format"): a header with {@code context}, {@code aws_account_id}, {@code message_timestamp} and
 * {@code messageId}, and {@code whatsAppWebhookEntry}, a JSON string holding Meta's webhook entry.
 * The entry's statuses ({@code changes[].value.statuses[]}: {@code id}, {@code status} sent | delivered
 * | read | failed, {@code timestamp} in epoch seconds, {@code recipient_id}, {@code errors[{code,
 * title}]}) are Meta's (Cloud API webhooks reference, "Status messages").
 *
 * <p>A receipt is matched on the header's {@code messageId}, the id SendWhatsAppMessage answered and
 * the notifier recorded; only when the header has none does the status's own id (Meta's wamid) stand
 * in. Read means delivered; sent is not final; inbound messages ({@code value.messages}) and every
 * other kind of news are counted, never read: they carry the person's number and words.
 */
final class WhatsAppEvents {
    static final String PROVIDER = "whatsapp";
    /** An SNS message is at most 256 KB; anything larger did not come from the service. */
    static final int MAX_MESSAGE_CHARS = 256 * 1024;

    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** Meta's status times are seconds since the epoch; outside these bounds the arrival time stands. */
    private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");

    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private WhatsAppEvents() {}

    /** What one event held: the final statuses as receipts, and counts of what was passed over. */
    record Event(List<Receipt> receipts, int notFinal, int inbound, int other) {}

    /** A message that is not an End User Messaging Social event; {@link #getMessage()} names the part, never its content. */
    static final class MalformedEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedEvent(String what) {
            super(what);
        }
    }

    static Event read(String message, Instant now) {
        if (message == null || message.length() > MAX_MESSAGE_CHARS) {
            throw new MalformedEvent("message missing or too large");
        }
        Map<String, Object> header = object(message, "message is not a JSON object");
        Object rawEntry = header.get("whatsAppWebhookEntry");
        Map<String, Object> entry = rawEntry instanceof String text
                ? object(text, "whatsAppWebhookEntry is not a JSON object")
                : map(rawEntry).orElseThrow(() -> new MalformedEvent("no whatsAppWebhookEntry"));
        Optional<String> headerId = Optional.ofNullable(header.get("messageId"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(id -> MESSAGE_ID.matcher(id).matches());
        List<Receipt> receipts = new ArrayList<>();
        int notFinal = 0;
        int inbound = 0;
        int other = 0;
        for (Object change : list(entry.get("changes"))) {
            Map<String, Object> value =
                    map(map(change).orElse(Map.of()).get("value")).orElse(Map.of());
            inbound += list(value.get("messages")).size();
            for (Object raw : list(value.get("statuses"))) {
                Map<String, Object> status = map(raw).orElse(Map.of());
                Optional<DeliveryState> state = state(status.get("status"));
                Optional<String> id = headerId.or(() -> Optional.ofNullable(status.get("id"))
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .filter(s -> MESSAGE_ID.matcher(s).matches()));
                if ("sent".equals(status.get("status"))) {
                    notFinal++;
                } else if (state.isEmpty() || id.isEmpty()) {
                    other++;
                } else {
                    Optional<String> reason =
                            state.get() == DeliveryState.FAILED ? Optional.of(reason(status)) : Optional.empty();
                    receipts.add(new Receipt(PROVIDER, id.get(), state.get(), reason, at(status, now)));
                }
            }
        }
        return new Event(List.copyOf(receipts), notFinal, inbound, other);
    }

    private static Optional<DeliveryState> state(Object status) {
        return switch (status instanceof String s ? s : "") {
            case "delivered", "read" -> Optional.of(DeliveryState.DELIVERED);
            case "failed" -> Optional.of(DeliveryState.FAILED);
            default -> Optional.empty();
        };
    }

    /** {@code whatsapp <code> <title>} of Meta's first error, e.g. "whatsapp 131026 Message undeliverable". */
    static String reason(Map<String, Object> status) {
        List<Object> errors = list(status.get("errors"));
        Map<String, Object> error =
                map(errors.isEmpty() ? null : errors.getFirst()).orElse(Map.of());
        Object code = error.get("code");
        Object title = error.get("title");
        String text = ("whatsapp " + (code instanceof Number || code instanceof String ? code : "") + " "
                        + (title instanceof String t ? t : ""))
                .replaceAll("\\p{Cntrl}", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static Instant at(Map<String, Object> status, Instant now) {
        Object raw = status.get("timestamp");
        String digits = raw instanceof String s ? s : raw instanceof Number n ? n.toString() : "";
        if (!digits.matches("\\d{1,12}")) {
            return now;
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(digits));
        return at.isBefore(EARLIEST) || at.isAfter(now.plus(CLOCK_SKEW)) ? now : at;
    }

    private static Map<String, Object> object(String text, String what) {
        try {
            Map<String, Object> parsed = Json.readObject(text.getBytes(StandardCharsets.UTF_8));
            if (parsed != null) {
                return parsed;
            }
        } catch (IOException | RuntimeException malformed) {
            // answered below
        }
        throw new MalformedEvent(what);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> map(Object value) {
        return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
