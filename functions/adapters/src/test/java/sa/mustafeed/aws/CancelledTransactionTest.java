package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A cancelled transaction's reason is found by the item's key, whatever the order of the writes. */
class CancelledTransactionTest {
    private static final Map<String, AttributeValue> REQUEST = TableKeys.key("REQ#A", "META");
    private static final Map<String, AttributeValue> IDEMPOTENCY = TableKeys.key("IDEM#k", "IDEM");
    private static final Map<String, AttributeValue> COUNTER =
            TableKeys.key("SVCAGG#2026-11", "CH#web#CAT#complaint#S#1");
    private static final Map<String, AttributeValue> NOTE = TableKeys.key("REQ#A", "EVT#1#note#x");

    private static TransactWriteItem put(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("entity", AttributeValue.fromS("thing"));
        return TransactWriteItem.builder().put(p -> p.tableName("t").item(item)).build();
    }

    private static TransactWriteItem update(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName("t").key(key).updateExpression("SET a = :a"))
                .build();
    }

    private static TransactWriteItem check(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName("t").key(key).conditionExpression("attribute_exists(PK)"))
                .build();
    }

    private static TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder()
                .delete(d -> d.tableName("t").key(key))
                .build();
    }

    private static TransactionCanceledException cancelled(String... codes) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(CancellationReason.builder().code(code).build());
        }
        return TransactionCanceledException.builder()
                .cancellationReasons(reasons)
                .build();
    }

    @Test
    void theReason_isFoundByKey_whereverTheWriteStands() {
        List<TransactWriteItem> writes = List.of(put(REQUEST), update(COUNTER), put(IDEMPOTENCY));
        CancelledTransaction why =
                new CancelledTransaction(writes, cancelled("None", "None", "ConditionalCheckFailed"));
        assertTrue(why.conditionFailedOn(IDEMPOTENCY));
        assertFalse(why.conditionFailedOn(REQUEST));

        // The same writes in another order, the reasons in that order too: the same answers.
        List<TransactWriteItem> reordered = new ArrayList<>(writes);
        Collections.reverse(reordered);
        CancelledTransaction same =
                new CancelledTransaction(reordered, cancelled("ConditionalCheckFailed", "None", "None"));
        assertTrue(same.conditionFailedOn(IDEMPOTENCY));
        assertFalse(same.conditionFailedOn(REQUEST));
    }

    @Test
    void aConflict_isNotAFailedCondition() {
        CancelledTransaction why =
                new CancelledTransaction(List.of(update(REQUEST), put(NOTE)), cancelled("TransactionConflict", "None"));
        assertFalse(why.conditionFailedOn(REQUEST));
        assertFalse(why.conditionFailedOn(NOTE));
    }

    @Test
    void withoutReasons_noConditionFailed() {
        CancelledTransaction why = new CancelledTransaction(
                List.of(check(REQUEST)),
                TransactionCanceledException.builder().message("cancelled").build());
        assertFalse(why.conditionFailedOn(REQUEST));
    }

    @Test
    void aKeyNoWriteHas_isTheCallersBug() {
        CancelledTransaction why = new CancelledTransaction(List.of(put(REQUEST)), cancelled("ConditionalCheckFailed"));
        assertThrows(IllegalArgumentException.class, () -> why.conditionFailedOn(IDEMPOTENCY));
    }

    @Test
    void everyKindOfWrite_tellsItsKey_withoutItsOtherAttributes() {
        assertEquals(REQUEST, CancelledTransaction.keyOf(put(REQUEST)));
        assertEquals(COUNTER, CancelledTransaction.keyOf(update(COUNTER)));
        assertEquals(REQUEST, CancelledTransaction.keyOf(check(REQUEST)));
        assertEquals(NOTE, CancelledTransaction.keyOf(delete(NOTE)));
    }
}
