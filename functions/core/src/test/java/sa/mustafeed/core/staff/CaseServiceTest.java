package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.VersionConflictException;
import sa.mustafeed.core.fakes.InMemoryMessaging;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.RequestDraft;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.StatusMachine;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.sla.ServiceLevels;

class CaseServiceTest {
    private static final StaffMember AMAL = new StaffMember("u1", "أمل", Role.STAFF);
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final ServiceLevels levels = sa.mustafeed.core.fakes.SampleServiceLevels.LEVELS;
    private final InMemoryMessaging messaging = new InMemoryMessaging();
    private final CaseService cases =
            new CaseService(repository, messaging.deliveryLog, levels, SampleDrafts.HASHER, clock);
    private ReferenceCode reference;

    @BeforeEach
    void oneRequest() {
        reference = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(3),
                        "2026-11")
                .submit(SampleDrafts.valid(), Optional.empty())
                .reference();
    }

    @Test
    void everyTransition_isAllowedOrRefusedAsTheStateMachineSays() {
        Map<Status, Set<Status>> allowed = Map.of(
                Status.RECEIVED, EnumSet.of(Status.IN_REVIEW, Status.REJECTED, Status.CLOSED),
                Status.IN_REVIEW,
                        EnumSet.of(Status.WAITING_FOR_BENEFICIARY, Status.IN_PROGRESS, Status.REJECTED, Status.CLOSED),
                Status.WAITING_FOR_BENEFICIARY,
                        EnumSet.of(Status.IN_REVIEW, Status.IN_PROGRESS, Status.REJECTED, Status.CLOSED),
                Status.IN_PROGRESS,
                        EnumSet.of(Status.WAITING_FOR_BENEFICIARY, Status.COMPLETED, Status.REJECTED, Status.CLOSED),
                Status.COMPLETED, EnumSet.of(Status.CLOSED),
                Status.REJECTED, EnumSet.of(Status.CLOSED),
                Status.CLOSED, EnumSet.noneOf(Status.class));
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertEquals(allowed.get(from).contains(to), StatusMachine.allows(from, to), from + " -> " + to);
            }
        }
    }

    @Test
    void view_addsWhatBecameOfEachMessage_openLeavesThemToThePage() {
        // GIVEN the confirmation (version 1) went by SMS
        String key = reference.value() + "#v1";
        messaging.sentMessages.claim(key, clock.instant(), clock.instant().minusSeconds(300));
        DeliveryLeg leg = DeliveryLeg.sent(Delivery.SMS, "sns", "s-1", clock.instant());
        messaging.sentMessages.markSent(
                key,
                new SentMessage(MessageKind.RECEIVED, Language.AR, List.of(leg), Optional.empty()),
                clock.instant());

        // THEN the page's view lists it, the checks' open() does not read the log
        assertEquals(
                List.of(new sa.mustafeed.core.notification.MessageDelivery(1, MessageKind.RECEIVED, leg)),
                cases.view(reference).deliveries());
        assertEquals(List.of(), cases.open(reference).deliveries());
        // and a status change answers with the page's view, so the page keeps its list after saving
        CaseFile moved = cases.changeStatus(reference, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        assertEquals(1, moved.deliveries().size());
    }

    @Test
    void view_ofAnUnknownReference_isNotFound() {
        assertThrows(
                sa.mustafeed.core.errors.RequestNotFoundException.class,
                () -> cases.view(new ReferenceCode("MHF5Q2N7")));
    }

    @Test
    void changeStatus_movesTheRequestAndRecordsWhoAndTheNote() {
        CaseFile file = cases.changeStatus(reference, Status.IN_REVIEW, 1, Optional.of("اتصلت بها"), AMAL);

        assertEquals(Status.IN_REVIEW, file.request().status());
        assertEquals(2, file.request().version());
        assertEquals(Optional.of(SampleDrafts.NOW), file.clock().firstActionAt());
        CaseEvent last = file.events().get(file.events().size() - 1);
        assertEquals(Optional.of("اتصلت بها"), last.text());
        assertFalse(last.isPublic(), "notes are internal");
        assertEquals(
                1,
                repository.findWithTimeline(reference).orElseThrow().timeline().size() - 1,
                "the beneficiary sees the status change, not the note");
    }

    @Test
    void changeStatus_refusesAMoveTheStateMachineForbids() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> cases.changeStatus(reference, Status.COMPLETED, 1, Optional.empty(), AMAL));
        assertEquals(List.of(FieldError.of("status", ErrorCode.INVALID_TRANSITION)), e.errors());
    }

    @Test
    void changeStatus_withAStaleVersion_isAConflictAndChangesNothing() {
        cases.changeStatus(reference, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        assertThrows(
                VersionConflictException.class,
                () -> cases.changeStatus(reference, Status.REJECTED, 1, Optional.empty(), AMAL));
        assertEquals(Status.IN_REVIEW, cases.open(reference).request().status());
    }

    @Test
    void waitingForTheBeneficiary_isCountedAsPausedTime() {
        cases.changeStatus(reference, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        cases.changeStatus(reference, Status.WAITING_FOR_BENEFICIARY, 2, Optional.empty(), AMAL);
        assertTrue(cases.open(reference).clock().waitingSince().isPresent());
        clock.advance(Duration.ofDays(1));
        CaseFile back = cases.changeStatus(reference, Status.IN_PROGRESS, 3, Optional.empty(), AMAL);

        assertTrue(back.clock().waitingSince().isEmpty());
        assertTrue(back.clock().pausedMinutes() > 0, "a working day of waiting was recorded");
        CaseFile done = cases.changeStatus(reference, Status.COMPLETED, 4, Optional.empty(), AMAL);
        assertTrue(done.clock().finishedAt().isPresent());
    }

    @Test
    void addNote_refusesBlankAndOverlongText() {
        assertThrows(InvalidInputException.class, () -> cases.addNote(reference, "  ", AMAL));
        assertThrows(
                InvalidInputException.class,
                () -> cases.addNote(reference, "x".repeat(CaseService.NOTE_MAX + 1), AMAL));
        assertEquals("ملاحظة", cases.addNote(reference, " ملاحظة ", AMAL).text().orElseThrow());
    }

    @Test
    void search_findsByReferenceMobileOrNationalId() {
        RequestDraft d = SampleDrafts.valid();
        ReferenceCode withId = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(4),
                        "2026-11")
                .submit(
                        new RequestDraft(
                                d.category(),
                                d.channel(),
                                d.name(),
                                "0559998877",
                                null,
                                "1526018153",
                                d.city(),
                                d.description(),
                                "sms",
                                "ar",
                                true,
                                null,
                                null),
                        Optional.empty())
                .reference();

        assertEquals(List.of(reference), found(cases.search(reference.display().toLowerCase())));
        assertEquals(List.of(reference), found(cases.search("٠٥٠١٢٣٤٥٦٧")));
        assertEquals(List.of(withId), found(cases.search("1526018153")));
        assertEquals(List.of(), found(cases.search("nothing")));
        assertTrue(cases.search("0501234567").nextCursor().isEmpty(), "a search is one page");
    }

    @Test
    void allMatching_readsEveryPageItself_untilItHoldsEnough() {
        SubmissionService desk = new SubmissionService(
                RequestRules.forPublicChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(9),
                "2026-11");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(5));
            desk.submit(SampleDrafts.valid(), Optional.empty());
        }
        QueueQuery onePerPage = new QueueQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2030, 1, 1),
                false,
                Optional.empty(),
                1);

        assertEquals(5, cases.allMatching(onePerPage, 100).size(), "five requests, one page each");
        assertEquals(
                reference,
                cases.allMatching(onePerPage, 100).getFirst().request().reference(),
                "oldest first");
        assertEquals(2, cases.allMatching(onePerPage, 2).size(), "stops once it holds two");
    }

    private static List<ReferenceCode> found(QueuePage page) {
        return page.items().stream().map(s -> s.request().reference()).toList();
    }

    @Test
    void aSecondOpenRequestFromTheSameMobile_isFlaggedAsAPossibleDuplicate() {
        SubmissionService staffDesk = new SubmissionService(
                RequestRules.forStaffChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(8),
                "2026-11");
        RequestDraft d = SampleDrafts.valid();
        var receipt = staffDesk.submit(
                new RequestDraft(
                        "complaint",
                        "phone",
                        d.name(),
                        "+966501234567",
                        null,
                        null,
                        d.city(),
                        "شكوى بالهاتف",
                        "sms",
                        "ar",
                        true,
                        null,
                        null),
                Optional.empty(),
                Optional.of("أمل"));

        assertEquals(List.of(reference), receipt.possibleDuplicates());
        CaseFile file = cases.open(receipt.reference());
        assertEquals(Optional.of("أمل"), file.registeredBy());
        assertEquals(List.of(reference), file.possibleDuplicates());
    }

    @Test
    void queue_pagesThroughFilteredRequests() {
        SubmissionService more = new SubmissionService(
                RequestRules.forPublicChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(11),
                "2026-11");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(1));
            more.submit(SampleDrafts.withCity("مدينة " + i), Optional.empty());
        }
        QueueQuery first = new QueueQuery(
                Optional.of(Status.RECEIVED),
                Optional.empty(),
                Optional.empty(),
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"),
                true,
                Optional.empty(),
                3);
        QueuePage page1 = cases.queue(first);
        assertEquals(3, page1.items().size());
        QueuePage page2 = cases.queue(new QueueQuery(
                first.status(),
                first.category(),
                first.channel(),
                first.from(),
                first.to(),
                true,
                page1.nextCursor(),
                3));
        assertEquals(2, page2.items().size());
        assertTrue(page2.nextCursor().isEmpty());
        assertTrue(page1.items()
                .get(0)
                .request()
                .submittedAt()
                .isAfter(page2.items().get(1).request().submittedAt()));
    }

    @Test
    void reply_addsAPublicTimelineEntryAndANewVersionForTheNotifier() {
        // WHEN staff answer the inquiry
        CaseEvent reply = cases.reply(reference, "  نعم، يشمل الدعم أجهزة السمع.  ", AMAL);
        // THEN the beneficiary's timeline shows it, and the request has a new version carrying it
        var timeline = repository.findWithTimeline(reference).orElseThrow().timeline();
        var last = timeline.getLast();
        assertEquals(sa.mustafeed.core.request.TimelineEntry.Kind.REPLY, last.kind());
        assertEquals(Optional.of("نعم، يشمل الدعم أجهزة السمع."), last.text());
        assertEquals(2, cases.open(reference).request().version());
        assertEquals(
                List.of(new InMemoryRequestRepository.Reply(reference, 2, "نعم، يشمل الدعم أجهزة السمع.")),
                repository.replies());
        assertTrue(reply.isPublic());
    }

    @Test
    void reply_isNotAnInternalNote_andNotesStayOutOfThePublicTimeline() {
        cases.addNote(reference, "ملاحظة داخلية", AMAL);
        cases.reply(reference, "رد علني", AMAL);
        var texts = repository.findWithTimeline(reference).orElseThrow().timeline().stream()
                .flatMap(t -> t.text().stream())
                .toList();
        assertEquals(List.of("رد علني"), texts);
    }

    @Test
    void reply_refusesEmptyText() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> cases.reply(reference, "   ", AMAL));
        assertEquals(ErrorCode.REQUIRED, e.errors().getFirst().code());
        assertTrue(repository.replies().isEmpty());
    }

    @Test
    void beneficiaryMessage_movesAWaitingRequestBackToInReview_andLandsInTheStaffTimeline() {
        // GIVEN staff asked the beneficiary for something
        cases.changeStatus(reference, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        cases.changeStatus(reference, Status.WAITING_FOR_BENEFICIARY, 2, Optional.empty(), AMAL);
        clock.advance(Duration.ofHours(2));
        // WHEN the beneficiary answers from the tracking page
        cases.receiveMessage(reference, "أرسلت الصورة بالبريد");
        // THEN
        CaseFile file = cases.open(reference);
        assertEquals(Status.IN_REVIEW, file.request().status());
        assertTrue(file.clock().waitingSince().isEmpty());
        assertTrue(file.events().stream()
                .anyMatch(e -> e.kind() == CaseEvent.Kind.MESSAGE
                        && e.text().equals(Optional.of("أرسلت الصورة بالبريد"))
                        && e.by().equals(Optional.of(CaseEvent.BENEFICIARY))));
    }

    @Test
    void beneficiaryMessage_onARequestNotWaiting_leavesItsStatus() {
        cases.changeStatus(reference, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        cases.changeStatus(reference, Status.IN_PROGRESS, 2, Optional.empty(), AMAL);
        cases.receiveMessage(reference, "شكرًا");
        assertEquals(Status.IN_PROGRESS, cases.open(reference).request().status());
        assertEquals(3, cases.open(reference).request().version());
    }
}
