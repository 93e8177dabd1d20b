package sa.mustafeed.aws;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.FallbackPlan;
import sa.mustafeed.core.notification.MessageKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * How a message's legs, its provider-id index and the delivery counters look as items: shared by the
 * notifier (which writes them when it sends) and the receipts (which settle them).
 */
final class DeliveryItems {
    /** Counters are sharded as the service counters are: concurrent receipts rarely touch one item. */
    static final int SHARDS = 8;
    /** A WhatsApp message's SMS is always its second leg. */
    static final int FALLBACK_LEG = 1;

    private DeliveryItems() {}

    static AttributeValue leg(DeliveryLeg leg) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("channel", RequestItems.s(leg.channel().wireName()));
        m.put("provider", RequestItems.s(leg.provider()));
        leg.providerMessageId().ifPresent(id -> m.put("id", RequestItems.s(id)));
        m.put("state", RequestItems.s(leg.state().wireName()));
        m.put("at", RequestItems.s(leg.at().toString()));
        leg.reason().ifPresent(r -> m.put("reason", RequestItems.s(r)));
        return AttributeValue.fromM(m);
    }

    static DeliveryLeg leg(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new DeliveryLeg(
                Delivery.fromWireName(m.get("channel").s()).orElseThrow(),
                m.get("provider").s(),
                Optional.ofNullable(m.get("id")).map(AttributeValue::s),
                DeliveryState.fromWireName(m.get("state").s()).orElseThrow(),
                Instant.parse(m.get("at").s()),
                Optional.ofNullable(m.get("reason")).map(AttributeValue::s));
    }

    static AttributeValue legs(List<DeliveryLeg> legs) {
        return AttributeValue.fromL(legs.stream().map(DeliveryItems::leg).toList());
    }

    static AttributeValue plan(FallbackPlan plan) {
        Map<String, AttributeValue> values = new HashMap<>();
        plan.values().forEach((k, v) -> values.put(k, RequestItems.s(v)));
        return AttributeValue.fromM(Map.of(
                "to", RequestItems.s(plan.to()),
                "mobileHash", RequestItems.s(plan.mobileHash()),
                "values", AttributeValue.fromM(values)));
    }

    static FallbackPlan plan(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        Map<String, String> values = new HashMap<>();
        m.get("values").m().forEach((k, v) -> values.put(k, v.s()));
        return new FallbackPlan(m.get("to").s(), m.get("mobileHash").s(), values);
    }

    /** The index item that leads a provider's receipt to its message and leg. */
    static TransactWriteItem index(
            String tableName, String messageKey, int legIndex, DeliveryLeg leg, MessageKind kind, long ttl) {
        Map<String, AttributeValue> item = new HashMap<>(
                TableKeys.deliveryIndex(leg.provider(), leg.providerMessageId().orElseThrow()));
        item.put("messageKey", RequestItems.s(messageKey));
        item.put("leg", AttributeValue.fromN(Integer.toString(legIndex)));
        item.put("channel", RequestItems.s(leg.channel().wireName()));
        item.put("kind", RequestItems.s(kind.templateName()));
        item.put("month", RequestItems.s(month(leg.at()).toString()));
        item.put("entity", RequestItems.s("delivery"));
        item.put(RequestItems.TTL, AttributeValue.fromN(Long.toString(ttl)));
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(tableName).item(item).build())
                .build();
    }

    /** Adds one to the {@code sent}, {@code delivered} or {@code failed} count of a channel and provider. */
    static TransactWriteItem count(
            String tableName, YearMonth month, Delivery channel, String provider, String counter, long ttl) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tableName)
                        .key(TableKeys.deliveryCounter(
                                month, ThreadLocalRandom.current().nextInt(SHARDS), channel.wireName(), provider))
                        .updateExpression("ADD #counter :one SET entity = :entity, #ttl = :ttl")
                        .expressionAttributeNames(Map.of("#counter", counter, "#ttl", RequestItems.TTL))
                        .expressionAttributeValues(Map.of(
                                ":one", AttributeValue.fromN("1"),
                                ":entity", RequestItems.s("delivery-counter"),
                                ":ttl", AttributeValue.fromN(Long.toString(ttl))))
                        .build())
                .build();
    }

    /** Counters go by the month (UTC) a message was first sent, so a rate compares like with like. */
    static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
