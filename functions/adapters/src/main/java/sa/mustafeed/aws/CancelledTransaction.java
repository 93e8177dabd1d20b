package sa.mustafeed.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Why DynamoDB cancelled a transaction, asked by the key of the item a condition was on. DynamoDB
 * reports one reason per write, by position in the request; asking by position ties the answer to
 * the order the writes happen to be listed in (a write added in between would silently shift every
 * answer), while a key names one item: DynamoDB refuses a transaction that touches an item twice.
 */
final class CancelledTransaction {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final List<TransactWriteItem> writes;
    private final List<CancellationReason> reasons;

    CancelledTransaction(List<TransactWriteItem> writes, TransactionCanceledException cancelled) {
        this.writes = List.copyOf(writes);
        this.reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
    }

    /**
     * True when the condition on the item with this key failed.
     *
     * @throws IllegalArgumentException when no write of the transaction has this key (a bug in the caller)
     */
    boolean conditionFailedOn(Map<String, AttributeValue> key) {
        int index = indexOf(key);
        return index < reasons.size()
                && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private int indexOf(Map<String, AttributeValue> key) {
        for (int i = 0; i < writes.size(); i++) {
            if (keyOf(writes.get(i)).equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no write in the transaction has the key " + key);
    }

    /** The primary key a write acts on, whichever kind of write it is. */
    static Map<String, AttributeValue> keyOf(TransactWriteItem write) {
        Map<String, AttributeValue> key;
        if (write.put() != null) {
            Map<String, AttributeValue> item = write.put().item();
            key = TableKeys.key(
                    item.get(TableKeys.PK).s(), item.get(TableKeys.SK).s());
        } else if (write.update() != null) {
            key = write.update().key();
        } else if (write.delete() != null) {
            key = write.delete().key();
        } else if (write.conditionCheck() != null) {
            key = write.conditionCheck().key();
        } else {
            throw new IllegalArgumentException("a transaction write without an action");
        }
        return Map.of(TableKeys.PK, key.get(TableKeys.PK), TableKeys.SK, key.get(TableKeys.SK));
    }
}
