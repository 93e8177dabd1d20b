package sa.mustafeed.aws;

import java.time.Instant;
import java.util.Map;

import sa.mustafeed.core.ports.FailedAttempts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Failure counters as items {@code RATE#<subject> / W#<windowStart>}, incremented with an atomic ADD,
 * so concurrent failures are all counted. TTL tidies old windows; reads never depend on it.
 */
public final class DynamoDbFailedAttempts implements FailedAttempts {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFailedAttempts(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public int count(String subject, Instant windowStart) {
        Map<String, AttributeValue> item = DynamoDbFailures.call("read attempts", () -> dynamoDb.getItem(g -> g
                .tableName(tableName)
                .key(key(subject, windowStart))
                .projectionExpression("#count")
                .expressionAttributeNames(Map.of("#count", "count"))
                .consistentRead(true))).item();
        if (item == null || !item.containsKey("count")) {
            return 0;
        }
        return Integer.parseInt(item.get("count").n());
    }

    @Override
    public void record(String subject, Instant windowStart, Instant discardAfter) {
        DynamoDbFailures.call("record attempt", () -> dynamoDb.updateItem(u -> u
                .tableName(tableName)
                .key(key(subject, windowStart))
                .updateExpression("ADD #count :one SET #ttl = :ttl")
                .expressionAttributeNames(Map.of("#count", "count", "#ttl", RequestItems.TTL))
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":ttl", AttributeValue.fromN(Long.toString(discardAfter.getEpochSecond()))))));
    }

    private static Map<String, AttributeValue> key(String subject, Instant windowStart) {
        return Map.of(RequestItems.PK, RequestItems.s("RATE#" + subject),
                RequestItems.SK, RequestItems.s("W#" + windowStart.getEpochSecond()));
    }
}
