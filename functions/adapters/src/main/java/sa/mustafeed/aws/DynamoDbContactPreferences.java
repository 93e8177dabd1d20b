package sa.mustafeed.aws;

import java.util.Map;
import sa.mustafeed.core.ports.ContactPreferences;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A beneficiary's "no messages" choice as the item {@code PREF#<mobileHash> / CONTACT}. */
public final class DynamoDbContactPreferences implements ContactPreferences {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbContactPreferences(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    private static Map<String, AttributeValue> key(String mobileHash) {
        return TableKeys.contactPreference(mobileHash);
    }

    @Override
    public boolean messagesStopped(String mobileHash) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read preference",
                        () -> dynamoDb.getItem(
                                g -> g.tableName(tableName).key(key(mobileHash)).consistentRead(true)))
                .item();
        return item != null
                && item.containsKey("messagesStopped")
                && Boolean.TRUE.equals(item.get("messagesStopped").bool());
    }

    @Override
    public void stopMessages(String mobileHash) {
        DynamoDbFailures.call(
                "store preference",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(key(mobileHash))
                        .updateExpression("SET messagesStopped = :yes, entity = :entity")
                        .expressionAttributeValues(Map.of(
                                ":yes", AttributeValue.fromBool(true), ":entity", RequestItems.s("preference")))));
    }
}
