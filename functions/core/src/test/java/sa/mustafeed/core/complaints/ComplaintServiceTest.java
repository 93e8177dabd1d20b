package sa.mustafeed.core.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.errors.ComplaintStateException;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemoryWorkQueue;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.RequestDraft;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.QueueView;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.core.staff.WorkQueueService;

/** The outcome of a complaint: who may record it, what the complainant receives, the rating and the clock. */
class ComplaintServiceTest {
    private static final StaffMember AMAL = new StaffMember("u1", "أمل", Role.STAFF);
    private static final StaffMember HIND = new StaffMember("u2", "هند", Role.STAFF);
    private static final StaffMember MANAGER = new StaffMember("m1", "نورة", Role.MANAGER);

    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final CaseService cases = new CaseService(
            repository, new InMemoryMessaging().deliveryLog, SampleServiceLevels.LEVELS, SampleDrafts.HASHER, clock);
    private final InMemoryWorkQueue queue = new InMemoryWorkQueue(repository, SampleServiceLevels.LEVELS);
    private final WorkQueueService workQueue = new WorkQueueService(queue, clock);
    private final ComplaintService complaints =
            new ComplaintService(cases, repository, SampleServiceLevels.COMPLAINTS, clock);
    private ReferenceCode complaint;
    private ReferenceCode aboutStaff;
    private ReferenceCode anonymous;
    private ReferenceCode service;

    @BeforeEach
    void requests() {
        SubmissionService submissions = new SubmissionService(
                RequestRules.forPublicChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(5),
                "2026-11");
        complaint = submissions.submit(complaint(), Optional.empty()).reference();
        aboutStaff = submissions
                .submit(complaint().withAboutStaff(true), Optional.empty())
                .reference();
        anonymous = submissions
                .submit(SampleDrafts.anonymousComplaint(), Optional.empty())
                .reference();
        service = submissions.submit(SampleDrafts.valid(), Optional.empty()).reference();
        queue.remember(sa.mustafeed.core.staff.Assignee.of(HIND), clock.instant());
    }

    private static RequestDraft complaint() {
        RequestDraft d = SampleDrafts.valid();
        return new RequestDraft(
                "complaint",
                d.channel(),
                d.name(),
                d.mobile(),
                d.email(),
                d.nationalId(),
                d.city(),
                "انتظرت ثلاث ساعات دون أن يناديني أحد.",
                d.preferredContact(),
                d.language(),
                d.consent(),
                d.onBehalf(),
                null);
    }

    private ServiceRequest request(ReferenceCode reference) {
        return cases.open(reference).request();
    }

    @Test
    void aManagerRecordsTheOutcome_andTheComplainantReceivesItInTheirLanguage_once() {
        ComplaintOutcome outcome =
                complaints.recordOutcome(complaint, OutcomeResult.PARTLY_UPHELD, "  رتّبنا دور الانتظار  ", MANAGER);

        assertEquals(OutcomeResult.PARTLY_UPHELD, outcome.result());
        assertEquals("رتّبنا دور الانتظار", outcome.actionTaken());
        assertTrue(outcome.onTime());
        // A public reply: a new version the notifier sends once, and a line of the tracking page.
        List<InMemoryRequestRepository.Reply> replies = repository.replies();
        assertEquals(1, replies.size());
        assertEquals(
                "نتيجة شكواك: شكوى مقبولة جزئيًا. ما قمنا به: رتّبنا دور الانتظار",
                replies.get(0).text());
        assertTrue(cases.open(complaint).events().stream()
                .anyMatch(e -> e.kind() == CaseEvent.Kind.REPLY
                        && e.isPublic()
                        && e.by().orElse("").equals("نورة")));
        assertEquals(
                Optional.of(outcome), complaints.handling(request(complaint)).outcome());
        assertEquals(Optional.of(outcome.at()), cases.open(complaint).clock().respondedAt());

        ComplaintStateException again = assertThrows(
                ComplaintStateException.class,
                () -> complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "مرة أخرى", MANAGER));
        assertEquals(ComplaintStateException.Reason.OUTCOME_ALREADY_RECORDED, again.reason());
        assertEquals(1, repository.replies().size());
    }

    @Test
    void theReply_isInEnglish_forAnEnglishReader() {
        assertEquals(
                "The outcome of your complaint: Not upheld. What we did: We checked the records.",
                ComplaintService.replyText(
                        OutcomeResult.NOT_UPHELD, "We checked the records.", sa.mustafeed.core.request.Language.EN));
    }

    @Test
    void anEmployee_recordsOnlyWhenTheComplaintIsAssignedToThem() {
        assertThrows(
                AccessDeniedException.class,
                () -> complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "اعتذرنا", AMAL));
        workQueue.assign(complaint, Optional.of(HIND.id()), MANAGER);
        assertThrows(
                AccessDeniedException.class,
                () -> complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "اعتذرنا", AMAL));

        ComplaintOutcome outcome = complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "اعتذرنا", HIND);
        assertEquals("هند", outcome.byName());
    }

    @Test
    void aComplaintAboutStaff_isRecordedByManagersOnly_evenByItsAssignee() {
        workQueue.assign(aboutStaff, Optional.of(HIND.id()), MANAGER);
        assertThrows(
                AccessDeniedException.class,
                () -> complaints.recordOutcome(aboutStaff, OutcomeResult.UPHELD, "تحدثنا مع الموظف", HIND));
        assertEquals(
                OutcomeResult.UPHELD,
                complaints
                        .recordOutcome(aboutStaff, OutcomeResult.UPHELD, "تحدثنا مع الموظف", MANAGER)
                        .result());
        // The reply kept the complaint's confidentiality (a new version must not drop aboutStaff).
        assertTrue(request(aboutStaff).aboutStaff());
    }

    @Test
    void notAComplaint_orNoActionTaken_isRefusedInTheErrorShape() {
        InvalidInputException notComplaint = assertThrows(
                InvalidInputException.class,
                () -> complaints.recordOutcome(service, OutcomeResult.UPHELD, "تم", MANAGER));
        assertEquals(ErrorCode.ONLY_FOR_COMPLAINTS, notComplaint.errors().get(0).code());
        InvalidInputException blank = assertThrows(
                InvalidInputException.class,
                () -> complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "   ", MANAGER));
        assertEquals(ErrorCode.REQUIRED, blank.errors().get(0).code());
        InvalidInputException tooLong = assertThrows(
                InvalidInputException.class,
                () -> complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "أ".repeat(2001), MANAGER));
        assertEquals(ErrorCode.TOO_LONG, tooLong.errors().get(0).code());
        assertTrue(repository.replies().isEmpty());
    }

    @Test
    void theComplainantRatesTheHandling_onceAndOnlyAfterTheOutcome() {
        ComplaintStateException early = assertThrows(
                ComplaintStateException.class,
                () -> complaints.rate(request(anonymous), HandlingAnswer.SATISFIED, Optional.empty()));
        assertEquals(ComplaintStateException.Reason.NO_OUTCOME_YET, early.reason());

        complaints.recordOutcome(anonymous, OutcomeResult.NOT_UPHELD, "راجعنا السجلات", MANAGER);
        HandlingRating rating =
                complaints.rate(request(anonymous), HandlingAnswer.PARTLY_SATISFIED, Optional.of("  ردّ سريع  "));
        assertEquals(Optional.of("ردّ سريع"), rating.comment());
        assertEquals(
                Optional.of(rating), complaints.handling(request(anonymous)).rating());

        ComplaintStateException twice = assertThrows(
                ComplaintStateException.class,
                () -> complaints.rate(request(anonymous), HandlingAnswer.SATISFIED, Optional.empty()));
        assertEquals(ComplaintStateException.Reason.ALREADY_RATED, twice.reason());
        assertThrows(
                InvalidInputException.class,
                () -> complaints.rate(request(service), HandlingAnswer.SATISFIED, Optional.empty()));
    }

    @Test
    void anOverdueComplaintWithoutOutcome_isEscalatedToManagers_andAnOutcomeEndsIt() {
        // 2026-11-25 (Wednesday) 08:30 + 5 working days, with the 2026-12-03 holiday: due 2026-12-03→…
        Instant respondBy = SampleServiceLevels.COMPLAINTS.respondBy(request(complaint));
        assertTrue(respondBy.isAfter(SampleDrafts.NOW.plus(Duration.ofDays(6))));
        assertTrue(workQueue.page(QueueView.ESCALATED, MANAGER, Optional.empty(), Optional.empty(), 25).items().stream()
                .noneMatch(complaints::escalated));

        clock.advance(Duration.between(SampleDrafts.NOW, respondBy).plusMinutes(1));
        List<ReferenceCode> escalated =
                workQueue.page(QueueView.ESCALATED, MANAGER, Optional.empty(), Optional.empty(), 25).items().stream()
                        .filter(complaints::escalated)
                        .map(row -> row.request().reference())
                        .toList();
        assertEquals(java.util.Set.of(complaint, aboutStaff, anonymous), java.util.Set.copyOf(escalated));
        assertThrows(
                AccessDeniedException.class,
                () -> workQueue.page(QueueView.ESCALATED, AMAL, Optional.empty(), Optional.empty(), 25));

        ComplaintOutcome late = complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "اعتذرنا", MANAGER);
        assertFalse(late.onTime());
        assertFalse(complaints.escalated(cases.open(complaint).summary()));
    }

    @Test
    void theReport_countsOutcomesAndRatings_andHoldsBackSharesOfFewAnswers() {
        complaints.recordOutcome(complaint, OutcomeResult.UPHELD, "اعتذرنا", MANAGER);
        complaints.recordOutcome(anonymous, OutcomeResult.NOT_UPHELD, "راجعنا", MANAGER);
        complaints.rate(request(anonymous), HandlingAnswer.SATISFIED, Optional.empty());
        YearMonth month = YearMonth.of(2026, 11);

        ComplaintFigures figures = complaints.figures(month, month, 3);

        assertEquals(3, figures.received());
        assertEquals(1L, figures.outcomes().get(OutcomeResult.UPHELD));
        assertEquals(0L, figures.outcomes().get(OutcomeResult.PARTLY_UPHELD));
        assertEquals(2, figures.responded());
        assertEquals(2, figures.respondedOnTime());
        assertEquals(1, figures.rated());
        // Two outcomes and one rating: too few to read as shares, and one rating points at one person.
        assertTrue(figures.onTimeRate().isEmpty());
        assertTrue(figures.ratings().isEmpty());
        assertTrue(figures.satisfiedRate().isEmpty());
    }

    @Test
    void theFigures_giveSharesFromTenAnswers() {
        YearMonth month = YearMonth.of(2026, 11);
        ComplaintTally tally = new ComplaintTally(
                month,
                java.util.Map.of(OutcomeResult.UPHELD, 6L, OutcomeResult.NOT_UPHELD, 4L),
                8,
                java.util.Map.of(HandlingAnswer.SATISFIED, 7L, HandlingAnswer.NOT_SATISFIED, 3L));
        ComplaintFigures figures = ComplaintFigures.of(List.of(tally), 12);
        assertEquals(Optional.of(0.8), figures.onTimeRate());
        assertEquals(Optional.of(0.7), figures.satisfiedRate());
        assertEquals(3L, figures.ratings().orElseThrow().get(HandlingAnswer.NOT_SATISFIED));
    }
}
