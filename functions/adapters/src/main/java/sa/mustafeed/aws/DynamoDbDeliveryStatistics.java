package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.ports.DeliveryStatistics;
import sa.mustafeed.core.staff.DeliveryTally;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the delivery counters ({@link DeliveryItems#count}): a month is one partition
 * {@code DLVAGG#<yyyy-MM>}, one Query (an item per channel, provider and shard
 * {@code <channel>#<provider>#S#<n>}: a few dozen at most), and the shards of one channel and
 * provider are added up. A counter item of a channel this code does not know (written by a newer
 * notifier) is left out rather than failing the whole report.
 */
public final class DynamoDbDeliveryStatistics implements DeliveryStatistics {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDeliveryStatistics(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<DeliveryTally> tallies(YearMonth first, YearMonth last) {
        return MonthReads.each(first, last, this::month);
    }

    private List<DeliveryTally> month(YearMonth month) {
        Map<String, long[]> bySortKey = new LinkedHashMap<>();
        String partition = TableKeys.deliveryCounters(month);
        DynamoDbFailures.call(
                        "read delivery tallies",
                        () -> dynamoDb
                                .queryPaginator(q -> q.tableName(tableName)
                                        .keyConditionExpression("PK = :p")
                                        .expressionAttributeValues(Map.of(":p", RequestItems.s(partition))))
                                .items()
                                .stream()
                                .toList())
                .forEach(item -> {
                    long[] sum = bySortKey.computeIfAbsent(
                            channelAndProvider(item.get(RequestItems.SK).s()), k -> new long[3]);
                    sum[0] += number(item, "sent");
                    sum[1] += number(item, "delivered");
                    sum[2] += number(item, "failed");
                });
        List<DeliveryTally> out = new ArrayList<>();
        bySortKey.forEach((sortKey, sum) -> tally(month, sortKey, sum).ifPresent(out::add));
        return out;
    }

    /** {@code <channel>#<provider>} of a counter's sort key {@code <channel>#<provider>#S#<n>}. */
    private static String channelAndProvider(String sortKey) {
        int shard = sortKey.lastIndexOf(TableKeys.SHARD_MARK);
        return shard < 0 ? sortKey : sortKey.substring(0, shard);
    }

    /** Channel and provider: channel names hold no '#'. */
    private static Optional<DeliveryTally> tally(YearMonth month, String sortKey, long[] sum) {
        int mark = sortKey.indexOf('#');
        if (mark < 0) {
            return Optional.empty();
        }
        return Delivery.fromWireName(sortKey.substring(0, mark))
                .map(channel -> new DeliveryTally(month, channel, sortKey.substring(mark + 1), sum[0], sum[1], sum[2]));
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
