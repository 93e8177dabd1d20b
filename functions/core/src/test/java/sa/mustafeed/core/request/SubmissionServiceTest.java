package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
}
