package sa.mustafeed.core.ports;

import java.time.YearMonth;
import java.util.List;
import sa.mustafeed.core.staff.DeliveryTally;

/**
 * The delivery counters the notifier and the receipts keep, read by month of sending. May throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface DeliveryStatistics {

    /**
     * One tally per month, channel and provider that sent anything from {@code first} to {@code last},
     * inclusive (shards already added up); none for a month that sent nothing.
     */
    List<DeliveryTally> tallies(YearMonth first, YearMonth last);
}
