package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.IdempotencyConflictException;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;

class SubmissionServiceTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);

    private SubmissionService service(RandomGenerator random) {
        return new SubmissionService(
                RequestRules.forPublicChannels(), repository, SampleDrafts.HASHER, clock, random, "2026-11");
    }

    @Test
    void submit_storesTheRequestAsReceivedWithItsFirstTimelineEntry() {
        SubmissionReceipt receipt = service(new SplittableRandom(1)).submit(SampleDrafts.valid(), Optional.empty());

        assertEquals(Status.RECEIVED, receipt.status());
        assertEquals(SampleDrafts.NOW, receipt.submittedAt());
        assertFalse(receipt.replayed());
        RequestWithTimeline stored =
                repository.findWithTimeline(receipt.reference()).orElseThrow();
        assertEquals("+966501234567", stored.request().mobile());
        assertEquals("2026-11", stored.request().consentVersion());
        assertEquals(List.of(new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED)), stored.timeline());
    }

    @Test
    void submit_keepsOnlyAKeyedHashAndLastFourOfTheNationalId() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft withId = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                "1526018153",
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                null,
                null);
        SubmissionReceipt receipt = service(new SplittableRandom(1)).submit(withId, Optional.empty());

        ServiceRequest stored =
                repository.findWithTimeline(receipt.reference()).orElseThrow().request();
        assertEquals(Optional.of("8153"), stored.nationalIdLast4());
        assertEquals(64, stored.nationalIdHash().orElseThrow().length());
        assertFalse(stored.toString().contains("1526018153"), "the full ID must not be stored anywhere");
    }

    @Test
    void submit_withTheSameKeyAndBody_returnsTheFirstAnswerAndStoresNothingNew() {
        SubmissionService service = service(new SplittableRandom(1));
        SubmissionReceipt first = service.submit(SampleDrafts.valid(), Optional.of("key-1"));
        clock.advance(Duration.ofMinutes(3));
        SubmissionReceipt retry = service.submit(SampleDrafts.valid(), Optional.of("key-1"));

        assertEquals(first.reference(), retry.reference());
        assertEquals(first.submittedAt(), retry.submittedAt());
        assertTrue(retry.replayed());
        assertEquals(1, repository.size());
    }

    @Test
    void submit_withTheSameKeyAndAnotherBody_isAConflict() {
        SubmissionService service = service(new SplittableRandom(1));
        service.submit(SampleDrafts.valid(), Optional.of("key-1"));

        assertThrows(
                IdempotencyConflictException.class,
                () -> service.submit(SampleDrafts.withCity("جدة"), Optional.of("key-1")));
        assertEquals(1, repository.size());
    }

    @Test
    void submit_afterTheIdempotencyWindow_treatsTheKeyAsNew() {
        SubmissionService service = service(new SplittableRandom(1));
        service.submit(SampleDrafts.valid(), Optional.of("key-1"));
        clock.advance(SubmissionService.IDEMPOTENCY_WINDOW.plusSeconds(1));

        SubmissionReceipt later = service.submit(SampleDrafts.withCity("جدة"), Optional.of("key-1"));
        assertFalse(later.replayed());
        assertEquals(2, repository.size());
    }

    @Test
    void submit_whenTheReferenceIsTaken_picksAnother() {
        service(new SplittableRandom(42)).submit(SampleDrafts.valid(), Optional.empty());
        // The same seed draws the same first reference, which is now taken.
        SubmissionReceipt second = service(new SplittableRandom(42)).submit(SampleDrafts.valid(), Optional.empty());

        assertEquals(2, repository.size());
        assertTrue(repository.findWithTimeline(second.reference()).isPresent());
    }

    @Test
    void submit_withABadIdempotencyKey_isRefusedBeforeAnythingIsStored() {
        assertThrows(
                InvalidInputException.class,
                () -> service(new SplittableRandom(1)).submit(SampleDrafts.valid(), Optional.of("has space")));
        assertThrows(
                InvalidInputException.class,
                () -> service(new SplittableRandom(1)).submit(SampleDrafts.valid(), Optional.of("k".repeat(129))));
        assertEquals(0, repository.size());
    }

    /** A kiosk double tap: many identical submissions at once with one key make exactly one request. */
    @Test
    void submit_concurrentRetriesWithOneKey_makeExactlyOneRequest() throws Exception {
        SubmissionService service = service(new java.security.SecureRandom());
        List<Callable<SubmissionReceipt>> taps = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            taps.add(() -> service.submit(SampleDrafts.valid(), Optional.of("double-tap")));
        }
        Set<String> references = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<SubmissionReceipt> answer : pool.invokeAll(taps)) {
                references.add(answer.get().reference().value());
            }
        }
        assertEquals(1, references.size());
        assertEquals(1, repository.size());
    }

    private SubmissionService staffDesk() {
        return new SubmissionService(
                RequestRules.forStaffChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(1),
                "2026-11");
    }

    private static RequestDraft letterReceivedAt(String receivedAt) {
        RequestDraft d = SampleDrafts.valid();
        return new RequestDraft(
                d.category(),
                "letter",
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                null,
                null,
                receivedAt);
    }

    private static List<String> codes(InvalidInputException e) {
        return e.errors().stream()
                .map(f -> f.field().orElse("-") + "=" + f.code().code())
                .toList();
    }

    @Test
    void register_aLetterReceivedYesterday_startsItsClockYesterday_andKeepsConsentAtNow() {
        // GIVEN a letter stamped yesterday 09:15 Makkah time, typed in today
        Instant yesterday = Instant.parse("2026-11-24T06:15:00Z");

        // WHEN an employee registers it
        SubmissionReceipt receipt = staffDesk()
                .submit(letterReceivedAt("2026-11-24T09:15+03:00"), Optional.of("k-letter"), Optional.of("أمل"));

        // THEN submitted time and first timeline entry are yesterday's; consent was given today
        assertEquals(yesterday, receipt.submittedAt());
        RequestWithTimeline stored =
                repository.findWithTimeline(receipt.reference()).orElseThrow();
        assertEquals(yesterday, stored.request().submittedAt());
        assertEquals(SampleDrafts.NOW, stored.request().consentAt());
        assertEquals(List.of(new TimelineEntry(yesterday, Status.RECEIVED)), stored.timeline());
        assertEquals(
                yesterday, repository.findIdempotency("k-letter").orElseThrow().submittedAt());
    }

    @Test
    void register_aFutureReceivedTime_isRefusedWithTheOtherErrors_andStoresNothing() {
        RequestDraft future = letterReceivedAt("2026-11-25T12:00+03:00"); // NOW + 30 min
        RequestDraft noName = new RequestDraft(
                future.category(),
                future.channel(),
                null,
                future.mobile(),
                null,
                null,
                future.city(),
                future.description(),
                "sms",
                "ar",
                true,
                null,
                null,
                future.receivedAt());

        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> staffDesk().submit(noName, Optional.empty(), Optional.of("أمل")));

        assertEquals(List.of("name=required", "receivedAt=received_in_future"), codes(e));
        assertEquals(0, repository.size());
    }

    @Test
    void register_aReceivedTimeWithinTheClockSkew_startsNow() {
        SubmissionReceipt receipt =
                staffDesk().submit(letterReceivedAt("2026-11-25T11:33+03:00"), Optional.empty(), Optional.of("أمل"));

        assertEquals(SampleDrafts.NOW, receipt.submittedAt());
    }

    @Test
    void register_aReceivedTimeMonthsAgo_orNotADate_isRefused() {
        InvalidInputException old = assertThrows(
                InvalidInputException.class,
                () -> staffDesk()
                        .submit(letterReceivedAt("2025-11-24T09:15+03:00"), Optional.empty(), Optional.of("أمل")));
        InvalidInputException garbled = assertThrows(
                InvalidInputException.class,
                () -> staffDesk().submit(letterReceivedAt("yesterday"), Optional.empty(), Optional.of("أمل")));

        assertEquals(List.of("receivedAt=received_too_long_ago"), codes(old));
        assertEquals(List.of("receivedAt=invalid_date"), codes(garbled));
    }

    @Test
    void submit_fromThePublic_ignoresAReceivedTime() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft backdated = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                null,
                null,
                "2026-11-01T09:00+03:00");

        SubmissionReceipt receipt = service(new SplittableRandom(1)).submit(backdated, Optional.empty());

        assertEquals(SampleDrafts.NOW, receipt.submittedAt());
    }

    @Test
    void register_theSameKeyWithAnotherReceivedTime_isAConflict() {
        SubmissionService desk = staffDesk();
        desk.submit(letterReceivedAt("2026-11-24T09:15+03:00"), Optional.of("k-1"), Optional.of("أمل"));

        assertThrows(
                IdempotencyConflictException.class,
                () -> desk.submit(letterReceivedAt("2026-11-23T09:15+03:00"), Optional.of("k-1"), Optional.of("أمل")));
    }

    @Test
    void submit_anonymousComplaint_getsATrackingCode_andKeepsNoWayToTheSender() {
        SubmissionReceipt receipt =
                service(new SplittableRandom(1)).submit(SampleDrafts.anonymousComplaint(), Optional.empty());

        String code = receipt.trackingCode().orElseThrow();
        assertEquals(new TrackingCodes(SampleDrafts.HASHER).codeFor(receipt.reference()), code);
        ServiceRequest stored =
                repository.findWithTimeline(receipt.reference()).orElseThrow().request();
        assertTrue(stored.anonymous());
        assertEquals("", stored.name());
        assertEquals("", stored.mobile());
        assertEquals("", stored.mobileHash());
        assertTrue(
                receipt.nextSteps().en().contains("cannot call you back"),
                receipt.nextSteps().en());
    }

    @Test
    void submit_namedRequest_hasNoTrackingCode() {
        SubmissionReceipt receipt = service(new SplittableRandom(1)).submit(SampleDrafts.valid(), Optional.empty());

        assertEquals(Optional.empty(), receipt.trackingCode());
    }

    @Test
    void submit_anonymousRetry_answersWithTheSameTrackingCode_soALostAnswerLosesNothing() {
        SubmissionService service = service(new SplittableRandom(1));
        SubmissionReceipt first = service.submit(SampleDrafts.anonymousComplaint(), Optional.of("kiosk-retry-1"));
        SubmissionReceipt retry = service.submit(SampleDrafts.anonymousComplaint(), Optional.of("kiosk-retry-1"));

        assertTrue(retry.replayed());
        assertEquals(first.reference(), retry.reference());
        assertEquals(first.trackingCode(), retry.trackingCode());
    }

    @Test
    void submit_twoAnonymousComplaints_areNeverFlaggedAsTheSamePerson() {
        SubmissionService service = service(new SplittableRandom(1));
        service.submit(SampleDrafts.anonymousComplaint(), Optional.empty());
        SubmissionReceipt second = service.submit(SampleDrafts.anonymousComplaint(), Optional.empty());

        assertEquals(List.of(), second.possibleDuplicates());
    }
}
