package sa.mustafeed.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.KioskRegistry;
import sa.mustafeed.core.survey.Kiosk;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Kiosks as items {@code KIOSK / <id>}: one partition, so the managers' list is one Query (no
 * index, no scan) and a tap's check is one GetItem. Every read is strongly consistent: a tablet
 * counts from the moment it is registered and stops the moment it is retired, which a cached or
 * eventually consistent read would not promise. The survey function may only GetItem here
 * (template.yaml, ReadKioskRegistry); the staff function writes.
 */
public final class DynamoDbKioskRegistry implements KioskRegistry {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbKioskRegistry(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<Kiosk> all() {
        List<Kiosk> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = Map.of();
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoDbFailures.call(
                    "read kiosks",
                    () -> dynamoDb.query(q -> {
                        q.tableName(tableName)
                                .consistentRead(true)
                                .keyConditionExpression("PK = :pk")
                                .expressionAttributeValues(Map.of(":pk", RequestItems.s(TableKeys.KIOSKS)));
                        if (!from.isEmpty()) {
                            q.exclusiveStartKey(from);
                        }
                    }));
            page.items().forEach(item -> out.add(kiosk(item)));
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
        } while (!startKey.isEmpty());
        return out;
    }

    @Override
    public Optional<Kiosk> find(String id) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read kiosk",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.key(TableKeys.KIOSKS, id))
                                .consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(kiosk(item));
    }

    @Override
    public boolean add(Kiosk kiosk) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.key(TableKeys.KIOSKS, kiosk.id()));
        item.put("entity", RequestItems.s("kiosk"));
        item.put("label", RequestItems.s(kiosk.label()));
        item.put("registeredAt", RequestItems.s(kiosk.registeredAt().toString()));
        item.put("registeredBy", RequestItems.s(kiosk.registeredBy()));
        kiosk.retiredAt().ifPresent(at -> item.put("retiredAt", RequestItems.s(at.toString())));
        kiosk.retiredBy().ifPresent(by -> item.put("retiredBy", RequestItems.s(by)));
        try {
            DynamoDbFailures.call(
                    "register kiosk",
                    () -> dynamoDb.putItem(
                            p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(PK)")));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<Kiosk> retire(String id, Instant at, String by) {
        try {
            // if_not_exists keeps the first retirement: one conditional write, harmless twice.
            Map<String, AttributeValue> after = DynamoDbFailures.call(
                            "retire kiosk",
                            () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                    .key(TableKeys.key(TableKeys.KIOSKS, id))
                                    .conditionExpression("attribute_exists(PK)")
                                    .updateExpression(
                                            "SET retiredAt = if_not_exists(retiredAt, :at), retiredBy = if_not_exists(retiredBy, :by)")
                                    .expressionAttributeValues(
                                            Map.of(":at", RequestItems.s(at.toString()), ":by", RequestItems.s(by)))
                                    .returnValues(ReturnValue.ALL_NEW)))
                    .attributes();
            return Optional.of(kiosk(after));
        } catch (ConditionalCheckFailedException unknown) {
            return Optional.empty();
        }
    }

    private static Kiosk kiosk(Map<String, AttributeValue> item) {
        return new Kiosk(
                item.get(TableKeys.SK).s(),
                item.get("label").s(),
                Instant.parse(item.get("registeredAt").s()),
                item.get("registeredBy").s(),
                Optional.ofNullable(item.get("retiredAt")).map(v -> Instant.parse(v.s())),
                Optional.ofNullable(item.get("retiredBy")).map(AttributeValue::s));
    }
}
