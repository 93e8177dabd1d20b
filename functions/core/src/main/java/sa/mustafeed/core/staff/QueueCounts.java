package sa.mustafeed.core.staff;

import java.util.Map;
import sa.mustafeed.core.request.Status;

/** How much open work there is: per view (all open, the caller's, nobody's) and per open status. */
public record QueueCounts(long open, long mine, long unassigned, Map<Status, Long> byStatus) {
    public QueueCounts {
        byStatus = Map.copyOf(byStatus);
    }
}
