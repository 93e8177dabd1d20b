package sa.mustafeed.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.reference.ReferenceCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PDPL erasure of one request: its personal fields overwritten or removed, its note texts
 * overwritten, the beneficiary indexes left (GSI2, GSI4), messages to it stopped, and the person's
 * contact preference and survey cooldown deleted. Category, channel, status and dates stay, so the
 * association's counts remain true.
 */
final class DynamoDbErasure {
    /** What an erased request says instead of its personal data. */
    static final String ERASED = "—";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    DynamoDbErasure(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    void erase(ReferenceCode reference, Instant at) {
        Map<String, AttributeValue> meta = DynamoDbFailures.call(
                        "read for erasure",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.requestItem(reference))
                                .consistentRead(true)))
                .item();
        if (meta == null || meta.isEmpty()) {
            throw new RequestNotFoundException();
        }
        // An anonymous request never had a mobile, so it has no preference items to take away.
        Optional<String> oldMobileHash =
                Optional.ofNullable(meta.get("mobileHash")).map(AttributeValue::s);
        // A fresh random hash: the request can no longer be matched to the person, and its "no
        // messages" preference (below) makes sure nothing is ever sent to it again.
        String erasedHash = "erased-" + UUID.randomUUID();
        DynamoDbFailures.call(
                "erase request",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(TableKeys.requestItem(reference))
                        .updateExpression(
                                "SET #name = :erased, mobile = :erasedMobile, description = :erased, city = :erased, "
                                        + "mobileHash = :hash, erasedAt = :at REMOVE lastReplyText, email, nationalIdHash, nationalIdLast4, onBehalfName, "
                                        + "onBehalfRelationship, GSI2PK, GSI2SK, GSI4PK, GSI4SK, "
                                        // a complaint's outcome and rating keep their result, not their words
                                        + "outcomeAction, ratingComment")
                        .conditionExpression("attribute_exists(PK)")
                        .expressionAttributeNames(Map.of("#name", "name"))
                        .expressionAttributeValues(Map.of(
                                ":erased",
                                RequestItems.s(ERASED),
                                ":erasedMobile",
                                RequestItems.s("erased"),
                                ":hash",
                                RequestItems.s(erasedHash),
                                ":at",
                                RequestItems.s(at.toString())))));
        new DynamoDbContactPreferences(dynamoDb, tableName).stopMessages(erasedHash);
        eraseTimelineTexts(reference);
        eraseFallbackPlans(reference, Long.parseLong(meta.get("version").n()));
        List<Map<String, AttributeValue>> preferences = oldMobileHash
                .map(hash -> List.of(TableKeys.contactPreference(hash), TableKeys.surveyCooldown(hash)))
                .orElse(List.of());
        for (Map<String, AttributeValue> key : preferences) {
            DynamoDbFailures.call(
                    "erase preference",
                    () -> dynamoDb.deleteItem(d -> d.tableName(tableName).key(key)));
        }
    }

    /**
     * A WhatsApp message still waiting for its receipt keeps the number and the words of its SMS
     * fallback: those go too (the "no messages" preference above already stops the SMS itself).
     */
    private void eraseFallbackPlans(ReferenceCode reference, long version) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (long v = 1; v <= version; v++) {
            keys.add(TableKeys.sentMessage(reference.value() + "#v" + v));
        }
        for (int from = 0; from < keys.size(); from += 100) {
            for (Map<String, AttributeValue> item : ConsistentBatchRead.items(
                    dynamoDb,
                    tableName,
                    keys.subList(from, Math.min(keys.size(), from + 100)),
                    "read messages for erasure",
                    k -> k.projectionExpression("PK, SK, fallbackPlan"))) {
                if (item.containsKey("fallbackPlan")) {
                    DynamoDbFailures.call(
                            "erase fallback plan",
                            () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                    .key(Map.of(
                                            TableKeys.PK, item.get(TableKeys.PK), TableKeys.SK, item.get(TableKeys.SK)))
                                    .updateExpression("REMOVE fallbackPlan")));
                }
            }
        }
    }

    /** Notes, replies and messages keep their place in the timeline, not their words. */
    private void eraseTimelineTexts(ReferenceCode reference) {
        for (Map<String, AttributeValue> item : DynamoDbFailures.call(
                        "read notes",
                        () -> dynamoDb.query(q -> q.tableName(tableName)
                                .keyConditionExpression("PK = :pk AND begins_with(SK, :evt)")
                                .expressionAttributeValues(Map.of(
                                        ":pk",
                                        RequestItems.s(TableKeys.request(reference)),
                                        ":evt",
                                        RequestItems.s(TableKeys.EVENT_PREFIX)))))
                .items()) {
            if (item.containsKey("text")) {
                DynamoDbFailures.call(
                        "erase note",
                        () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                .key(Map.of(TableKeys.PK, item.get(TableKeys.PK), TableKeys.SK, item.get(TableKeys.SK)))
                                .updateExpression("SET #text = :erased")
                                .expressionAttributeNames(Map.of("#text", "text"))
                                .expressionAttributeValues(Map.of(":erased", RequestItems.s(ERASED)))));
            }
        }
    }
}
