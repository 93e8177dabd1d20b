package sa.mustafeed.core.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.notification.Delivery;

/**
 * Whether messages reach people, for managers: per channel and provider over the report's months,
 * how many were sent, delivered and failed, and the delivery rate (delivered out of sent). Added up
 * from the delivery counters, never from the messages, so it costs the same at any size.
 */
public record DeliveryReport(List<Row> rows) {

    public DeliveryReport {
        rows = List.copyOf(rows);
    }

    /** One channel and provider. */
    public record Row(Delivery channel, String provider, long sent, long delivered, long failed) {
        /**
         * Delivered out of sent, to a whole percent (0.97); empty when nothing was sent. Messages still
         * waiting for a receipt count as not (yet) delivered.
         */
        public Optional<Double> deliveryRate() {
            return sent == 0 ? Optional.empty() : Optional.of(Math.round(100.0 * delivered / sent) / 100.0);
        }
    }

    /** Rows in the channels' order, then by provider name, so the table reads the same every time. */
    public static DeliveryReport of(List<DeliveryTally> tallies) {
        record Key(Delivery channel, String provider) {}
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (DeliveryTally t : tallies) {
            long[] sum = sums.computeIfAbsent(new Key(t.channel(), t.provider()), k -> new long[3]);
            sum[0] += t.sent();
            sum[1] += t.delivered();
            sum[2] += t.failed();
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((k, sum) -> rows.add(new Row(k.channel(), k.provider(), sum[0], sum[1], sum[2])));
        rows.sort(Comparator.comparing(Row::channel).thenComparing(Row::provider));
        return new DeliveryReport(rows);
    }
}
