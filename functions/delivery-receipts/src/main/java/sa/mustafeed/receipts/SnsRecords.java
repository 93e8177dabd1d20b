package sa.mustafeed.receipts;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.LogLine;

/**
 * The SNS side of the function: Lambda's SNS event ({@code Records[]} with {@code EventSource} {@code
 * aws:sns} and the notification under {@code Sns}) → one End User Messaging Social event per record.
 * A record that is not such an event is logged by what was wrong with it and skipped; the log never
 * holds the message itself (an inbound WhatsApp message carries the person's number and words).
 */
final class SnsRecords {
    private SnsRecords() {}

    /** How many records came, how many receipts they held, how many records were skipped. */
    record Tally(int records, int receipts, int skipped) {
        Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("records", records);
            out.put("receipts", receipts);
            out.put("skipped", skipped);
            return out;
        }
    }

    /** The records when the event is an SNS one; empty for anything else (an API Gateway event). */
    static Optional<List<Object>> of(byte[] event) {
        Map<String, Object> parsed;
        try {
            parsed = Json.readObject(event);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
        if (parsed == null || !(parsed.get("Records") instanceof List<?> records)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) records;
        boolean sns = list.stream().anyMatch(r -> r instanceof Map<?, ?> m && "aws:sns".equals(m.get("EventSource")));
        return sns ? Optional.of(list) : Optional.empty();
    }

    /**
     * Hands each readable event to {@code apply} (which answers how many receipts it applied). A
     * {@link sa.mustafeed.core.errors.StorageUnavailableException} from it is not caught: Lambda retries
     * the invocation.
     */
    static Tally handle(List<Object> records, Clock clock, ToIntFunction<WhatsAppEvents.Event> apply) {
        int receipts = 0;
        int skipped = 0;
        for (Object raw : records) {
            Map<?, ?> record = raw instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> sns = record.get("Sns") instanceof Map<?, ?> m ? m : Map.of();
            Object snsMessageId = sns.get("MessageId") instanceof String id && id.length() <= 100 ? id : null;
            if (!"aws:sns".equals(record.get("EventSource")) || !(sns.get("Message") instanceof String message)) {
                skipped++;
                skip(snsMessageId, "not an SNS notification");
                continue;
            }
            WhatsAppEvents.Event event;
            try {
                event = WhatsAppEvents.read(message, clock.instant());
            } catch (WhatsAppEvents.MalformedEvent malformed) {
                skipped++;
                skip(snsMessageId, malformed.getMessage());
                continue;
            }
            if (event.inbound() + event.notFinal() + event.other() > 0) {
                LogLine.of("INFO", "whatsapp event passed over")
                        .with("snsMessageId", snsMessageId)
                        .with("inboundMessages", event.inbound())
                        .with("notFinalStatuses", event.notFinal())
                        .with("otherStatuses", event.other())
                        .print();
            }
            receipts += apply.applyAsInt(event);
        }
        return new Tally(records.size(), receipts, skipped);
    }

    private static void skip(Object snsMessageId, String why) {
        LogLine.of("WARN", "sns record skipped")
                .with("snsMessageId", snsMessageId)
                .with("why", why)
                .print();
    }
}
