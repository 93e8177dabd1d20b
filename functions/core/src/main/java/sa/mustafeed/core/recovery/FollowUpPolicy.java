package sa.mustafeed.core.recovery;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.sla.WorkingCalendar;
import sa.mustafeed.core.survey.SurveyAnswer;
import sa.mustafeed.core.survey.SurveyInvitation;

/**
 * Service recovery: which survey answers call for a call back, and by when. An overall score of 1 or
 * 2, a comment, or "you may contact me" creates one follow-up, due {@code workingDays} working days
 * later (the association's setting, {@code followUpWorkingDays} in service-levels.json).
 *
 * <p>An answer comes in two steps: the tap, then optional details that may say "anonymous". A low
 * tap creates its follow-up at once (so it is never lost if the person closes the page), held out of
 * the list for {@link FollowUp#HOLD}; details withdraw it when they say anonymous, or settle it. An
 * anonymous answer therefore never leaves a follow-up with its request behind.
 */
public final class FollowUpPolicy {
    /** Overall scores at or below this are unhappy answers: 1 "very bad" and 2 "bad". */
    static final int LOW_SCORE = 2;

    private final WorkingCalendar calendar;
    private final int workingDays;

    public FollowUpPolicy(WorkingCalendar calendar, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a follow-up needs at least one working day");
        }
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public int workingDays() {
        return workingDays;
    }

    public Instant dueFor(Instant createdAt) {
        return calendar.addWorkingDays(createdAt, workingDays);
    }

    static Set<FollowUpReason> reasons(SurveyAnswer answer) {
        Set<FollowUpReason> reasons = EnumSet.noneOf(FollowUpReason.class);
        if (answer.overall() <= LOW_SCORE) {
            reasons.add(FollowUpReason.LOW_SCORE);
        }
        if (answer.comment().isPresent()) {
            reasons.add(FollowUpReason.COMMENT);
        }
        if (answer.contactConsent()) {
            reasons.add(FollowUpReason.CONTACT_REQUESTED);
        }
        return reasons;
    }

    /** For the first answer to an invitation (a tap, or a tap with its details at once). */
    public FollowUpPlan forAnswer(SurveyInvitation invitation, SurveyAnswer answer, Instant at) {
        if (answer.anonymous() || invitation.reference().isEmpty()) {
            return FollowUpPlan.NONE;
        }
        return create(invitation, invitation.reference().get(), answer, at, answer.hasDetails());
    }

    /**
     * For the details that follow a tap: the invitation as it was before them (answered, with the
     * tap's score and the reference still on it).
     */
    public FollowUpPlan forDetails(SurveyInvitation invitation, SurveyAnswer details, Instant at) {
        Optional<FollowUp> fromTap = fromTap(invitation);
        if (fromTap.isPresent()) {
            return details.anonymous()
                    ? new FollowUpPlan.Withdraw(fromTap.get())
                    : new FollowUpPlan.Settle(fromTap.get().settledWith(reasons(details)));
        }
        if (details.anonymous() || invitation.reference().isEmpty()) {
            return FollowUpPlan.NONE;
        }
        return create(invitation, invitation.reference().get(), details, at, true);
    }

    /**
     * The follow-up a tap alone created, rebuilt from the invitation: a tap has no details, so only
     * a low score could have created one, at the moment of the tap.
     */
    private Optional<FollowUp> fromTap(SurveyInvitation invitation) {
        if (invitation.reference().isEmpty()
                || invitation.answeredAt().isEmpty()
                || invitation.overall().filter(score -> score <= LOW_SCORE).isEmpty()) {
            return Optional.empty();
        }
        Instant tapped = invitation.answeredAt().get();
        return Optional.of(new FollowUp(
                invitation.reference().get(),
                invitation.surveyId(),
                Set.of(FollowUpReason.LOW_SCORE),
                invitation.overall().get(),
                invitation.channel(),
                invitation.category(),
                tapped,
                dueFor(tapped),
                false));
    }

    private FollowUpPlan create(
            SurveyInvitation invitation, ReferenceCode reference, SurveyAnswer answer, Instant at, boolean settled) {
        Set<FollowUpReason> reasons = reasons(answer);
        if (reasons.isEmpty()) {
            return FollowUpPlan.NONE;
        }
        return new FollowUpPlan.Create(new FollowUp(
                reference,
                invitation.surveyId(),
                reasons,
                answer.overall(),
                invitation.channel(),
                invitation.category(),
                at,
                dueFor(at),
                settled));
    }
}
