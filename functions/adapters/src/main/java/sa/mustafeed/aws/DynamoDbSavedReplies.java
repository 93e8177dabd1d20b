package sa.mustafeed.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.SavedReplies;
import sa.mustafeed.core.staff.SavedReply;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Saved replies as items {@code SAVEDREPLY / <id>}: one partition, so the request page reads them all
 * with one Query (sorted by id, the sort key) and no index. At most SavedReplyService.MAX items of a
 * few kilobytes: one page of a Query in practice, though every page is followed.
 */
public final class DynamoDbSavedReplies implements SavedReplies {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSavedReplies(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<SavedReply> all() {
        List<SavedReply> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = Map.of();
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoDbFailures.call(
                    "read saved replies",
                    () -> dynamoDb.query(q -> {
                        // Consistent: a manager who just saved one sees it in the list that follows.
                        q.tableName(tableName)
                                .consistentRead(true)
                                .keyConditionExpression("PK = :pk")
                                .expressionAttributeValues(Map.of(":pk", RequestItems.s(TableKeys.SAVED_REPLIES)));
                        if (!from.isEmpty()) {
                            q.exclusiveStartKey(from);
                        }
                    }));
            page.items().forEach(item -> out.add(reply(item)));
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
        } while (!startKey.isEmpty());
        return out;
    }

    @Override
    public Optional<SavedReply> find(String id) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read saved reply",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.key(TableKeys.SAVED_REPLIES, id))
                                .consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(reply(item));
    }

    @Override
    public void save(SavedReply reply) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.key(TableKeys.SAVED_REPLIES, reply.id()));
        item.put("entity", RequestItems.s("savedReply"));
        item.put("titleAr", RequestItems.s(reply.titleAr()));
        item.put("titleEn", RequestItems.s(reply.titleEn()));
        item.put("textAr", RequestItems.s(reply.textAr()));
        item.put("textEn", RequestItems.s(reply.textEn()));
        item.put("updatedAt", RequestItems.s(reply.updatedAt().toString()));
        item.put("updatedBy", RequestItems.s(reply.updatedBy()));
        DynamoDbFailures.call(
                "store saved reply",
                () -> dynamoDb.putItem(p -> p.tableName(tableName).item(item)));
    }

    @Override
    public void delete(String id) {
        DynamoDbFailures.call(
                "delete saved reply",
                () -> dynamoDb.deleteItem(d -> d.tableName(tableName).key(TableKeys.key(TableKeys.SAVED_REPLIES, id))));
    }

    private static SavedReply reply(Map<String, AttributeValue> item) {
        return new SavedReply(
                item.get(TableKeys.SK).s(),
                item.get("titleAr").s(),
                item.get("titleEn").s(),
                item.get("textAr").s(),
                item.get("textEn").s(),
                Instant.parse(item.get("updatedAt").s()),
                item.get("updatedBy").s());
    }
}
