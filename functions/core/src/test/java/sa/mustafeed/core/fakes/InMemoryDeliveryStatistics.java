package sa.mustafeed.core.fakes;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.ports.DeliveryStatistics;
import sa.mustafeed.core.staff.DeliveryTally;

/**
 * {@link DeliveryStatistics} in memory: the counters the notifier and the receipts add to in
 * DynamoDB ({@code DLVAGG#<month>}, {@code <channel>#<provider>#S#<n>}), unsharded, fed by {@link #count}.
 */
public final class InMemoryDeliveryStatistics implements DeliveryStatistics {
    private record Group(YearMonth month, Delivery channel, String provider) {}

    private final Map<Group, long[]> counters = new LinkedHashMap<>();

    /** Adds one to {@code counter} ({@code sent}, {@code delivered} or {@code failed}), as a send or a receipt does. */
    public synchronized InMemoryDeliveryStatistics count(
            YearMonth month, Delivery channel, String provider, String counter, long times) {
        long[] sums = counters.computeIfAbsent(new Group(month, channel, provider), g -> new long[3]);
        int index = switch (counter) {
            case "sent" -> 0;
            case "delivered" -> 1;
            case "failed" -> 2;
            default -> throw new IllegalArgumentException("no counter " + counter);
        };
        sums[index] += times;
        return this;
    }

    @Override
    public synchronized List<DeliveryTally> tallies(YearMonth first, YearMonth last) {
        List<DeliveryTally> out = new ArrayList<>();
        counters.forEach((g, sums) -> {
            if (!g.month().isBefore(first) && !g.month().isAfter(last)) {
                out.add(new DeliveryTally(g.month(), g.channel(), g.provider(), sums[0], sums[1], sums[2]));
            }
        });
        return out;
    }
}
