package sa.mustafeed.core.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;

/**
 * A call back owed to a beneficiary because of their survey answer: which request and survey, why,
 * the overall score they gave, how the request came in, when it was created and when it is due.
 * Never the comment itself: follow-ups are read by every employee, comments by managers only.
 *
 * <p>{@code settled} is false while the answer is a single tap and the beneficiary may still add
 * details (among them "answer anonymously"): such a follow-up stays out of the list for
 * {@link #HOLD} after the tap, so no employee sees the request of an answer about to turn anonymous.
 */
public record FollowUp(
        ReferenceCode reference,
        String surveyId,
        Set<FollowUpReason> reasons,
        int score,
        Channel channel,
        Category category,
        Instant createdAt,
        Instant due,
        boolean settled) {

    /**
     * The survey page asks its optional questions right after the tap; half an hour covers someone
     * who reads them slowly, and a low score left alone is still called back the same day.
     */
    public static final Duration HOLD = Duration.ofMinutes(30);

    public FollowUp {
        reasons = reasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reasons));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a follow-up needs a reason");
        }
    }

    /** Whether employees see it (and may record it) at {@code now}. */
    public boolean visibleAt(Instant now) {
        return settled || !now.isBefore(createdAt.plus(HOLD));
    }

    public boolean overdueAt(Instant now) {
        return now.isAfter(due);
    }

    /** The same follow-up once the answer's details are in: new reasons, and no longer held. */
    public FollowUp settledWith(Set<FollowUpReason> newReasons) {
        return new FollowUp(reference, surveyId, newReasons, score, channel, category, createdAt, due, true);
    }
}
