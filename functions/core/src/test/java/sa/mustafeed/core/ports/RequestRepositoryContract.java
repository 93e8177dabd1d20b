package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.ports.RequestRepository.ContactChange;
import sa.mustafeed.core.ports.RequestRepository.CreateOutcome;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.RequestWithTimeline;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.ServiceTally;

/**
 * The promise {@link RequestRepository#create} makes to the reports: a created request is counted,
 * once, in the service counters of its submission month (UTC), channel and category, in the same
 * write; a refused one counts nothing. Every implementation runs these tests by extending this class
 * (the in-memory fake in core; DynamoDbRequestRepository against moto in adapters), so the fake the
 * other modules' tests rely on cannot promise more or less than the real store keeps.
 */
public abstract class RequestRepositoryContract {
    private static final Instant NOVEMBER = Instant.parse("2026-11-25T08:30:00Z");

    /** A repository and the counters it writes, over one store. */
    public record Store(RequestRepository requests, ServiceStatistics statistics) {}

    /** An empty store for each test. */
    protected abstract Store emptyStore() throws Exception;

    private Store store;
    private final SplittableRandom random = new SplittableRandom(14);

    @BeforeEach
    final void startEmpty() throws Exception {
        store = emptyStore();
    }

    private ServiceRequest request(ReferenceCode reference, Channel channel, Category category, Instant submittedAt) {
        return new ServiceRequest(
                reference,
                category,
                channel,
                Status.RECEIVED,
                "سارة العتيبي",
                "+966501234567",
                "mobilehash-" + reference.value(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "مكة",
                "وصف",
                ContactMethod.SMS,
                Language.AR,
                Optional.empty(),
                "2026-11",
                submittedAt,
                submittedAt,
                submittedAt,
                1);
    }

    private ServiceRequest request(Channel channel, Category category, Instant submittedAt) {
        return request(ReferenceCode.random(random), channel, category, submittedAt);
    }

    private CreateOutcome create(ServiceRequest request, Optional<IdempotencyRecord> key) {
        return store.requests().create(request, new TimelineEntry(request.submittedAt(), Status.RECEIVED), key);
    }

    private static Optional<IdempotencyRecord> key(String key, ServiceRequest request) {
        return Optional.of(new IdempotencyRecord(
                key,
                "fingerprint-" + request.reference().value(),
                request.reference(),
                request.category(),
                Status.RECEIVED,
                request.submittedAt(),
                request.submittedAt().plus(Duration.ofHours(24))));
    }

    private ServiceTally only(YearMonth month, Channel channel, Category category) {
        List<ServiceTally> matching = store.statistics().tallies(month, month).stream()
                .filter(t -> t.channel() == channel && t.category() == category)
                .toList();
        assertEquals(1, matching.size(), "one tally for " + month + " " + channel + " " + category + ": " + matching);
        return matching.getFirst();
    }

    private static void assertCountedAsReceived(long requests, ServiceTally tally) {
        assertEquals(requests, tally.received());
        assertEquals(Map.of(Status.RECEIVED, requests), tally.byStatus());
        // Creating a request starts no clock: no first action, no completion, nothing finished.
        assertEquals(0, tally.firstActions());
        assertEquals(0, tally.completed());
        assertEquals(0, tally.finished());
        assertArrayEquals(new long[ServiceTally.HOUR_BUCKETS.length + 1], tally.completionBuckets());
    }

    @Test
    void create_countsTheRequest_underItsMonthChannelAndCategory() {
        assertEquals(CreateOutcome.CREATED, create(request(Channel.WEB, Category.INQUIRY, NOVEMBER), Optional.empty()));

        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.WEB, Category.INQUIRY));
        assertEquals(
                1,
                store.statistics()
                        .tallies(YearMonth.of(2026, 11), YearMonth.of(2026, 11))
                        .size());
    }

    @Test
    void create_countsEveryRequestOnce_andKeepsGroupsApart() {
        for (int i = 0; i < 5; i++) {
            create(request(Channel.KIOSK, Category.SERVICE, NOVEMBER.plusSeconds(i)), Optional.empty());
        }
        create(request(Channel.KIOSK, Category.COMPLAINT, NOVEMBER), Optional.empty());
        create(request(Channel.PHONE, Category.SERVICE, NOVEMBER), Optional.empty());

        assertCountedAsReceived(5, only(YearMonth.of(2026, 11), Channel.KIOSK, Category.SERVICE));
        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.KIOSK, Category.COMPLAINT));
        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.PHONE, Category.SERVICE));
    }

    @Test
    void create_countsAStaffRegistration_underItsChannel() {
        ServiceRequest byPhone = request(Channel.PHONE, Category.NEW_BENEFICIARY, NOVEMBER);
        store.requests()
                .create(
                        byPhone,
                        new TimelineEntry(NOVEMBER, Status.RECEIVED),
                        Optional.empty(),
                        new Registration(Optional.of("staff-7"), List.of()));

        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.PHONE, Category.NEW_BENEFICIARY));
    }

    @Test
    void create_countsInTheUtcMonthOfSubmission() {
        // 23:30 UTC on 30 November is already 1 December in Riyadh; the counters follow UTC.
        create(request(Channel.WEB, Category.SUGGESTION, Instant.parse("2026-11-30T23:30:00Z")), Optional.empty());
        create(request(Channel.WEB, Category.SUGGESTION, Instant.parse("2026-12-01T00:10:00Z")), Optional.empty());

        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.WEB, Category.SUGGESTION));
        assertCountedAsReceived(1, only(YearMonth.of(2026, 12), Channel.WEB, Category.SUGGESTION));
        assertEquals(
                2,
                store.statistics().tallies(YearMonth.of(2026, 11), YearMonth.of(2026, 12)).stream()
                        .mapToLong(ServiceTally::received)
                        .sum());
    }

    @Test
    void aCreateRefusedForItsReference_countsNothing() {
        ServiceRequest first = request(Channel.WEB, Category.INQUIRY, NOVEMBER);
        create(first, Optional.empty());

        ServiceRequest sameReference =
                request(first.reference(), Channel.KIOSK, Category.COMPLAINT, NOVEMBER.plusSeconds(1));
        assertEquals(CreateOutcome.REFERENCE_TAKEN, create(sameReference, Optional.empty()));

        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.WEB, Category.INQUIRY));
        assertTrue(store.statistics().tallies(YearMonth.of(2026, 11), YearMonth.of(2026, 11)).stream()
                .noneMatch(t -> t.channel() == Channel.KIOSK && t.received() != 0));
    }

    @Test
    void aCreateRefusedForItsIdempotencyKey_countsNothing() {
        ServiceRequest first = request(Channel.WEB, Category.INQUIRY, NOVEMBER);
        assertEquals(CreateOutcome.CREATED, create(first, key("double-tap", first)));

        ServiceRequest retry = request(Channel.WEB, Category.INQUIRY, NOVEMBER.plusSeconds(2));
        assertEquals(CreateOutcome.IDEMPOTENCY_KEY_TAKEN, create(retry, key("double-tap", retry)));

        assertCountedAsReceived(1, only(YearMonth.of(2026, 11), Channel.WEB, Category.INQUIRY));
    }

    @Test
    void aStaleIdempotencyKey_isReplaced_andItsNewRequestCounted() {
        ServiceRequest first = request(Channel.WEB, Category.INQUIRY, NOVEMBER);
        create(first, key("old-key", first));

        ServiceRequest nextDay = request(Channel.WEB, Category.INQUIRY, NOVEMBER.plus(Duration.ofHours(25)));
        assertEquals(CreateOutcome.CREATED, create(nextDay, key("old-key", nextDay)));

        assertCountedAsReceived(2, only(YearMonth.of(2026, 11), Channel.WEB, Category.INQUIRY));
    }

    private ServiceRequest withEmail(ServiceRequest r, String email) {
        return new ServiceRequest(
                r.reference(),
                r.category(),
                r.channel(),
                r.status(),
                r.name(),
                r.mobile(),
                r.mobileHash(),
                Optional.of(email),
                r.nationalIdHash(),
                r.nationalIdLast4(),
                r.city(),
                r.description(),
                r.preferredContact(),
                r.language(),
                r.onBehalf(),
                r.consentVersion(),
                r.consentAt(),
                r.submittedAt(),
                r.updatedAt(),
                r.version());
    }

    private ServiceRequest stored(ReferenceCode reference) {
        return store.requests()
                .findWithTimeline(reference)
                .map(RequestWithTimeline::request)
                .orElseThrow();
    }

    @Test
    void changeContact_setsTheChoice_andLeavesStatusVersionAndUpdatedAtAlone() {
        // GIVEN a request on SMS, version 1
        ServiceRequest request = request(Channel.WEB, Category.INQUIRY, NOVEMBER);
        create(request, Optional.empty());

        // WHEN the beneficiary moves it to WhatsApp
        assertEquals(
                ContactChange.CHANGED, store.requests().changeContact(request.reference(), ContactMethod.WHATSAPP));

        // THEN its messages go by WhatsApp, and nothing the notifier or a staff page relies on moved
        ServiceRequest after = stored(request.reference());
        assertEquals(ContactMethod.WHATSAPP, after.preferredContact());
        assertEquals(request.status(), after.status());
        assertEquals(request.version(), after.version(), "no new version: the stream's copy is no message");
        assertEquals(request.updatedAt(), after.updatedAt());
        assertEquals(request.mobile(), after.mobile());
        assertEquals(
                1,
                store.requests()
                        .findWithTimeline(request.reference())
                        .orElseThrow()
                        .timeline()
                        .size());

        // AND back to SMS again
        assertEquals(ContactChange.CHANGED, store.requests().changeContact(request.reference(), ContactMethod.SMS));
        assertEquals(ContactMethod.SMS, stored(request.reference()).preferredContact());
    }

    @Test
    void changeContact_toEmail_needsAnAddressOnTheRequest() {
        ServiceRequest noAddress = request(Channel.WEB, Category.INQUIRY, NOVEMBER);
        ServiceRequest withAddress = withEmail(request(Channel.KIOSK, Category.SERVICE, NOVEMBER), "sara@example.com");
        create(noAddress, Optional.empty());
        create(withAddress, Optional.empty());

        assertEquals(
                ContactChange.NO_EMAIL, store.requests().changeContact(noAddress.reference(), ContactMethod.EMAIL));
        assertEquals(ContactMethod.SMS, stored(noAddress.reference()).preferredContact(), "nothing written");

        assertEquals(
                ContactChange.CHANGED, store.requests().changeContact(withAddress.reference(), ContactMethod.EMAIL));
        assertEquals(ContactMethod.EMAIL, stored(withAddress.reference()).preferredContact());
    }

    @Test
    void changeContact_ofAnUnknownRequest_writesNothing() {
        ReferenceCode nobody = ReferenceCode.random(random);

        assertEquals(ContactChange.NO_SUCH_REQUEST, store.requests().changeContact(nobody, ContactMethod.WHATSAPP));
        assertEquals(ContactChange.NO_SUCH_REQUEST, store.requests().changeContact(nobody, ContactMethod.EMAIL));
        assertFalse(store.requests().findWithTimeline(nobody).isPresent());
    }
}
