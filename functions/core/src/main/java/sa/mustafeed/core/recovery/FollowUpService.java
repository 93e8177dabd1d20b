package sa.mustafeed.core.recovery;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.FollowUpUnavailableException;
import sa.mustafeed.core.errors.FollowUpUnavailableException.Reason;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.FollowUps;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.validation.Texts;

/**
 * The follow-up view of the queue: the call backs owed, due first, and the employee's record of each
 * call. The clock is the follow-up's own (created with the answer, due {@link FollowUpPolicy}'s
 * working days later), not the request's, which finished before the survey was sent.
 */
public final class FollowUpService {
    public static final int NOTE_MAX = 1000;

    private final FollowUps followUps;
    private final FollowUpPolicy policy;
    private final Clock clock;

    public FollowUpService(FollowUps followUps, FollowUpPolicy policy, Clock clock) {
        this.followUps = followUps;
        this.policy = policy;
        this.clock = clock;
    }

    /** The open follow-ups employees may act on now (not those held for the answer's details), due first. */
    public List<FollowUp> open() {
        Instant now = clock.instant();
        return followUps.open().stream()
                .filter(f -> f.visibleAt(now))
                .sorted(Comparator.comparing(FollowUp::due)
                        .thenComparing(f -> f.reference().value()))
                .toList();
    }

    public Instant now() {
        return clock.instant();
    }

    /** The setting the list states ("call back within N working days"). */
    public int workingDays() {
        return policy.workingDays();
    }

    /**
     * Records the call for the request's open follow-up (the earliest due, should it have two).
     *
     * @throws InvalidInputException when the note is too long or has characters a note may not hold
     * @throws FollowUpUnavailableException NOT_FOUND when the request has no open follow-up (or only
     *     one still held), ALREADY_RECORDED when its follow-ups are all recorded
     */
    public FollowUpRecord record(
            ReferenceCode reference, FollowUpOutcome outcome, Optional<String> note, StaffMember me) {
        String text = note.map(Texts::clean).orElse("");
        if (Texts.length(text) > NOTE_MAX) {
            throw new InvalidInputException(FieldError.of("note", ErrorCode.TOO_LONG));
        }
        if (Texts.hasForbiddenCharacters(text, true)) {
            throw new InvalidInputException(FieldError.of("note", ErrorCode.INVALID_TEXT));
        }
        Instant now = clock.instant();
        List<FollowUps.Entry> entries = followUps.ofRequest(reference);
        Optional<FollowUp> open = entries.stream()
                .filter(e -> e.record().isEmpty())
                .map(FollowUps.Entry::followUp)
                .filter(f -> f.visibleAt(now))
                .min(Comparator.comparing(FollowUp::due));
        if (open.isEmpty()) {
            boolean recorded = !entries.isEmpty()
                    && entries.stream().allMatch(e -> e.record().isPresent());
            throw new FollowUpUnavailableException(recorded ? Reason.ALREADY_RECORDED : Reason.NOT_FOUND);
        }
        FollowUpRecord record = new FollowUpRecord(
                outcome,
                text,
                me.id(),
                me.name(),
                now,
                policy.calendar().workingMinutesBetween(open.get().createdAt(), now));
        if (followUps.record(open.get(), record) != FollowUps.Recording.RECORDED) {
            throw new FollowUpUnavailableException(Reason.ALREADY_RECORDED);
        }
        return record;
    }

    /** The report's figures for follow-ups created from {@code first} to {@code last}. */
    public FollowUpFigures figures(YearMonth first, YearMonth last) {
        return FollowUpFigures.of(followUps.followUpTallies(first, last));
    }
}
