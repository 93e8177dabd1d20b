package sa.mustafeed.aws;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.UnlockCodeStore;
import sa.mustafeed.core.reference.ReferenceCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Unlock codes as items {@code UNLOCK#<reference> / UNLOCK}: the nonce (never the code), when it
 * expires, and the tries spent. A new item's stream record ({@code tries} 0) is the notifier's cue to
 * send the code; spending a try is one conditional ADD, so concurrent guesses cannot pass the limit.
 * TTL tidies the item; no read depends on it (expiry is a condition of every write).
 */
public final class DynamoDbUnlockCodes implements UnlockCodeStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbUnlockCodes(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean issue(ReferenceCode reference, String nonce, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.unlockCode(reference));
        item.put("entity", RequestItems.s("unlock-code"));
        item.put("nonce", RequestItems.s(nonce));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        item.put("tries", n(0));
        item.put(RequestItems.TTL, n(expiresAt.getEpochSecond()));
        try {
            DynamoDbFailures.call(
                    "issue unlock code",
                    () -> dynamoDb.putItem(p -> p.tableName(tableName)
                            .item(item)
                            .conditionExpression("attribute_not_exists(PK) OR expiresAt <= :now")
                            .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException live) {
            return false;
        }
    }

    @Override
    public Optional<String> spendTry(ReferenceCode reference, Instant now, int maxTries) {
        try {
            Map<String, AttributeValue> after = DynamoDbFailures.call(
                            "spend unlock try",
                            () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                    .key(TableKeys.unlockCode(reference))
                                    .updateExpression("ADD tries :one")
                                    .conditionExpression("attribute_exists(PK) AND expiresAt > :now AND tries < :max")
                                    .expressionAttributeValues(Map.of(
                                            ":one", n(1),
                                            ":now", n(now.getEpochSecond()),
                                            ":max", n(maxTries)))
                                    .returnValues(ReturnValue.ALL_NEW)))
                    .attributes();
            return Optional.of(after.get("nonce").s());
        } catch (ConditionalCheckFailedException noTryLeft) {
            return Optional.empty();
        }
    }

    @Override
    public void remove(ReferenceCode reference) {
        DynamoDbFailures.call(
                "remove unlock code",
                () -> dynamoDb.deleteItem(d -> d.tableName(tableName).key(TableKeys.unlockCode(reference))));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
