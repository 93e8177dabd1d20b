package sa.mustafeed.core.ports;

import java.time.YearMonth;
import java.util.List;
import sa.mustafeed.core.survey.SurveyReach;
import sa.mustafeed.core.survey.SurveyTally;

/** The satisfaction counters, read by month. May throw StorageUnavailableException. */
public interface SurveyStatistics {

    /** Every tally of the months from {@code first} to {@code last}, inclusive. */
    List<SurveyTally> tallies(YearMonth first, YearMonth last);

    /** Survey links sent and answered, by the month each link was sent, from {@code first} to {@code last}. */
    List<SurveyReach> reach(YearMonth first, YearMonth last);
}
