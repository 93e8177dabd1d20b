package sa.mustafeed.core.staff;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;

/**
 * How fast the association serves, for managers, added up from the service counters (never from the
 * requests themselves, so it costs the same at any size): volumes by channel, category and status,
 * working hours to the first action and to completion (average, and median and 90th percentile as the
 * upper bound of the bucket they fall in), and the share finished within the target. Figures describe
 * the service, never a person. The completion histogram is keyed by bucket code
 * ({@link ServiceTally#bucketCode}); {@code Labels.bucket(code)} names a bucket in both languages.
 */
public record ServiceReport(
        long requests,
        Map<Channel, Long> byChannel,
        Map<Category, Long> byCategory,
        Map<Status, Long> byStatus,
        Optional<Double> firstActionAverageHours,
        Optional<Double> firstActionMedianHours,
        Optional<Double> firstActionP90Hours,
        Optional<Double> completionAverageHours,
        Optional<Double> completionMedianHours,
        Optional<Double> completionP90Hours,
        Optional<Double> withinTarget,
        Map<String, Long> completionHistogram) {

    public static ServiceReport of(List<ServiceTally> tallies) {
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        int buckets = ServiceTally.HOUR_BUCKETS.length + 1;
        long[] firstAction = new long[buckets];
        long[] completion = new long[buckets];
        long received = 0;
        long firstActions = 0;
        long firstActionMinutes = 0;
        long completed = 0;
        long completionMinutes = 0;
        long finished = 0;
        long met = 0;
        for (ServiceTally t : tallies) {
            received += t.received();
            if (t.received() != 0) {
                byChannel.merge(t.channel(), t.received(), Long::sum);
                byCategory.merge(t.category(), t.received(), Long::sum);
            }
            t.byStatus().forEach((status, count) -> byStatus.merge(status, count, Long::sum));
            firstActions += t.firstActions();
            firstActionMinutes += t.firstActionMinutes();
            completed += t.completed();
            completionMinutes += t.completionMinutes();
            finished += t.finished();
            met += t.metTarget();
            for (int i = 0; i < buckets; i++) {
                firstAction[i] += t.firstActionBuckets()[i];
                completion[i] += t.completionBuckets()[i];
            }
        }
        byStatus.values().removeIf(count -> count == 0);
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int i = 0; i < buckets; i++) {
            histogram.put(ServiceTally.bucketCode(i), completion[i]);
        }
        return new ServiceReport(
                received,
                byChannel,
                byCategory,
                byStatus,
                average(firstActionMinutes, firstActions),
                percentile(firstAction, 0.5),
                percentile(firstAction, 0.9),
                average(completionMinutes, completed),
                percentile(completion, 0.5),
                percentile(completion, 0.9),
                finished == 0 ? Optional.empty() : Optional.of((double) met / finished),
                histogram);
    }

    private static Optional<Double> average(long minutes, long count) {
        return count == 0 ? Optional.empty() : Optional.of(Math.round(minutes / 6.0 / count) / 10.0);
    }

    /** The upper bound (hours) of the bucket holding the p-th answer; the open last bucket reports its lower bound. */
    static Optional<Double> percentile(long[] counts, double p) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return Optional.empty();
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        int[] bounds = ServiceTally.HOUR_BUCKETS;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Optional.of((double) (i < bounds.length ? bounds[i] : bounds[bounds.length - 1]));
            }
        }
        return Optional.of((double) bounds[bounds.length - 1]);
    }
}
