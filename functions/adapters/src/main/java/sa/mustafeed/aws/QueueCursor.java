package sa.mustafeed.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a queue page stopped: the index partition and the last key read in it, as an opaque
 * URL-safe string. The queue's keys are all strings, so the text form is exact. A cursor that this
 * class did not write, or one naming a partition outside the queue's indexes, is refused as input.
 */
record QueueCursor(String partition, Map<String, AttributeValue> lastKey) {
    static final QueueCursor START = new QueueCursor("", Map.of());
    /** Unit separator: cannot occur in a key (references, ISO times and prefixes never hold it). */
    private static final char SEPARATOR = '\u001F';

    QueueCursor {
        lastKey = Map.copyOf(lastKey);
    }

    boolean atStart() {
        return partition.isEmpty();
    }

    String encode() {
        StringBuilder text = new StringBuilder(partition);
        lastKey.forEach(
                (name, value) -> text.append(SEPARATOR).append(name).append('=').append(value.s()));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException ({@code cursor}, {@code invalid_cursor}) for anything not written by {@link #encode()} */
    static QueueCursor decode(String encoded) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEPARATOR));
            Map<String, AttributeValue> key = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("bad key part");
                }
                key.put(parts[i].substring(0, eq), AttributeValue.fromS(parts[i].substring(eq + 1)));
            }
            if (!TableKeys.isQueuePartition(parts[0])) {
                throw new IllegalArgumentException("bad partition");
            }
            return new QueueCursor(parts[0], key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
    }
}
