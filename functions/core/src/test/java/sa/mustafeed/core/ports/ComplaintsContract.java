package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.complaints.ComplaintOutcome;
import sa.mustafeed.core.complaints.ComplaintTally;
import sa.mustafeed.core.complaints.HandlingAnswer;
import sa.mustafeed.core.complaints.HandlingRating;
import sa.mustafeed.core.complaints.OutcomeResult;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;

/**
 * The promises of {@link Complaints}, kept beside the requests as the table keeps them: an outcome
 * once, with its reply as one new version, stopping the respond-by clock; a rating once and only
 * after the outcome; both counted in the complaint's month. The in-memory fake and the DynamoDB
 * adapter both run them.
 */
public abstract class ComplaintsContract {
    /** The requests, their staff view and their complaint handling, over one store. */
    public record Stores(RequestRepository requests, CaseRepository cases, Complaints complaints) {}

    protected abstract Stores emptyStores() throws Exception;

    private static final Instant RECEIVED = SampleDrafts.NOW;
    private Stores stores;
    private ServiceRequest complaint;

    @BeforeEach
    void aComplaint() throws Exception {
        stores = emptyStores();
        ServiceRequest r = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        complaint = new ServiceRequest(
                new ReferenceCode("K7XW3A47"),
                Category.COMPLAINT,
                r.channel(),
                r.status(),
                r.name(),
                r.mobile(),
                r.mobileHash(),
                r.email(),
                r.nationalIdHash(),
                r.nationalIdLast4(),
                r.city(),
                r.description(),
                r.preferredContact(),
                r.language(),
                r.onBehalf(),
                r.consentVersion(),
                r.consentAt(),
                RECEIVED,
                RECEIVED,
                1);
        stores.requests().create(complaint, new TimelineEntry(RECEIVED, Status.RECEIVED), Optional.empty());
    }

    private static ComplaintOutcome outcome(OutcomeResult result, Instant at, boolean onTime) {
        return new ComplaintOutcome(result, "رتّبنا دور الانتظار", at, "m1", "نورة", onTime);
    }

    private CaseEvent reply(Instant at) {
        return CaseEvent.reply(at, "نتيجة شكواك: شكوى مقبولة", "نورة", Status.RECEIVED);
    }

    @Test
    void anOutcome_isRecordedOnce_withItsReplyAsOneNewVersion_andStopsTheClock() {
        Instant at = RECEIVED.plusSeconds(3600);
        assertEquals(ComplaintHandling.NONE, stores.complaints().handling(complaint.reference()));

        assertEquals(
                Complaints.Recording.RECORDED,
                stores.complaints().recordOutcome(complaint, outcome(OutcomeResult.UPHELD, at, true), reply(at)));
        assertEquals(
                Complaints.Recording.ALREADY_RECORDED,
                stores.complaints()
                        .recordOutcome(
                                complaint, outcome(OutcomeResult.NOT_UPHELD, at, true), reply(at.plusSeconds(1))));

        assertEquals(
                Optional.of(outcome(OutcomeResult.UPHELD, at, true)),
                stores.complaints().handling(complaint.reference()).outcome());
        CaseFile file = stores.cases().find(complaint.reference()).orElseThrow();
        assertEquals(2, file.request().version());
        assertEquals(Optional.of(at), file.clock().respondedAt());
        assertEquals(
                1,
                file.events().stream()
                        .filter(e -> e.kind() == CaseEvent.Kind.REPLY)
                        .count());
    }

    @Test
    void aRating_comesOnceAndOnlyAfterTheOutcome_andBothAreCountedInTheComplaintsMonth() {
        HandlingRating rating =
                new HandlingRating(HandlingAnswer.SATISFIED, Optional.of("شكرًا"), RECEIVED.plusSeconds(7200));
        assertEquals(Complaints.Recording.NO_OUTCOME, stores.complaints().rate(complaint, rating));
        Instant late = RECEIVED.plusSeconds(60);
        stores.complaints().recordOutcome(complaint, outcome(OutcomeResult.NOT_UPHELD, late, false), reply(late));
        assertEquals(Complaints.Recording.RECORDED, stores.complaints().rate(complaint, rating));
        assertEquals(Complaints.Recording.ALREADY_RECORDED, stores.complaints().rate(complaint, rating));
        assertEquals(
                Optional.of(rating),
                stores.complaints().handling(complaint.reference()).rating());

        YearMonth month = YearMonth.of(2026, 11);
        List<ComplaintTally> tallies = stores.complaints().complaintTallies(month, month);
        assertEquals(1, tallies.size());
        assertEquals(1L, tallies.get(0).outcomes().get(OutcomeResult.NOT_UPHELD));
        assertEquals(0, tallies.get(0).respondedOnTime());
        assertEquals(1L, tallies.get(0).ratings().get(HandlingAnswer.SATISFIED));
        assertTrue(stores.complaints()
                .complaintTallies(month.plusMonths(1), month.plusMonths(1))
                .isEmpty());
    }

    @Test
    void anUnknownRequest_isNotFound() {
        ServiceRequest unknown = new ServiceRequest(
                new ReferenceCode("MHF5Q2N7"),
                Category.COMPLAINT,
                complaint.channel(),
                complaint.status(),
                "",
                "",
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                "",
                complaint.preferredContact(),
                complaint.language(),
                Optional.empty(),
                "",
                RECEIVED,
                RECEIVED,
                RECEIVED,
                1);
        assertThrows(
                RequestNotFoundException.class,
                () -> stores.complaints()
                        .recordOutcome(unknown, outcome(OutcomeResult.UPHELD, RECEIVED, true), reply(RECEIVED)));
    }
}
