package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import sa.mustafeed.core.ports.SurveyStatistics;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.survey.SurveyReach;
import sa.mustafeed.core.survey.SurveyTally;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Survey tallies as items {@code SURVEYAGG#<yyyy-MM> / Q#<question>#CH#<channel>#CAT#<category|none>}
 * with counters {@code s1}…{@code s5}, and the links sent that month as items {@code SENT#CH#<channel>}
 * with counters {@code sent} and {@code answered}. One Query per month and kind (a key condition on
 * the sort key's mark, so neither reads the other's items) reads a month's figures; the months side
 * by side ({@link MonthReads}).
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
        return read(first, last, TableKeys.SATISFACTION_QUESTION_MARK, DynamoDbSurveyStatistics::tally);
    }

    @Override
    public List<SurveyReach> reach(YearMonth first, YearMonth last) {
        return read(first, last, TableKeys.SURVEY_LINKS_MARK, DynamoDbSurveyStatistics::links);
    }

    private <T> List<T> read(
            YearMonth first, YearMonth last, String mark, BiFunction<YearMonth, Map<String, AttributeValue>, T> row) {
        return MonthReads.each(
                first,
                last,
                m -> DynamoDbFailures.call(
                                "read survey tallies",
                                () -> dynamoDb
                                        .queryPaginator(q -> q.tableName(tableName)
                                                .keyConditionExpression("PK = :p AND begins_with(SK, :mark)")
                                                .expressionAttributeValues(Map.of(
                                                        ":p", RequestItems.s(TableKeys.satisfactionCounters(m)),
                                                        ":mark", RequestItems.s(mark))))
                                        .items()
                                        .stream()
                                        .toList())
                        .stream()
                        .map(item -> row.apply(m, item))
                        .toList());
    }

    private static SurveyTally tally(YearMonth month, Map<String, AttributeValue> item) {
        String[] parts = item.get(RequestItems.SK).s().split("#");
        long[] counts = new long[5];
        for (int i = 0; i < 5; i++) {
            counts[i] = count(item, "s" + (i + 1));
        }
        return new SurveyTally(
                month,
                Channel.fromWireName(parts[3]).orElseThrow(),
                parts[5].equals("none") ? Optional.empty() : Category.fromWireName(parts[5]),
                parts[1],
                counts);
    }

    private static SurveyReach links(YearMonth month, Map<String, AttributeValue> item) {
        String[] parts = item.get(RequestItems.SK).s().split("#");
        return new SurveyReach(
                month, Channel.fromWireName(parts[2]).orElseThrow(), count(item, "sent"), count(item, "answered"));
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        AttributeValue n = item.get(name);
        return n == null ? 0 : Long.parseLong(n.n());
    }
}
