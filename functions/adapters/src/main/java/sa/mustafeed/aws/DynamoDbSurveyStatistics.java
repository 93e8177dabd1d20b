package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.survey.SurveyTally;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Survey tallies as items {@code SURVEYAGG#<yyyy-MM> / Q#<question>#CH#<channel>#CAT#<category|none>}
 * with counters {@code s1}…{@code s5}: one Query per month reads a month's figures.
 */
public final class DynamoDbSurveyStatistics implements SurveyStatistics {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSurveyStatistics(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<SurveyTally> tallies(YearMonth first, YearMonth last) {
        List<SurveyTally> tallies = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth m = month;
            DynamoDbFailures.call(
                            "read survey tallies",
                            () -> dynamoDb
                                    .queryPaginator(q -> q.tableName(tableName)
                                            .keyConditionExpression("PK = :p")
                                            .expressionAttributeValues(
                                                    Map.of(":p", RequestItems.s(TableKeys.satisfactionCounters(m)))))
                                    .items()
                                    .stream()
                                    .toList())
                    .forEach(item -> tallies.add(tally(m, item)));
        }
        return tallies;
    }

    private static SurveyTally tally(YearMonth month, Map<String, AttributeValue> item) {
        String[] parts = item.get(RequestItems.SK).s().split("#");
        long[] counts = new long[5];
        for (int i = 0; i < 5; i++) {
            AttributeValue n = item.get("s" + (i + 1));
            counts[i] = n == null ? 0 : Long.parseLong(n.n());
        }
        return new SurveyTally(
                month,
                Channel.fromWireName(parts[3]).orElseThrow(),
                parts[5].equals("none") ? Optional.empty() : Category.fromWireName(parts[5]),
                parts[1],
                counts);
    }
}
