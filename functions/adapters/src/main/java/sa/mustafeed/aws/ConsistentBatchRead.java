package sa.mustafeed.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import sa.mustafeed.core.errors.StorageUnavailableException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One consistent BatchGetItem over keys of one table, asking again for the keys DynamoDB leaves
 * unprocessed (it may, under throttling or past 16 MB) a bounded number of times: a read that still
 * has keys left then fails as the store being unavailable, never as a silently short answer.
 */
final class ConsistentBatchRead {
    static final int ATTEMPTS = 3;

    private ConsistentBatchRead() {}

    /** The items found, in no particular order; {@code shape} adds a projection to each request. */
    static List<Map<String, AttributeValue>> items(
            DynamoDbClient dynamoDb,
            String tableName,
            Collection<Map<String, AttributeValue>> keys,
            String operation,
            UnaryOperator<KeysAndAttributes.Builder> shape) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> pending = List.copyOf(keys);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new StorageUnavailableException(operation + ": keys left unprocessed", null);
            }
            List<Map<String, AttributeValue>> batch = pending;
            BatchGetItemResponse response = DynamoDbFailures.call(
                    operation,
                    () -> dynamoDb.batchGetItem(b -> b.requestItems(Map.of(
                            tableName,
                            shape.apply(KeysAndAttributes.builder().keys(batch).consistentRead(true))
                                    .build()))));
            found.addAll(response.responses().getOrDefault(tableName, List.of()));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            pending = unprocessed == null ? List.of() : unprocessed.keys();
        }
        return found;
    }
}
