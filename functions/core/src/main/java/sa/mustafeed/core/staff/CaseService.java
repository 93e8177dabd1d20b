package sa.mustafeed.core.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.VersionConflictException;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.ports.DeliveryLog;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.StatusMachine;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.validation.MobileNumbers;
import sa.mustafeed.core.validation.NationalIds;
import sa.mustafeed.core.validation.Texts;

/** What the beneficiary-relations employee does with a request after it arrives. */
public final class CaseService {
    public static final int NOTE_MAX = 2000;

    private final CaseRepository cases;
    private final DeliveryLog deliveries;
    private final ServiceLevels serviceLevels;
    private final KeyedHasher hasher;
    private final Clock clock;

    /**
     * @param deliveries read only by {@link #view} and {@link #changeStatus} (the request page); a
     *     function that never shows the page (documents) never reads it
     */
    public CaseService(
            CaseRepository cases,
            DeliveryLog deliveries,
            ServiceLevels serviceLevels,
            KeyedHasher hasher,
            Clock clock) {
        this.cases = cases;
        this.deliveries = deliveries;
        this.serviceLevels = serviceLevels;
        this.hasher = hasher;
        this.clock = clock;
    }

    public ServiceLevels serviceLevels() {
        return serviceLevels;
    }

    /**
     * The request and its history, without its messages: what every check and change needs.
     *
     * @throws RequestNotFoundException when there is no such request
     */
    public CaseFile open(ReferenceCode reference) {
        return cases.find(reference).orElseThrow(RequestNotFoundException::new);
    }

    /**
     * The request page: the file and what became of every message sent for it (one more read, of
     * the message records of versions 1..current).
     *
     * @throws RequestNotFoundException when there is no such request
     */
    public CaseFile view(ReferenceCode reference) {
        CaseFile file = open(reference);
        return file.withDeliveries(
                deliveries.deliveriesOf(reference, file.request().version()));
    }

    /**
     * The file, for someone who may open it ({@link Confidentiality}).
     *
     * @throws sa.mustafeed.core.errors.AccessDeniedException when it is a complaint about staff and
     *     {@code who} is not a manager
     */
    public CaseFile openFor(ReferenceCode reference, StaffMember who) {
        CaseFile file = open(reference);
        Confidentiality.checkMayOpen(file.request(), who);
        return file;
    }

    /** The request page, for someone who may open it. */
    public CaseFile view(ReferenceCode reference, StaffMember who) {
        CaseFile file = openFor(reference, who);
        return file.withDeliveries(
                deliveries.deliveriesOf(reference, file.request().version()));
    }

    public ServiceLevels.Reading serviceClock(CaseSummary summary) {
        var r = summary.request();
        var c = summary.clock();
        return serviceLevels.read(
                r.category(),
                r.status(),
                r.submittedAt(),
                c.pausedMinutes(),
                c.waitingSince(),
                c.finishedAt(),
                clock.instant());
    }

    public ServiceLevels.Reading serviceClock(CaseFile file) {
        return serviceClock(file.summary());
    }

    /**
     * @throws InvalidInputException {@code invalid_transition} when the state machine refuses the move
     * @throws VersionConflictException when the request is no longer at {@code expectedVersion}
     */
    public CaseFile changeStatus(
            ReferenceCode reference, Status to, long expectedVersion, Optional<String> note, StaffMember by) {
        Optional<String> cleanNote = note.filter(n -> !n.isBlank()).map(n -> checkNote("note", n));
        CaseFile file = openFor(reference, by);
        if (file.request().version() != expectedVersion) {
            throw new VersionConflictException();
        }
        move(file, to, cleanNote, by.name());
        return view(reference);
    }

    private void move(CaseFile file, Status to, Optional<String> cleanNote, String by) {
        Status from = file.request().status();
        if (!StatusMachine.allows(from, to)) {
            throw new InvalidInputException(FieldError.of("status", ErrorCode.INVALID_TRANSITION));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CaseClock after = clockAfter(file.clock(), from, to, now);
        cases.changeStatus(new StatusChange(
                file.request().reference(),
                from,
                to,
                file.request().version(),
                now,
                by,
                cleanNote,
                after,
                counted(file, after, to, now),
                Optional.of(serviceLevels.dueAt(
                        file.request().category(), file.request().submittedAt(), after.pausedMinutes()))));
    }

    /**
     * A public answer to the beneficiary: it joins the public timeline and the notifier sends it by
     * their preferred channel (once: the reply is a new version of the request).
     *
     * @throws RequestNotFoundException when there is no such request
     */
    public CaseEvent reply(ReferenceCode reference, String text, StaffMember by) {
        String clean = checkNote("text", text);
        CaseFile file = openFor(reference, by);
        CaseEvent reply = CaseEvent.reply(
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                clean,
                by.name(),
                file.request().status());
        cases.addReply(reference, reply);
        return reply;
    }

    /**
     * The beneficiary wrote from the tracking page (after the lookup check): the message joins the
     * staff timeline, and a request waiting for them goes back to the employee's queue.
     *
     * @throws RequestNotFoundException when there is no such request
     */
    public CaseEvent receiveMessage(ReferenceCode reference, String text) {
        String clean = checkNote("text", text);
        CaseFile file = open(reference);
        CaseEvent message = CaseEvent.message(
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                clean,
                file.request().status());
        cases.addNote(reference, message);
        backToQueue(reference);
        return message;
    }

    /**
     * The beneficiary answered (a message, a document): a request waiting for them moves back to
     * {@code in_review}, so it reappears in the employee's queue and its service clock runs again. Any
     * other status is left alone. A concurrent staff change wins: the move is then not needed or is
     * retried once on the fresh version.
     */
    public void backToQueue(ReferenceCode reference) {
        for (int attempt = 0; attempt < 2; attempt++) {
            CaseFile file = open(reference);
            if (file.request().status() != Status.WAITING_FOR_BENEFICIARY) {
                return;
            }
            try {
                move(file, Status.IN_REVIEW, Optional.empty(), CaseEvent.BENEFICIARY);
                return;
            } catch (VersionConflictException changedMeanwhile) {
                // read again: staff may have moved it themselves
            }
        }
    }

    public CaseEvent addNote(ReferenceCode reference, String text, StaffMember by) {
        String clean = checkNote("text", text);
        openFor(reference, by);
        CaseEvent note = CaseEvent.note(clock.instant().truncatedTo(ChronoUnit.MILLIS), clean, by.name());
        cases.addNote(reference, note);
        return note;
    }

    public QueuePage queue(QueueQuery query) {
        return cases.queue(query);
    }

    /** A page of the queue as {@code who} may see it: complaints about staff only for managers. */
    public QueuePage queue(QueueQuery query, StaffMember who) {
        return Confidentiality.visible(cases.queue(query), who);
    }

    /** Every request the query selects (reports and exports), stopping once {@code atLeast} are read. */
    public List<CaseSummary> allMatching(QueueQuery query, int atLeast) {
        return cases.allMatching(query, atLeast);
    }

    /**
     * Finds requests by what a beneficiary can tell the employee: the reference, their mobile, or
     * their national ID (matched by keyed hash; the ID itself is never stored). One page, newest
     * first; text that is none of the three finds nothing.
     */
    /** The requests {@code registrar} registered, newest first: all a volunteer may see. */
    public QueuePage registrations(StaffMember registrar, Optional<String> cursor, int pageSize) {
        return cases.registeredBy(registrar.id(), cursor, pageSize);
    }

    public QueuePage search(String typed) {
        return recognise(typed).map(cases::search).orElseGet(() -> new QueuePage(List.of(), Optional.empty()));
    }

    /** A search as {@code who} may see it: a complaint about staff is found by managers alone. */
    public QueuePage search(String typed, StaffMember who) {
        return Confidentiality.visible(search(typed), who);
    }

    private Optional<CaseSearch> recognise(String typed) {
        Optional<ReferenceCode> reference = ReferenceCode.parse(typed);
        if (reference.isPresent()) {
            return Optional.of(new CaseSearch.ByReference(reference.get()));
        }
        Optional<String> nationalId = NationalIds.normalise(typed);
        if (nationalId.isPresent()) {
            return Optional.of(new CaseSearch.ByNationalIdHash(hasher.hash(HashPurpose.NATIONAL_ID, nationalId.get())));
        }
        return MobileNumbers.toE164(typed)
                .map(mobile -> new CaseSearch.ByMobileHash(hasher.hash(HashPurpose.MOBILE, mobile)));
    }

    private StatusChange.Counted counted(CaseFile file, CaseClock after, Status to, Instant now) {
        var r = file.request();
        Optional<Long> firstAction = file.clock().firstActionAt().isEmpty()
                ? Optional.of(serviceLevels.calendar().workingMinutesBetween(r.submittedAt(), now))
                : Optional.empty();
        boolean finishesNow =
                file.clock().finishedAt().isEmpty() && after.finishedAt().isPresent();
        ServiceLevels.Reading reading = serviceLevels.read(
                r.category(),
                to,
                r.submittedAt(),
                after.pausedMinutes(),
                after.waitingSince(),
                after.finishedAt(),
                now);
        return new StatusChange.Counted(
                java.time.YearMonth.from(r.submittedAt().atZone(java.time.ZoneOffset.UTC)),
                r.channel(),
                r.category(),
                firstAction,
                finishesNow && to == Status.COMPLETED ? Optional.of(reading.workingMinutesElapsed()) : Optional.empty(),
                finishesNow ? Optional.of(reading.state() == ServiceLevels.State.MET) : Optional.empty());
    }

    private CaseClock clockAfter(CaseClock before, Status from, Status to, Instant now) {
        long paused = before.pausedMinutes();
        Optional<Instant> waitingSince = before.waitingSince();
        if (from == Status.WAITING_FOR_BENEFICIARY && waitingSince.isPresent()) {
            paused += serviceLevels.calendar().workingMinutesBetween(waitingSince.get(), now);
            waitingSince = Optional.empty();
        }
        if (to == Status.WAITING_FOR_BENEFICIARY) {
            waitingSince = Optional.of(now);
        }
        Optional<Instant> firstAction = before.firstActionAt().or(() -> Optional.of(now));
        Optional<Instant> finished =
                before.finishedAt().or(() -> StatusMachine.isOpen(to) ? Optional.empty() : Optional.of(now));
        return new CaseClock(paused, waitingSince, firstAction, finished, before.respondedAt());
    }

    private static String checkNote(String field, String text) {
        String clean = Texts.clean(text);
        if (clean.isEmpty()) {
            throw new InvalidInputException(FieldError.of(field, ErrorCode.REQUIRED));
        }
        if (Texts.length(clean) > NOTE_MAX) {
            throw new InvalidInputException(FieldError.of(field, ErrorCode.TOO_LONG));
        }
        if (Texts.hasForbiddenCharacters(clean, true)) {
            throw new InvalidInputException(FieldError.of(field, ErrorCode.INVALID_TEXT));
        }
        return clean;
    }
}
