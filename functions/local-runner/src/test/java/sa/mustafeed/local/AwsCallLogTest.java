package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

class AwsCallLogTest {
    private static final String TABLE_ARN = "arn:aws:dynamodb:me-south-1:123456789012:table/RequestsTable";
    private final AwsCallLog.Naming naming = new AwsCallLog.Naming(
            Path.of("unused"),
            "123456789012",
            Map.of(
                    "mustafeed-requests", "RequestsTable",
                    "arn:aws:secretsmanager:me-south-1:123456789012:secret:mustafeed-pii-x1y2z3", "PiiHashKeySecret"),
            Map.of("RequestsTable", "PK", "RequestsTable/index/GSI2", "GSI2PK"),
            new HashSet<>());
    private final AwsCallLog.Arns arns = new AwsCallLog.Arns(naming, "me-south-1");

    @Test
    void aTransactionIsOneActionPerItemWithItsOwnLeadingKey() {
        var request = TransactWriteItemsRequest.builder()
                .transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("mustafeed-requests")
                                        .item(Map.of("PK", s("REQ#MF-1"), "SK", s("META"), "status", s("new"))))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName("mustafeed-requests")
                                        .key(Map.of("PK", s("SVCAGG#2026-12"), "SK", s("0")))
                                        .updateExpression("ADD #n :one SET updatedAt = :t")
                                        .expressionAttributeNames(Map.of("#n", "count")))
                                .build(),
                        TransactWriteItem.builder()
                                .conditionCheck(c -> c.tableName("mustafeed-requests")
                                        .key(Map.of("PK", s("IDEM#k"), "SK", s("IDEM")))
                                        .conditionExpression("attribute_not_exists(PK)"))
                                .build())
                .build();

        List<AwsCallLog.Call> calls = AwsCallLog.calls("dynamodb", "TransactWriteItems", request, arns, naming);

        assertEquals(
                List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"),
                calls.stream().map(AwsCallLog.Call::action).toList());
        assertEquals(TABLE_ARN, calls.get(0).resource());
        assertEquals(List.of("REQ#MF-1"), calls.get(0).context().get("dynamodb:LeadingKeys"));
        assertEquals(List.of("PK", "SK", "status"), calls.get(0).context().get("dynamodb:Attributes"));
        assertEquals(List.of("SVCAGG#2026-12"), calls.get(1).context().get("dynamodb:LeadingKeys"));
        assertEquals(
                List.of("PK", "SK", "count", "updatedAt"),
                calls.get(1).context().get("dynamodb:Attributes"));
        assertEquals(List.of("IDEM#k"), calls.get(2).context().get("dynamodb:LeadingKeys"));
    }

    @Test
    void aQueryOnAnIndexNamesTheIndexAndItsPartitionKeyValue() {
        var request = QueryRequest.builder()
                .tableName("mustafeed-requests")
                .indexName("GSI2")
                .keyConditionExpression("#pk = :pk AND begins_with(GSI2SK, :day)")
                .expressionAttributeNames(Map.of("#pk", "GSI2PK"))
                .expressionAttributeValues(Map.of(":pk", s("MOBILE#abc"), ":day", s("2026")))
                .build();

        AwsCallLog.Call call =
                AwsCallLog.calls("dynamodb", "Query", request, arns, naming).getFirst();

        assertEquals(TABLE_ARN + "/index/GSI2", call.resource());
        assertEquals(Map.of("dynamodb:LeadingKeys", List.of("MOBILE#abc")), call.context());
    }

    @Test
    void aBatchCarriesEveryKeysPartition() {
        var request = BatchGetItemRequest.builder()
                .requestItems(Map.of(
                        "mustafeed-requests",
                        KeysAndAttributes.builder()
                                .keys(Map.of("PK", s("RATE#b"), "SK", s("w")), Map.of("PK", s("RATE#a"), "SK", s("w")))
                                .build()))
                .build();

        AwsCallLog.Call call = AwsCallLog.calls("dynamodb", "BatchGetItem", request, arns, naming)
                .getFirst();

        assertEquals("dynamodb:BatchGetItem", call.action());
        assertEquals(List.of("RATE#a", "RATE#b"), call.context().get("dynamodb:LeadingKeys"));
    }

    @Test
    void otherServicesGetTheTemplatesArnShape() {
        var secret = AwsCallLog.calls(
                        "secretsmanager",
                        "GetSecretValue",
                        GetSecretValueRequest.builder()
                                .secretId("arn:aws:secretsmanager:me-south-1:123456789012:secret:mustafeed-pii-x1y2z3")
                                .build(),
                        arns,
                        naming)
                .getFirst();
        assertEquals(
                "arn:aws:secretsmanager:me-south-1:123456789012:secret:PiiHashKeySecret-AbCdEf", secret.resource());

        var sms = AwsCallLog.calls(
                        "sns",
                        "Publish",
                        PublishRequest.builder()
                                .phoneNumber("+966500000000")
                                .message("x")
                                .build(),
                        arns,
                        naming)
                .getFirst();
        assertEquals(new AwsCallLog.Call("sns:Publish", "*", Map.of()), sms);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
