package sa.mustafeed.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.ports.DeliveryLog;
import sa.mustafeed.core.reference.ReferenceCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Delivery receipts against the sent-message records: {@code DLV#<provider>#<id>} leads to the
 * message and leg; the leg's state changes once, with its counter, in one transaction; the request
 * item carries only two numbers about reach ({@code reachedVersion}, {@code notReachedVersion}), the
 * one attribute pair this adapter writes there.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {
    /** A receipt comes within days; the index item outlives any provider's retries. */
    private static final java.time.Duration KEEP = java.time.Duration.ofDays(365);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDeliveryLog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<LegAddress> find(String provider, String providerMessageId) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "find delivery",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.deliveryIndex(provider, providerMessageId))
                                .consistentRead(true)))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String messageKey = item.get("messageKey").s();
        int hash = messageKey.lastIndexOf("#v");
        return Optional.of(new LegAddress(
                messageKey,
                new ReferenceCode(messageKey.substring(0, hash)),
                Long.parseLong(messageKey.substring(hash + 2)),
                Integer.parseInt(item.get("leg").n()),
                Delivery.fromWireName(item.get("channel").s()).orElseThrow(),
                MessageKind.fromTemplateName(item.get("kind").s()).orElseThrow()));
    }

    @Override
    public boolean settle(
            LegAddress leg, DeliveryState state, Optional<String> reason, Instant at, boolean askForFallback) {
        String path = "deliveries[" + leg.leg() + "]";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sent", RequestItems.s(DeliveryState.SENT.wireName()));
        values.put(":state", RequestItems.s(state.wireName()));
        values.put(":at", RequestItems.s(at.toString()));
        StringBuilder update = new StringBuilder("SET " + path + ".#state = :state, " + path + ".#at = :at");
        reason.ifPresent(r -> {
            values.put(":reason", RequestItems.s(r.length() > 200 ? r.substring(0, 200) : r));
            update.append(", ").append(path).append(".reason = :reason");
        });
        if (askForFallback) {
            // The stream hands this to the notifier, which sends the SMS once (claimFallback).
            values.put(":requested", RequestItems.s("requested"));
            update.append(", fallback = :requested");
        } else if (leg.leg() == 0 && leg.channel() == Delivery.WHATSAPP) {
            update.append(" REMOVE fallbackPlan");
        }
        Map<String, AttributeValue> messageItem = TableKeys.sentMessage(leg.messageKey());
        Map<String, AttributeValue> index = lookupMonthAndProvider(leg);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(tableName)
                                .key(messageItem)
                                .updateExpression(update.toString())
                                .conditionExpression(path + ".#state = :sent"
                                        + (askForFallback ? " AND attribute_not_exists(fallback)" : ""))
                                .expressionAttributeNames(Map.of("#state", "state", "#at", "at"))
                                .expressionAttributeValues(values)
                                .build())
                        .build(),
                DeliveryItems.count(
                        tableName,
                        java.time.YearMonth.parse(index.get("month").s()),
                        leg.channel(),
                        index.get("provider").s(),
                        state.wireName(),
                        at.plus(KEEP).getEpochSecond()));
        try {
            DynamoDbFailures.call("settle delivery", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (new CancelledTransaction(writes, cancelled).conditionFailedOn(messageItem)) {
                return false;
            }
            throw new sa.mustafeed.core.errors.StorageUnavailableException(
                    "settle delivery: " + cancelled.getMessage(), cancelled);
        }
    }

    /** The month the leg was counted in when it was sent, and its provider, from the message record. */
    private Map<String, AttributeValue> lookupMonthAndProvider(LegAddress leg) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read message",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.sentMessage(leg.messageKey()))
                                .consistentRead(true)))
                .item();
        Map<String, AttributeValue> sent =
                item.get("deliveries").l().get(leg.leg()).m();
        return Map.of(
                "month",
                        RequestItems.s(
                                DeliveryItems.month(Instant.parse(sent.get("at").s()))
                                        .toString()),
                "provider", sent.get("provider"));
    }

    @Override
    public void recordReach(ReferenceCode reference, long version, boolean reached) {
        AttributeValue v = AttributeValue.fromN(Long.toString(version));
        if (!reached) {
            conditionally(
                    reference,
                    u -> u.updateExpression("SET notReachedVersion = :v")
                            .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(reachedVersion) "
                                    + "OR reachedVersion < :v) AND (attribute_not_exists(notReachedVersion) "
                                    + "OR notReachedVersion < :v)")
                            .expressionAttributeValues(Map.of(":v", v)));
            return;
        }
        // A newer failure stays; an older one is cleared by this delivery.
        boolean cleared = conditionally(
                reference,
                u -> u.updateExpression("SET reachedVersion = :v REMOVE notReachedVersion")
                        .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(reachedVersion) "
                                + "OR reachedVersion < :v) AND (attribute_not_exists(notReachedVersion) "
                                + "OR notReachedVersion <= :v)")
                        .expressionAttributeValues(Map.of(":v", v)));
        if (!cleared) {
            conditionally(
                    reference,
                    u -> u.updateExpression("SET reachedVersion = :v")
                            .conditionExpression(
                                    "attribute_exists(PK) AND (attribute_not_exists(reachedVersion) OR reachedVersion < :v)")
                            .expressionAttributeValues(Map.of(":v", v)));
        }
    }

    private boolean conditionally(
            ReferenceCode reference,
            UnaryOperator<software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.Builder> update) {
        try {
            DynamoDbFailures.call(
                    "record reach",
                    () -> dynamoDb.updateItem(
                            update.apply(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder()
                                            .tableName(tableName)
                                            .key(TableKeys.requestItem(reference)))
                                    .build()));
            return true;
        } catch (ConditionalCheckFailedException olderNews) {
            return false;
        }
    }

    @Override
    public List<MessageDelivery> deliveriesOf(ReferenceCode reference, long version) {
        List<MessageDelivery> all = new ArrayList<>();
        // One record per version that sent something; BatchGetItem takes 100 keys a call.
        for (long from = 1; from <= version; from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (long v = from; v <= Math.min(version, from + 99); v++) {
                keys.add(TableKeys.sentMessage(reference.value() + "#v" + v));
            }
            for (Map<String, AttributeValue> item : ConsistentBatchRead.items(
                    dynamoDb,
                    tableName,
                    keys,
                    "read deliveries",
                    k -> k.projectionExpression("PK, kind, deliveries"))) {
                if (!item.containsKey("deliveries") || !item.containsKey("kind")) {
                    continue;
                }
                String messageKey =
                        TableKeys.messageKeyOf(item.get(TableKeys.PK).s()).orElseThrow();
                long v = Long.parseLong(messageKey.substring(messageKey.lastIndexOf("#v") + 2));
                MessageKind kind =
                        MessageKind.fromTemplateName(item.get("kind").s()).orElseThrow();
                for (AttributeValue leg : item.get("deliveries").l()) {
                    all.add(new MessageDelivery(v, kind, DeliveryItems.leg(leg)));
                }
            }
        }
        all.sort(Comparator.comparingLong(MessageDelivery::version)
                .thenComparing(d -> d.leg().at()));
        return all;
    }
}
