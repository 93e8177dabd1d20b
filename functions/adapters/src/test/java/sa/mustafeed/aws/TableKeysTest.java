package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys are the stored layout (docs/ARCHITECTURE.md, "Data") and the IAM pins in template.yaml:
 * each is spelled out here, so a prefix can only change on purpose.
 */
class TableKeysTest {
    private static final ReferenceCode REF = new ReferenceCode("MHF5Q2N7");
    private static final Instant AT = Instant.parse("2026-11-25T08:30:00Z");

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    @Test
    void itemKeys_followTheDocumentedLayout() {
        assertEquals(key("REQ#MHF5Q2N7", "META"), TableKeys.requestItem(REF));
        assertEquals(key("REQ#MHF5Q2N7", "DOC#d1"), TableKeys.document(REF, "d1"));
        assertEquals("EVT#2026-11-25T08:30:00Z#note#ab12cd34", TableKeys.event(AT, "note", "ab12cd34"));
        assertEquals(key("IDEM#k-1", "IDEM"), TableKeys.idempotency("k-1"));
        assertEquals(key("RATE#ref:MHF5Q2N7", "W#" + AT.getEpochSecond()), TableKeys.attempts("ref:MHF5Q2N7", AT));
        assertEquals(key("MSG#MHF5Q2N7#v2", "MSG"), TableKeys.sentMessage("MHF5Q2N7#v2"));
        assertEquals(key("PREF#h", "CONTACT"), TableKeys.contactPreference("h"));
        assertEquals(key("SURVEY#s1", "SURVEY"), TableKeys.surveyInvitation("s1"));
        assertEquals(key("SURVEYPREF#h", "COOLDOWN"), TableKeys.surveyCooldown("h"));
        assertEquals("ANSWER#2026-11", TableKeys.answers(AT));
        assertEquals(key("ANSWER#2026-11", "2026-11-25T08:30:00Z#s1"), TableKeys.answer(AT, "s1"));
        assertEquals(
                key("ANSWER#2026-11", "2026-11-25T08:30:00Z#kiosk#ab12cd34"), TableKeys.kioskAnswer(AT, "ab12cd34"));
    }

    @Test
    void counterKeys_namePartitionsByMonthAndShardsByGroup() {
        YearMonth month = YearMonth.of(2026, 3);
        assertEquals("SVCAGG#2026-03", TableKeys.serviceCounters(month));
        assertEquals("CH#web#CAT#complaint#S#7", TableKeys.serviceCounterShard(Channel.WEB, Category.COMPLAINT, 7));
        assertEquals("SURVEYAGG#2026-03", TableKeys.satisfactionCounters(month));
        assertEquals(
                "Q#overall#CH#kiosk#CAT#none",
                TableKeys.satisfactionCounter("overall", Channel.KIOSK, Optional.empty()));
        assertEquals(
                "Q#overall#CH#web#CAT#complaint",
                TableKeys.satisfactionCounter("overall", Channel.WEB, Optional.of(Category.COMPLAINT)));
        // links sent share the month's partition; the tallies' Query (begins_with Q#) never reads them
        assertEquals("SENT#CH#phone", TableKeys.surveyLinksCounter(Channel.PHONE));
        assertFalse(TableKeys.surveyLinksCounter(Channel.PHONE).startsWith(TableKeys.SATISFACTION_QUESTION_MARK));
    }

    @Test
    void indexPartitions_followTheDocumentedLayout() {
        assertEquals("STATUS#in_review", TableKeys.statusQueue(Status.IN_REVIEW));
        assertEquals("BEN#h", TableKeys.beneficiary("h"));
        assertEquals("NID#h", TableKeys.nationalId("h"));
        assertEquals("MONTH#2026-11", TableKeys.month(AT));
        assertEquals("MONTH#2026-01", TableKeys.month(YearMonth.of(2026, 1)));
        // The month is the UTC month: 23:30 UTC on the last day is still that month.
        assertEquals("MONTH#2026-01", TableKeys.month(Instant.parse("2026-01-31T23:30:00Z")));
    }

    @Test
    void recognisers_tellRequestItemsQueuePartitionsAndMessageKeys() {
        assertTrue(TableKeys.isRequestItem("REQ#MHF5Q2N7", "META"));
        assertFalse(TableKeys.isRequestItem("REQ#MHF5Q2N7", "EVT#2026"));
        assertFalse(TableKeys.isRequestItem("MSG#MHF5Q2N7#v1", "META"));
        assertFalse(TableKeys.isRequestItem(null, "META"));
        assertTrue(TableKeys.isQueuePartition("STATUS#received"));
        assertTrue(TableKeys.isQueuePartition("MONTH#2026-11"));
        assertFalse(TableKeys.isQueuePartition("BEN#h"));
        assertFalse(TableKeys.isQueuePartition(""));
        assertEquals(Optional.of("MHF5Q2N7#v3"), TableKeys.messageKeyOf("MSG#MHF5Q2N7#v3"));
        assertEquals(Optional.empty(), TableKeys.messageKeyOf("REQ#MHF5Q2N7"));
    }
}
