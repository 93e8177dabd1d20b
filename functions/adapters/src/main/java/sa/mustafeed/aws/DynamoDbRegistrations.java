package sa.mustafeed.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One person's registrations, newest first: one Query of their own {@code REGBY#<id>} partition and
 * one BatchGetItem of those requests' items (status as it is now). The cursor carries the sort key
 * only; the partition is always the caller's, so no cursor can open someone else's list.
 */
final class DynamoDbRegistrations {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    DynamoDbRegistrations(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    QueuePage page(String registrarId, Optional<String> cursor, int pageSize) {
        String partition = TableKeys.registrations(registrarId);
        Optional<String> after = cursor.map(DynamoDbRegistrations::decode);
        QueryResponse response = DynamoDbFailures.call(
                "read registrations",
                () -> dynamoDb.query(q -> {
                    q.tableName(tableName)
                            .keyConditionExpression("PK = :p")
                            .expressionAttributeValues(Map.of(":p", RequestItems.s(partition)))
                            .projectionExpression("PK, SK, #reference")
                            .expressionAttributeNames(Map.of("#reference", "reference"))
                            .scanIndexForward(false)
                            .limit(pageSize);
                    after.ifPresent(sk -> q.exclusiveStartKey(TableKeys.key(partition, sk)));
                }));
        List<String> references =
                response.items().stream().map(i -> i.get("reference").s()).toList();
        Map<String, Map<String, AttributeValue>> byPartition = new HashMap<>();
        if (!references.isEmpty()) {
            for (Map<String, AttributeValue> item : ConsistentBatchRead.items(
                    dynamoDb,
                    tableName,
                    references.stream()
                            .map(r -> TableKeys.requestItem(new sa.mustafeed.core.reference.ReferenceCode(r)))
                            .toList(),
                    "read registrations",
                    keys -> keys)) {
                byPartition.put(item.get(TableKeys.PK).s(), item);
            }
        }
        List<CaseSummary> rows = references.stream()
                .map(r -> byPartition.get(TableKeys.REQUEST_PREFIX + r))
                .filter(Objects::nonNull)
                .map(RequestItems::summary)
                .toList();
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        Optional<String> next = last == null || last.isEmpty()
                ? Optional.empty()
                : Optional.of(encode(last.get(TableKeys.SK).s()));
        return new QueuePage(rows, next);
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException ({@code cursor}, {@code invalid_cursor}) for anything {@link #encode} did not write */
    private static String decode(String cursor) {
        try {
            String sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int hash = sortKey.lastIndexOf('#');
            java.time.Instant.parse(sortKey.substring(0, hash));
            new sa.mustafeed.core.reference.ReferenceCode(sortKey.substring(hash + 1));
            return sortKey;
        } catch (RuntimeException notOurs) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
    }
}
