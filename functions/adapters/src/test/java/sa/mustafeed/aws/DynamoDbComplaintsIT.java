package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.complaints.ComplaintOutcome;
import sa.mustafeed.core.complaints.ComplaintTally;
import sa.mustafeed.core.complaints.HandlingAnswer;
import sa.mustafeed.core.complaints.HandlingRating;
import sa.mustafeed.core.complaints.OutcomeResult;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.ports.Complaints.Recording;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.testing.MotoServer;

/** A complaint's outcome and rating on the request item, against moto: once each, in order, counted. */
@ExtendWith(MotoServer.class)
class DynamoDbComplaintsIT {
    private static final Instant AT = Instant.parse("2026-11-25T08:30:00Z");
    private CaseTable store;
    private DynamoDbComplaints complaints;
    private ServiceRequest complaint;

    @BeforeEach
    void aComplaint() throws Exception {
        store = new CaseTable();
        complaints = new DynamoDbComplaints(store.dynamoDb, store.table);
        ReferenceCode reference = store.store(store.request(AT, "mobile-c", Optional.empty(), Category.COMPLAINT));
        complaint = new DynamoDbCaseRepository(store.dynamoDb, store.table)
                .find(reference)
                .orElseThrow()
                .request();
    }

    private ComplaintOutcome outcome(OutcomeResult result, Instant at) {
        return new ComplaintOutcome(result, "رتّبنا دور الانتظار", at, "m1", "نورة", true);
    }

    private CaseEvent reply(Instant at) {
        return CaseEvent.reply(at, "نتيجة شكواك: شكوى مقبولة", "نورة", complaint.status());
    }

    @Test
    void theOutcome_isRecordedOnce_asANewVersionWithItsReply_andStopsTheClock() {
        Instant at = AT.plusSeconds(3600);
        assertEquals(ComplaintHandling.NONE, complaints.handling(complaint.reference()));

        assertEquals(
                Recording.RECORDED, complaints.recordOutcome(complaint, outcome(OutcomeResult.UPHELD, at), reply(at)));
        assertEquals(
                Recording.ALREADY_RECORDED,
                complaints.recordOutcome(complaint, outcome(OutcomeResult.NOT_UPHELD, at), reply(at.plusSeconds(5))));

        assertEquals(
                Optional.of(outcome(OutcomeResult.UPHELD, at)),
                complaints.handling(complaint.reference()).outcome());
        CaseFile file = new DynamoDbCaseRepository(store.dynamoDb, store.table)
                .find(complaint.reference())
                .orElseThrow();
        assertEquals(complaint.version() + 1, file.request().version(), "one new version: the notifier sends it once");
        assertEquals(Optional.of(at), file.clock().respondedAt());
        assertEquals(
                1,
                file.events().stream()
                        .filter(e -> e.kind() == CaseEvent.Kind.REPLY)
                        .count(),
                "the refused second outcome wrote no reply");
    }

    @Test
    void theRating_comesOnceAndOnlyAfterTheOutcome_andBothAreCounted() {
        HandlingRating rating =
                new HandlingRating(HandlingAnswer.NOT_SATISFIED, Optional.of("بطيء"), AT.plusSeconds(7200));
        assertEquals(Recording.NO_OUTCOME, complaints.rate(complaint, rating));
        complaints.recordOutcome(
                complaint, outcome(OutcomeResult.PARTLY_UPHELD, AT.plusSeconds(60)), reply(AT.plusSeconds(60)));
        assertEquals(Recording.RECORDED, complaints.rate(complaint, rating));
        assertEquals(Recording.ALREADY_RECORDED, complaints.rate(complaint, rating));
        assertEquals(
                Optional.of(rating), complaints.handling(complaint.reference()).rating());

        List<ComplaintTally> tallies = complaints.complaintTallies(YearMonth.of(2026, 11), YearMonth.of(2026, 11));
        assertEquals(1, tallies.size());
        assertEquals(1L, tallies.get(0).outcomes().get(OutcomeResult.PARTLY_UPHELD));
        assertEquals(0L, tallies.get(0).outcomes().get(OutcomeResult.UPHELD));
        assertEquals(1, tallies.get(0).respondedOnTime());
        assertEquals(1L, tallies.get(0).ratings().get(HandlingAnswer.NOT_SATISFIED));
        assertTrue(complaints
                .complaintTallies(YearMonth.of(2026, 10), YearMonth.of(2026, 10))
                .isEmpty());
    }

    @Test
    void erasure_removesTheWords_keepsTheResultAndTheAnswer() {
        complaints.recordOutcome(
                complaint, outcome(OutcomeResult.UPHELD, AT.plusSeconds(60)), reply(AT.plusSeconds(60)));
        complaints.rate(
                complaint, new HandlingRating(HandlingAnswer.SATISFIED, Optional.of("شكرًا سارة"), AT.plusSeconds(90)));
        new DynamoDbErasure(store.dynamoDb, store.table).erase(complaint.reference(), AT.plusSeconds(3600));

        ComplaintHandling after = complaints.handling(complaint.reference());
        assertEquals(OutcomeResult.UPHELD, after.outcome().orElseThrow().result());
        assertEquals("", after.outcome().orElseThrow().actionTaken());
        assertEquals(HandlingAnswer.SATISFIED, after.rating().orElseThrow().answer());
        assertFalse(after.rating().orElseThrow().comment().isPresent());
    }

    @Test
    void anUnknownRequest_isNotFound() {
        ServiceRequest unknown = store.request(AT, "mobile-x", Optional.empty(), Category.COMPLAINT);
        assertThrows(
                RequestNotFoundException.class,
                () -> complaints.recordOutcome(unknown, outcome(OutcomeResult.UPHELD, AT), reply(AT)));
    }
}
