package sa.mustafeed.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.SurveyFeedback;
import sa.mustafeed.core.recovery.FeedbackFilter;
import sa.mustafeed.core.recovery.FeedbackItem;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The feedback view: one month's answers ({@code ANSWER#<yyyy-MM>}, newest first), read page by page
 * with the filters as a FilterExpression until {@code limit} match. Kiosk taps share the partition
 * and are filtered out by {@code entity}. An anonymous answer was stored without its reference.
 */
public final class DynamoDbSurveyFeedback implements SurveyFeedback {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSurveyFeedback(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<FeedbackItem> answers(FeedbackFilter filter, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", RequestItems.s(TableKeys.ANSWERS_PREFIX + filter.month()));
        values.put(":entity", RequestItems.s("survey-answer"));
        StringBuilder condition = new StringBuilder("entity = :entity");
        filter.score().ifPresent(score -> {
            condition.append(" AND overall = :score");
            values.put(":score", AttributeValue.fromN(Integer.toString(score)));
        });
        filter.hasComment()
                .ifPresent(has -> condition.append(
                        has ? " AND attribute_exists(#comment)" : " AND attribute_not_exists(#comment)"));
        Map<String, String> names = filter.hasComment().isPresent() ? Map.of("#comment", "comment") : Map.of();
        List<FeedbackItem> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = Map.of();
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoDbFailures.call(
                    "read feedback",
                    () -> dynamoDb.query(q -> {
                        q.tableName(tableName)
                                .keyConditionExpression("PK = :pk")
                                .filterExpression(condition.toString())
                                .expressionAttributeValues(values)
                                .scanIndexForward(false);
                        if (!names.isEmpty()) {
                            q.expressionAttributeNames(names);
                        }
                        if (!from.isEmpty()) {
                            q.exclusiveStartKey(from);
                        }
                    }));
            for (Map<String, AttributeValue> item : page.items()) {
                if (out.size() < limit) {
                    out.add(item(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && out.size() < limit ? page.lastEvaluatedKey() : Map.of();
        } while (!startKey.isEmpty());
        return out;
    }

    private static FeedbackItem item(Map<String, AttributeValue> item) {
        String sort = item.get(TableKeys.SK).s();
        return new FeedbackItem(
                Instant.parse(sort.substring(0, sort.indexOf('#'))),
                Integer.parseInt(item.get("overall").n()),
                Channel.fromWireName(item.get("channel").s()).orElseThrow(),
                Category.fromWireName(item.get("category").s()).orElseThrow(),
                Optional.ofNullable(item.get("comment")).map(AttributeValue::s),
                Optional.ofNullable(item.get("reference")).map(v -> new ReferenceCode(v.s())));
    }
}
