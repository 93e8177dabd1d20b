package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.StorageUnavailableException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

class ConsistentBatchReadTest {
    private static final String TABLE = "t";
    private static final Map<String, AttributeValue> A = TableKeys.key("REQ#A", "REQUEST");
    private static final Map<String, AttributeValue> B = TableKeys.key("REQ#B", "REQUEST");

    /** A client whose BatchGetItem answers as {@code answer} says, recording each request. */
    private static DynamoDbClient client(
            List<BatchGetItemRequest> seen, Function<BatchGetItemRequest, BatchGetItemResponse> answer) {
        return new DynamoDbClient() {
            @Override
            public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
                seen.add(request);
                return answer.apply(request);
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void items_asksAgainForUnprocessedKeys_consistentlyAndWithTheCallersProjection() {
        List<BatchGetItemRequest> seen = new ArrayList<>();
        DynamoDbClient dynamoDb = client(
                seen,
                request -> seen.size() == 1
                        ? BatchGetItemResponse.builder()
                                .responses(Map.of(TABLE, List.of(A)))
                                .unprocessedKeys(Map.of(
                                        TABLE,
                                        KeysAndAttributes.builder().keys(B).build()))
                                .build()
                        : BatchGetItemResponse.builder()
                                .responses(Map.of(TABLE, List.of(B)))
                                .build());

        List<Map<String, AttributeValue>> items = ConsistentBatchRead.items(
                dynamoDb, TABLE, List.of(A, B), "test", keys -> keys.projectionExpression("PK"));

        assertEquals(List.of(A, B), items);
        assertEquals(2, seen.size());
        assertEquals(List.of(B), seen.get(1).requestItems().get(TABLE).keys());
        assertTrue(seen.stream().allMatch(r -> r.requestItems().get(TABLE).consistentRead()));
        assertTrue(seen.stream()
                .allMatch(r -> "PK".equals(r.requestItems().get(TABLE).projectionExpression())));
    }

    @Test
    void items_keysStillUnprocessedAfterThreeAttempts_areReportedAsTheStoreUnavailable() {
        List<BatchGetItemRequest> seen = new ArrayList<>();
        DynamoDbClient dynamoDb = client(
                seen,
                request -> BatchGetItemResponse.builder()
                        .unprocessedKeys(Map.of(TABLE, request.requestItems().get(TABLE)))
                        .build());

        assertThrows(
                StorageUnavailableException.class,
                () -> ConsistentBatchRead.items(dynamoDb, TABLE, List.of(A), "test", keys -> keys));
        assertEquals(ConsistentBatchRead.ATTEMPTS, seen.size());
    }

    @Test
    void items_noKeys_makesNoCall() {
        List<BatchGetItemRequest> seen = new ArrayList<>();
        assertEquals(List.of(), ConsistentBatchRead.items(client(seen, r -> null), TABLE, List.of(), "test", k -> k));
        assertEquals(0, seen.size());
    }
}
