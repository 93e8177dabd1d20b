package sa.mustafeed.core.ports;

import java.time.YearMonth;
import java.util.List;
import sa.mustafeed.core.staff.ServiceTally;

/** The service counters, read by month of submission. May throw StorageUnavailableException. */
public interface ServiceStatistics {

    /** Every tally of the months from {@code first} to {@code last}, inclusive (shards already added up). */
    List<ServiceTally> tallies(YearMonth first, YearMonth last);
}
