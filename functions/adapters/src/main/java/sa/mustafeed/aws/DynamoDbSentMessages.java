package sa.mustafeed.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import sa.mustafeed.core.ports.SentMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sent-message records as items {@code MSG#<reference>#v<version> / MSG}, in the request's own table.
 * The claim is a conditional put; states: sending → sent | failed → … → parked.
 */
public final class DynamoDbSentMessages implements SentMessages {
    /** Kept a year for the service report; TTL tidies after that. */
    private static final Duration KEEP = Duration.ofDays(365);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSentMessages(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    private static Map<String, AttributeValue> key(String messageKey) {
        return TableKeys.sentMessage(messageKey);
    }

    @Override
    public Claim claim(String messageKey, Instant now, Instant staleBefore) {
        try {
            DynamoDbFailures.call(
                    "claim message",
                    () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                            .key(key(messageKey))
                            .updateExpression("SET #state = :sending, claimedAt = :now, #ttl = :ttl, entity = :entity")
                            .conditionExpression("attribute_not_exists(PK) OR #state = :failed "
                                    + "OR (#state = :sending AND claimedAt < :stale)")
                            .expressionAttributeNames(Map.of("#state", "state", "#ttl", RequestItems.TTL))
                            .expressionAttributeValues(Map.of(
                                    ":sending", RequestItems.s("sending"),
                                    ":failed", RequestItems.s("failed"),
                                    ":entity", RequestItems.s("message"),
                                    ":now", RequestItems.s(now.toString()),
                                    ":stale", RequestItems.s(staleBefore.toString()),
                                    ":ttl",
                                            AttributeValue.fromN(
                                                    Long.toString(now.plus(KEEP).getEpochSecond()))))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> item = DynamoDbFailures.call(
                            "read message",
                            () -> dynamoDb.getItem(g ->
                                    g.tableName(tableName).key(key(messageKey)).consistentRead(true)))
                    .item();
            String state = item == null || !item.containsKey("state")
                    ? ""
                    : item.get("state").s();
            return state.equals("sending") ? Claim.IN_FLIGHT : Claim.DONE;
        }
    }

    @Override
    public void markSent(String messageKey, String channel, String language, String providerMessageId, Instant at) {
        DynamoDbFailures.call(
                "mark sent",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(key(messageKey))
                        .updateExpression(
                                "SET #state = :sent, sentAt = :at, channel = :channel, #language = :language, "
                                        + "providerMessageId = :id")
                        .expressionAttributeNames(Map.of("#state", "state", "#language", "language"))
                        .expressionAttributeValues(Map.of(
                                ":sent",
                                RequestItems.s("sent"),
                                ":at",
                                RequestItems.s(at.toString()),
                                ":channel",
                                RequestItems.s(channel),
                                ":language",
                                RequestItems.s(language),
                                ":id",
                                RequestItems.s(providerMessageId)))));
    }

    @Override
    public int markFailed(String messageKey, Instant at) {
        Map<String, AttributeValue> after = DynamoDbFailures.call(
                        "mark failed",
                        () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                .key(key(messageKey))
                                .updateExpression("SET #state = :failed, failedAt = :at ADD attempts :one")
                                .expressionAttributeNames(Map.of("#state", "state"))
                                .expressionAttributeValues(Map.of(
                                        ":failed",
                                        RequestItems.s("failed"),
                                        ":at",
                                        RequestItems.s(at.toString()),
                                        ":one",
                                        AttributeValue.fromN("1")))
                                .returnValues(ReturnValue.ALL_NEW)))
                .attributes();
        return Integer.parseInt(after.get("attempts").n());
    }

    @Override
    public void markParked(String messageKey, Instant at) {
        DynamoDbFailures.call(
                "mark parked",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(key(messageKey))
                        .updateExpression("SET #state = :parked, parkedAt = :at")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(
                                Map.of(":parked", RequestItems.s("parked"), ":at", RequestItems.s(at.toString())))));
    }
}
