package sa.mustafeed.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.PendingFallback;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.ports.SentMessages;
import sa.mustafeed.core.request.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Sent-message records as items {@code MSG#<reference>#v<version> / MSG}, in the request's own table.
 * The claim is a conditional put; states: sending → sent | failed → … → parked. Marking a message
 * sent also writes, in the same transaction, each leg's provider-id index item (for its receipt) and
 * the delivery counters; a WhatsApp message keeps its SMS fallback's plan until its leg is final, and
 * {@code fallback} walks requested → sending → sent | failed → … → parked.
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
    public void markSent(String messageKey, SentMessage message, Instant at) {
        long ttl = at.plus(KEEP).getEpochSecond();
        List<DeliveryLeg> legs = message.legs();
        DeliveryLeg last = legs.getLast();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sent", RequestItems.s("sent"));
        values.put(":at", RequestItems.s(at.toString()));
        values.put(":channel", RequestItems.s(last.channel().wireName()));
        values.put(":language", RequestItems.s(message.language().wireName()));
        values.put(":kind", RequestItems.s(message.kind().templateName()));
        values.put(":legs", DeliveryItems.legs(legs));
        // The old single-channel fields stay for the development outbox and older readers.
        values.put(":id", RequestItems.s(last.providerMessageId().orElse("refused")));
        String set = "SET #state = :sent, sentAt = :at, channel = :channel, #language = :language, kind = :kind, "
                + "deliveries = :legs, providerMessageId = :id";
        if (message.fallback().isPresent()) {
            values.put(":plan", DeliveryItems.plan(message.fallback().get()));
            set += ", fallbackPlan = :plan";
        }
        String update = set;
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tableName)
                        .key(key(messageKey))
                        .updateExpression(update)
                        .expressionAttributeNames(Map.of("#state", "state", "#language", "language"))
                        .expressionAttributeValues(values)
                        .build())
                .build());
        for (int i = 0; i < legs.size(); i++) {
            DeliveryLeg leg = legs.get(i);
            YearMonth month = DeliveryItems.month(leg.at());
            writes.add(DeliveryItems.count(tableName, month, leg.channel(), leg.provider(), "sent", ttl));
            if (leg.providerMessageId().isPresent()) {
                writes.add(DeliveryItems.index(tableName, messageKey, i, leg, message.kind(), ttl));
            } else {
                writes.add(DeliveryItems.count(tableName, month, leg.channel(), leg.provider(), "failed", ttl));
            }
        }
        transact("mark sent", writes);
    }

    /**
     * Two counter increments may land on one shard item; DynamoDB refuses a transaction that touches an
     * item twice, so those are merged into one write first.
     */
    private void transact(String operation, List<TransactWriteItem> writes) {
        Map<Map<String, AttributeValue>, TransactWriteItem> byKey = new LinkedHashMap<>();
        for (TransactWriteItem write : writes) {
            Map<String, AttributeValue> itemKey = CancelledTransaction.keyOf(write);
            TransactWriteItem earlier = byKey.get(itemKey);
            byKey.put(itemKey, earlier == null ? write : mergeCounters(earlier, write));
        }
        DynamoDbFailures.call(
                operation, () -> dynamoDb.transactWriteItems(t -> t.transactItems(List.copyOf(byKey.values()))));
    }

    private static TransactWriteItem mergeCounters(TransactWriteItem a, TransactWriteItem b) {
        String first = a.update().expressionAttributeNames().get("#counter");
        String second = b.update().expressionAttributeNames().get("#counter");
        Map<String, String> names = new HashMap<>(a.update().expressionAttributeNames());
        if (first.equals(second)) {
            Map<String, AttributeValue> values = new HashMap<>(a.update().expressionAttributeValues());
            values.put(
                    ":one",
                    AttributeValue.fromN(
                            Long.toString(Long.parseLong(values.get(":one").n()) + 1)));
            return a.toBuilder()
                    .update(a.update().toBuilder()
                            .expressionAttributeValues(values)
                            .build())
                    .build();
        }
        names.put("#counter2", second);
        return a.toBuilder()
                .update(a.update().toBuilder()
                        .updateExpression("ADD #counter :one, #counter2 :one SET entity = :entity, #ttl = :ttl")
                        .expressionAttributeNames(names)
                        .build())
                .build();
    }

    @Override
    public void markSkipped(String messageKey, String why, Instant at) {
        DynamoDbFailures.call(
                "mark skipped",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(key(messageKey))
                        .updateExpression("SET #state = :sent, sentAt = :at, skipped = :why")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(
                                ":sent", RequestItems.s("sent"),
                                ":at", RequestItems.s(at.toString()),
                                ":why", RequestItems.s(why)))));
    }

    @Override
    public Optional<PendingFallback> claimFallback(String messageKey, Instant now, Instant staleBefore) {
        Map<String, AttributeValue> item;
        try {
            item = DynamoDbFailures.call(
                            "claim fallback",
                            () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                    .key(key(messageKey))
                                    .updateExpression("SET fallback = :sending, fallbackClaimedAt = :now")
                                    .conditionExpression(
                                            "attribute_exists(fallbackPlan) AND (fallback IN (:requested, :failed) "
                                                    + "OR (fallback = :sending AND fallbackClaimedAt < :stale))")
                                    .expressionAttributeValues(Map.of(
                                            ":sending", RequestItems.s("sending"),
                                            ":requested", RequestItems.s("requested"),
                                            ":failed", RequestItems.s("failed"),
                                            ":now", RequestItems.s(now.toString()),
                                            ":stale", RequestItems.s(staleBefore.toString())))
                                    .returnValues(ReturnValue.ALL_NEW)))
                    .attributes();
        } catch (ConditionalCheckFailedException notAskedFor) {
            return Optional.empty();
        }
        int hash = messageKey.lastIndexOf("#v");
        return Optional.of(new PendingFallback(
                messageKey,
                messageKey.substring(0, hash),
                Long.parseLong(messageKey.substring(hash + 2)),
                MessageKind.fromTemplateName(item.get("kind").s()).orElseThrow(),
                Language.fromWireName(item.get("language").s()).orElseThrow(),
                DeliveryItems.plan(item.get("fallbackPlan"))));
    }

    @Override
    public void markFallbackSent(String messageKey, DeliveryLeg leg, Instant at) {
        long ttl = at.plus(KEEP).getEpochSecond();
        // The plan held the number and the words only for this send: gone with it.
        transact(
                "mark fallback sent",
                List.of(
                        TransactWriteItem.builder()
                                .update(Update.builder()
                                        .tableName(tableName)
                                        .key(key(messageKey))
                                        .updateExpression("SET fallback = :sent, fallbackSentAt = :at, "
                                                + "deliveries = list_append(deliveries, :leg) REMOVE fallbackPlan")
                                        .expressionAttributeValues(Map.of(
                                                ":sent", RequestItems.s("sent"),
                                                ":at", RequestItems.s(at.toString()),
                                                ":leg", AttributeValue.fromL(List.of(DeliveryItems.leg(leg)))))
                                        .build())
                                .build(),
                        DeliveryItems.index(
                                tableName, messageKey, DeliveryItems.FALLBACK_LEG, leg, kindOf(messageKey), ttl),
                        DeliveryItems.count(
                                tableName, DeliveryItems.month(leg.at()), leg.channel(), leg.provider(), "sent", ttl)));
    }

    private MessageKind kindOf(String messageKey) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read message",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(key(messageKey))
                                .projectionExpression("kind")
                                .consistentRead(true)))
                .item();
        return MessageKind.fromTemplateName(item.get("kind").s()).orElseThrow();
    }

    @Override
    public int markFallbackFailed(String messageKey, Instant at) {
        Map<String, AttributeValue> after = DynamoDbFailures.call(
                        "mark fallback failed",
                        () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                .key(key(messageKey))
                                .updateExpression(
                                        "SET fallback = :failed, fallbackFailedAt = :at ADD fallbackAttempts :one")
                                .expressionAttributeValues(Map.of(
                                        ":failed", RequestItems.s("failed"),
                                        ":at", RequestItems.s(at.toString()),
                                        ":one", AttributeValue.fromN("1")))
                                .returnValues(ReturnValue.ALL_NEW)))
                .attributes();
        return Integer.parseInt(after.get("fallbackAttempts").n());
    }

    @Override
    public void markFallbackParked(String messageKey, String reason, Instant at) {
        DynamoDbFailures.call(
                "mark fallback parked",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(key(messageKey))
                        .updateExpression(
                                "SET fallback = :parked, fallbackReason = :why, parkedAt = :at REMOVE fallbackPlan")
                        .expressionAttributeValues(Map.of(
                                ":parked", RequestItems.s("parked"),
                                ":why", RequestItems.s(reason),
                                ":at", RequestItems.s(at.toString())))));
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
