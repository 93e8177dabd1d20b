package sa.mustafeed.core.ports;

import java.util.List;
import sa.mustafeed.core.recovery.FeedbackFilter;
import sa.mustafeed.core.recovery.FeedbackItem;

/**
 * The survey answers of a month, for managers (kiosk taps excluded: no request, no comment). May
 * throw StorageUnavailableException.
 */
public interface SurveyFeedback {

    /** The answers of the filter's month that match it, newest first, at most {@code limit}. */
    List<FeedbackItem> answers(FeedbackFilter filter, int limit);
}
