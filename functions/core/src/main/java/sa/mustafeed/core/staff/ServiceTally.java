package sa.mustafeed.core.staff;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;

/**
 * The service counters of the requests submitted in one month through one channel in one category:
 * how many arrived, how many are in each status now, and working time to the first action and to
 * completion as sums and bucket counts ({@link #HOUR_BUCKETS}). Kept by atomic increments in the
 * same transactions that change the requests, so a report adds counters instead of reading requests.
 */
public record ServiceTally(
        YearMonth month,
        Channel channel,
        Category category,
        long received,
        Map<Status, Long> byStatus,
        long firstActions,
        long firstActionMinutes,
        long[] firstActionBuckets,
        long completed,
        long completionMinutes,
        long[] completionBuckets,
        long finished,
        long metTarget) {

    /** Upper bounds, in working hours, of the time buckets; the last bucket is open-ended. */
    public static final int[] HOUR_BUCKETS = {1, 2, 4, 8, 16, 24, 40, 80, 160};

    public ServiceTally {
        byStatus = Map.copyOf(byStatus);
        firstActionBuckets = firstActionBuckets.clone();
        completionBuckets = completionBuckets.clone();
    }

    /** The bucket a duration in working minutes falls in. */
    public static int bucketOf(long minutes) {
        for (int i = 0; i < HOUR_BUCKETS.length; i++) {
            if (minutes < HOUR_BUCKETS[i] * 60L) {
                return i;
            }
        }
        return HOUR_BUCKETS.length;
    }

    /**
     * The code of bucket {@code bucket} as the report's API names it: {@code <1h}, {@code 1-2h}, …
     * {@code >160h}. Their names people read are {@code bucket.<code>} in functions/messages/labels/.
     */
    public static String bucketCode(int bucket) {
        if (bucket == 0) {
            return "<" + HOUR_BUCKETS[0] + "h";
        }
        if (bucket == HOUR_BUCKETS.length) {
            return ">" + HOUR_BUCKETS[HOUR_BUCKETS.length - 1] + "h";
        }
        return HOUR_BUCKETS[bucket - 1] + "-" + HOUR_BUCKETS[bucket] + "h";
    }

    /** Every bucket's code, fastest first. */
    public static List<String> bucketCodes() {
        List<String> codes = new ArrayList<>(HOUR_BUCKETS.length + 1);
        for (int i = 0; i <= HOUR_BUCKETS.length; i++) {
            codes.add(bucketCode(i));
        }
        return codes;
    }
}
