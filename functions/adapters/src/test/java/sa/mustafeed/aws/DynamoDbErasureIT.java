package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** PDPL erasure against moto: what is overwritten, removed and deleted, and what stays for the counts. */
@ExtendWith(MotoServer.class)
class DynamoDbErasureIT {
    private static final Instant AT = Instant.parse("2026-11-25T08:30:00Z");
    private CaseTable store;
    private ReferenceCode reference;

    @BeforeEach
    void aRequestWithANoteAPreferenceAndACooldown() throws Exception {
        store = new CaseTable();
        reference = store.store(store.request(AT, "mobile-a", Optional.of("id-a")));
        new DynamoDbCaseRepository(store.dynamoDb, store.table)
                .addNote(reference, CaseEvent.note(AT.plusSeconds(60), "اتصلت بسارة على 0501234567", "staff-7"));
        new DynamoDbContactPreferences(store.dynamoDb, store.table).stopMessages("mobile-a");
        Map<String, AttributeValue> cooldown = new HashMap<>(TableKeys.surveyCooldown("mobile-a"));
        cooldown.put("lastOfferedAt", AttributeValue.fromS(AT.toString()));
        store.dynamoDb.putItem(p -> p.tableName(store.table).item(cooldown));
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return store.dynamoDb
                .getItem(g -> g.tableName(store.table).key(key).consistentRead(true))
                .item();
    }

    @Test
    void erase_removesTheSmsFallbackPlanOfAWhatsAppMessageStillInFlight() {
        String key = reference.value() + "#v1";
        DynamoDbSentMessages sent = new DynamoDbSentMessages(store.dynamoDb, store.table);
        sent.claim(key, AT, AT.minusSeconds(300));
        sent.markSent(
                key,
                new sa.mustafeed.core.notification.SentMessage(
                        sa.mustafeed.core.notification.MessageKind.RECEIVED,
                        sa.mustafeed.core.request.Language.AR,
                        List.of(sa.mustafeed.core.notification.DeliveryLeg.sent(
                                sa.mustafeed.core.notification.Delivery.WHATSAPP, "whatsapp", "wa-1", AT)),
                        Optional.of(new sa.mustafeed.core.notification.FallbackPlan(
                                "+966501234567", "mobile-a", Map.of("reply", "نص الرد")))),
                AT);
        assertTrue(item(TableKeys.sentMessage(key)).containsKey("fallbackPlan"));

        new DynamoDbErasure(store.dynamoDb, store.table).erase(reference, AT.plusSeconds(3600));

        assertFalse(item(TableKeys.sentMessage(key)).containsKey("fallbackPlan"));
        assertTrue(item(TableKeys.sentMessage(key)).containsKey("deliveries"), "what was sent stays for the counts");
    }

    @Test
    void erase_overwritesPersonalData_keepsWhatTheCountsNeed() {
        new DynamoDbErasure(store.dynamoDb, store.table).erase(reference, AT.plusSeconds(3600));

        Map<String, AttributeValue> meta = item(TableKeys.requestItem(reference));
        assertEquals(DynamoDbErasure.ERASED, meta.get("name").s());
        assertEquals("erased", meta.get("mobile").s());
        assertEquals(DynamoDbErasure.ERASED, meta.get("description").s());
        assertEquals(DynamoDbErasure.ERASED, meta.get("city").s());
        for (String gone : List.of("email", "nationalIdHash", "nationalIdLast4", "onBehalfName", "GSI2PK", "GSI4PK")) {
            assertFalse(meta.containsKey(gone), gone);
        }
        assertTrue(meta.get("mobileHash").s().startsWith("erased-"));
        assertEquals(Status.RECEIVED.wireName(), meta.get("status").s());
        assertEquals("new_beneficiary", meta.get("category").s());
        assertEquals(AT.toString(), meta.get("submittedAt").s());
        assertEquals("MONTH#2026-11", meta.get("GSI3PK").s(), "still counted in its month");

        List<Map<String, AttributeValue>> notes = store
                .dynamoDb
                .query(q -> q.tableName(store.table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :evt)")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                AttributeValue.fromS(TableKeys.request(reference)),
                                ":evt",
                                AttributeValue.fromS("EVT#"))))
                .items()
                .stream()
                .filter(i -> i.containsKey("text"))
                .toList();
        assertEquals(1, notes.size());
        assertEquals(DynamoDbErasure.ERASED, notes.getFirst().get("text").s());

        assertTrue(item(TableKeys.contactPreference("mobile-a")).isEmpty(), "the person's preference deleted");
        assertTrue(item(TableKeys.surveyCooldown("mobile-a")).isEmpty(), "the person's cooldown deleted");
        assertTrue(
                new DynamoDbContactPreferences(store.dynamoDb, store.table)
                        .messagesStopped(meta.get("mobileHash").s()),
                "nothing is ever sent to the erased request");
    }

    @Test
    void erase_ofAnUnknownRequest_isNotFound() {
        assertThrows(
                RequestNotFoundException.class,
                () -> new DynamoDbErasure(store.dynamoDb, store.table).erase(store.newReference(), AT));
    }
}
