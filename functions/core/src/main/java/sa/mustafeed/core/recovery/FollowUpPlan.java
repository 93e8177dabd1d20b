package sa.mustafeed.core.recovery;

/**
 * What recording an answer must do to its follow-up, decided by {@link FollowUpPolicy} and carried
 * out by the store in the same transaction as the answer, so an answer gets exactly one follow-up
 * (or, when it turns anonymous, none left with its request).
 */
public sealed interface FollowUpPlan {

    /** Nothing to do: the answer asks for no call back. */
    record None() implements FollowUpPlan {}

    /** A new follow-up for this answer (stored only if the answer has none). */
    record Create(FollowUp followUp) implements FollowUpPlan {}

    /** The details changed the reasons of the follow-up the tap created, and it is no longer held. */
    record Settle(FollowUp followUp) implements FollowUpPlan {}

    /**
     * The details say "anonymous": the follow-up the tap created goes, so nothing links the answer
     * to the request. If an employee already recorded the call (possible only after the hold), the
     * record leaves the request too; the month still counts the follow-up and its call.
     */
    record Withdraw(FollowUp followUp) implements FollowUpPlan {}

    FollowUpPlan NONE = new None();
}
