package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.recovery.FollowUpPlan;
import sa.mustafeed.core.survey.SurveyAnswer;
import sa.mustafeed.core.survey.SurveyInvitation;

/**
 * Survey invitations, answers and the satisfaction counters. Every write that must happen once is
 * conditional, and an answer is stored together with its counter increments (one transaction), so
 * the figures never count an answer twice or miss one. May throw StorageUnavailableException.
 */
public interface SurveyStore {

    enum Offer {
        OFFERED,
        ALREADY_OFFERED,
        COOLING_DOWN
    }

    /**
     * Stores the invitation unless it exists, and only if the beneficiary (by keyed mobile hash) was
     * not invited since {@code cooldownStart}.
     */
    Offer offer(SurveyInvitation invitation, String mobileHash, Instant cooldownStart);

    Optional<SurveyInvitation> find(String surveyId);

    enum Recorded {
        RECORDED,
        ALREADY_ANSWERED
    }

    /**
     * The first answer: marks the invitation answered (only if it was not), stores the answer (without
     * the reference when anonymous) and adds it to the counters of {@code month}. In the same
     * transaction it carries out {@code followUp} (only {@link FollowUpPlan.Create} or none here): the
     * follow-up is stored, and counted as created in its month, exactly when the answer is.
     */
    Recorded recordAnswer(SurveyInvitation invitation, SurveyAnswer answer, Instant at, FollowUpPlan followUp);

    /**
     * The one addition of details to an answer given with the same overall score, with what it does
     * to the answer's follow-up, in one transaction. A follow-up an employee recorded meanwhile is
     * stays recorded when settled; withdrawn, it leaves the request but stays counted in its month.
     * A plan the store finds already carried out (a follow-up created twice) does nothing more.
     */
    Recorded recordDetails(SurveyInvitation invitation, SurveyAnswer answer, Instant at, FollowUpPlan followUp);

    /**
     * Removes the link to the request and any comment from a survey and its answer (erasure), and
     * the answer's follow-up, open or recorded (an erased number cannot be called back; a note may
     * name the person). The month's follow-up counts keep it: they hold no one's data.
     */
    void forget(String surveyId);

    /** One anonymous face tap at a lobby kiosk, added to the kiosk's counters. */
    void recordKioskFeedback(String kioskId, int score, Instant at);
}
