package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.ports.ServiceStatistics;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.ServiceTally;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the service counters ({@link ServiceCounters}) a month a Query, the months side by side, and adds the shards up. */
public final class DynamoDbServiceStatistics implements ServiceStatistics {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbServiceStatistics(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<ServiceTally> tallies(YearMonth first, YearMonth last) {
        return MonthReads.each(first, last, this::month);
    }

    private List<ServiceTally> month(YearMonth m) {
        Map<String, List<Map<String, AttributeValue>>> byGroup = new LinkedHashMap<>();
        DynamoDbFailures.call(
                        "read service tallies",
                        () -> dynamoDb
                                .queryPaginator(q -> q.tableName(tableName)
                                        .keyConditionExpression("PK = :p")
                                        .expressionAttributeValues(
                                                Map.of(":p", RequestItems.s(TableKeys.serviceCounters(m)))))
                                .items()
                                .stream()
                                .toList())
                .forEach(item -> {
                    String sk = item.get(RequestItems.SK).s();
                    byGroup.computeIfAbsent(
                                    sk.substring(0, sk.lastIndexOf(TableKeys.SHARD_MARK)), k -> new ArrayList<>())
                            .add(item);
                });
        List<ServiceTally> out = new ArrayList<>();
        byGroup.forEach((group, shards) -> out.add(tally(m, group, shards)));
        return out;
    }

    private static ServiceTally tally(YearMonth month, String group, List<Map<String, AttributeValue>> shards) {
        String[] parts = group.split("#");
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            long count = sum(shards, ServiceCounters.statusAttribute(status));
            if (count != 0) {
                byStatus.put(status, count);
            }
        }
        long[] firstActionBuckets = new long[ServiceTally.HOUR_BUCKETS.length + 1];
        long[] completionBuckets = new long[ServiceTally.HOUR_BUCKETS.length + 1];
        for (int i = 0; i < firstActionBuckets.length; i++) {
            firstActionBuckets[i] = sum(shards, "fa_b" + i);
            completionBuckets[i] = sum(shards, "c_b" + i);
        }
        return new ServiceTally(
                month,
                Channel.fromWireName(parts[1]).orElseThrow(),
                Category.fromWireName(parts[3]).orElseThrow(),
                sum(shards, "received"),
                byStatus,
                sum(shards, "firstActions"),
                sum(shards, "firstActionMinutes"),
                firstActionBuckets,
                sum(shards, "completed"),
                sum(shards, "completionMinutes"),
                completionBuckets,
                sum(shards, "finished"),
                sum(shards, "met"));
    }

    private static long sum(List<Map<String, AttributeValue>> shards, String attribute) {
        long total = 0;
        for (Map<String, AttributeValue> shard : shards) {
            AttributeValue value = shard.get(attribute);
            if (value != null && value.n() != null) {
                total += Long.parseLong(value.n());
            }
        }
        return total;
    }
}
