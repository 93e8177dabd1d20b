package sa.mustafeed.aws;

import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.RequestContacts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The phone and language of a request, read with a projection of those two attributes only: the
 * notifier's grant names them (dynamodb:Attributes), so it cannot read the rest of the request.
 */
public final class DynamoDbRequestContacts implements RequestContacts {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRequestContacts(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Phone> phoneOf(ReferenceCode reference) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read the phone on file",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.requestItem(reference))
                                .projectionExpression("mobile, #language")
                                .expressionAttributeNames(Map.of("#language", "language"))
                                .consistentRead(true)))
                .item();
        if (item == null || item.get("mobile") == null || item.get("mobile").s().isBlank()) {
            return Optional.empty();
        }
        Language language = Optional.ofNullable(item.get("language"))
                .flatMap(l -> Language.fromWireName(l.s()))
                .orElse(Language.AR);
        return Optional.of(new Phone(item.get("mobile").s(), language));
    }
}
