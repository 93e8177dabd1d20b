package sa.mustafeed.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.ServiceTally;
import sa.mustafeed.core.staff.StatusChange;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The service counters as items {@code SVCAGG#<yyyy-MM> / CH#<channel>#CAT#<category>#S#<n>}. Each
 * increment picks one of {@link #SHARDS} items at random: a transaction that touches an item another
 * transaction is writing is cancelled, so spreading the counters keeps busy hours from conflicting.
 * Reading adds the shards up.
 */
final class ServiceCounters {
    static final int SHARDS = 8;

    private ServiceCounters() {}

    /** A new request: one more received, one more in "received". */
    static TransactWriteItem received(String table, YearMonth month, Channel channel, Category category) {
        return add(table, month, channel, category, Map.of("received", 1L, statusAttribute(Status.RECEIVED), 1L));
    }

    static TransactWriteItem changed(String table, StatusChange change) {
        StatusChange.Counted c = change.counted();
        Map<String, Long> deltas = new HashMap<>();
        deltas.put(statusAttribute(change.from()), -1L);
        deltas.merge(statusAttribute(change.to()), 1L, Long::sum);
        c.firstActionMinutes().ifPresent(m -> {
            deltas.put("firstActions", 1L);
            deltas.put("firstActionMinutes", m);
            deltas.put("fa_b" + ServiceTally.bucketOf(m), 1L);
        });
        c.completionMinutes().ifPresent(m -> {
            deltas.put("completed", 1L);
            deltas.put("completionMinutes", m);
            deltas.put("c_b" + ServiceTally.bucketOf(m), 1L);
        });
        c.finishedWithinTarget().ifPresent(met -> {
            deltas.put("finished", 1L);
            deltas.put("met", met ? 1L : 0L);
        });
        return add(table, c.month(), c.channel(), c.category(), deltas);
    }

    /**
     * A complaint's outcome or rating, on the same shards as its other counters (attributes
     * {@code cmp_*}, read by {@link DynamoDbComplaints}): the month is the complaint's submission.
     */
    static TransactWriteItem complaint(String table, YearMonth month, Channel channel, Map<String, Long> deltas) {
        return add(table, month, channel, Category.COMPLAINT, deltas);
    }

    private static TransactWriteItem add(
            String table, YearMonth month, Channel channel, Category category, Map<String, Long> deltas) {
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        List<String> parts = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (var delta : deltas.entrySet()) {
            parts.add(delta.getKey() + " :v" + i);
            values.put(":v" + i++, AttributeValue.fromN(Long.toString(delta.getValue())));
        }
        values.put(":entity", RequestItems.s("service-tally"));
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(TableKeys.key(
                                TableKeys.serviceCounters(month),
                                TableKeys.serviceCounterShard(channel, category, shard)))
                        .updateExpression("ADD " + String.join(", ", parts) + " SET entity = :entity")
                        .expressionAttributeValues(values))
                .build();
    }

    static String statusAttribute(Status status) {
        return "status_" + status.wireName();
    }
}
