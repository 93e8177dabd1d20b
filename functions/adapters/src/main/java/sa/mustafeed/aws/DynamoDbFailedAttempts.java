package sa.mustafeed.aws;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.ports.FailedAttempts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Failure counters as items {@code RATE#<subject> / W#<windowStart>}, incremented with an atomic ADD,
 * so concurrent failures are all counted. TTL tidies old windows; reads never depend on it.
 */
public final class DynamoDbFailedAttempts implements FailedAttempts {
    /** BatchGetItem may leave keys unprocessed when throttled; a few quick retries, then 503. */
    private final DynamoDbClient dynamoDb;

    private final String tableName;

    public DynamoDbFailedAttempts(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public int count(String subject, Instant windowStart) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read attempts",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(key(subject, windowStart))
                                .projectionExpression("#count")
                                .expressionAttributeNames(Map.of("#count", "count"))
                                .consistentRead(true)))
                .item();
        if (item == null || !item.containsKey("count")) {
            return 0;
        }
        return Integer.parseInt(item.get("count").n());
    }

    /** One consistent BatchGetItem for all the windows (a lookup needs four: one round trip, not four). */
    @Override
    public int[] counts(List<Window> windows) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        for (Window window : windows) {
            keys.putIfAbsent(id(window.subject(), window.start()), key(window.subject(), window.start()));
        }
        Map<String, Integer> found = new HashMap<>();
        for (Map<String, AttributeValue> item : ConsistentBatchRead.items(
                dynamoDb,
                tableName,
                keys.values(),
                "read attempts",
                request -> request.projectionExpression("#pk, #sk, #count")
                        .expressionAttributeNames(
                                Map.of("#pk", RequestItems.PK, "#sk", RequestItems.SK, "#count", "count")))) {
            if (item.containsKey("count")) {
                found.put(
                        item.get(RequestItems.PK).s() + "|"
                                + item.get(RequestItems.SK).s(),
                        Integer.parseInt(item.get("count").n()));
            }
        }
        int[] counts = new int[windows.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = found.getOrDefault(
                    id(windows.get(i).subject(), windows.get(i).start()), 0);
        }
        return counts;
    }

    @Override
    public void record(String subject, Instant windowStart, Instant discardAfter) {
        DynamoDbFailures.call(
                "record attempt",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(key(subject, windowStart))
                        .updateExpression("ADD #count :one SET #ttl = :ttl")
                        .expressionAttributeNames(Map.of("#count", "count", "#ttl", RequestItems.TTL))
                        .expressionAttributeValues(Map.of(
                                ":one", AttributeValue.fromN("1"),
                                ":ttl", AttributeValue.fromN(Long.toString(discardAfter.getEpochSecond()))))));
    }

    /** One DeleteItem per window: a lookup clears two, and a missing counter is no error. */
    @Override
    public void clear(List<Window> windows) {
        for (Window window : windows) {
            DynamoDbFailures.call(
                    "clear attempts",
                    () -> dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(window.subject(), window.start()))));
        }
    }

    private static Map<String, AttributeValue> key(String subject, Instant windowStart) {
        return TableKeys.attempts(subject, windowStart);
    }

    private static String id(String subject, Instant windowStart) {
        Map<String, AttributeValue> key = key(subject, windowStart);
        return key.get(RequestItems.PK).s() + "|" + key.get(RequestItems.SK).s();
    }
}
