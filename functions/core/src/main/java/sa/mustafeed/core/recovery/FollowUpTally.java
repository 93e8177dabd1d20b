package sa.mustafeed.core.recovery;

import java.time.YearMonth;
import java.util.List;

/**
 * One month's follow-ups (by the month they were created): how many were created (withdrawn ones
 * not counted), and the working minutes from creation to record of each one recorded since.
 */
public record FollowUpTally(YearMonth month, long created, List<Long> recordedWorkingMinutes) {
    public FollowUpTally {
        recordedWorkingMinutes = List.copyOf(recordedWorkingMinutes);
    }
}
