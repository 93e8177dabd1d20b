package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.FallbackPlan;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.PendingFallback;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.ports.DeliveryLog;
import sa.mustafeed.core.ports.SentMessages;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A WhatsApp message's whole life against moto: sent and indexed, its failed receipt asking for the
 * SMS once, the SMS claimed once and recorded as the second leg, the plan (personal data) gone after.
 */
@ExtendWith(MotoServer.class)
class DynamoDbDeliveriesIT {
    private static final Instant AT = Instant.parse("2026-11-25T08:30:00Z");
    private CaseTable store;
    private ReferenceCode reference;
    private String key;
    private DynamoDbSentMessages sent;
    private DynamoDbDeliveryLog log;

    @BeforeEach
    void aStoredRequest() throws Exception {
        store = new CaseTable();
        reference = store.store(store.request(AT, "mobile-a", Optional.empty()));
        key = reference.value() + "#v1";
        sent = new DynamoDbSentMessages(store.dynamoDb, store.table);
        log = new DynamoDbDeliveryLog(store.dynamoDb, store.table);
    }

    private void sendByWhatsApp(String providerId) {
        assertEquals(SentMessages.Claim.CLAIMED, sent.claim(key, AT, AT.minusSeconds(300)));
        sent.markSent(
                key,
                new SentMessage(
                        MessageKind.RECEIVED,
                        Language.AR,
                        List.of(DeliveryLeg.sent(Delivery.WHATSAPP, "whatsapp", providerId, AT)),
                        Optional.of(new FallbackPlan("+966501230000", "mobile-a", Map.of("reference", "X")))),
                AT);
    }

    private Map<String, AttributeValue> messageItem() {
        return store.dynamoDb
                .getItem(g ->
                        g.tableName(store.table).key(TableKeys.sentMessage(key)).consistentRead(true))
                .item();
    }

    private long counter(String channelProvider, String name) {
        long total = 0;
        for (int shard = 0; shard < DeliveryItems.SHARDS; shard++) {
            int s = shard;
            Map<String, AttributeValue> item = store.dynamoDb
                    .getItem(g -> g.tableName(store.table)
                            .key(TableKeys.deliveryCounter(
                                    java.time.YearMonth.of(2026, 11),
                                    s,
                                    channelProvider.substring(0, channelProvider.indexOf('#')),
                                    channelProvider.substring(channelProvider.indexOf('#') + 1)))
                            .consistentRead(true))
                    .item();
            if (item != null && item.containsKey(name)) {
                total += Long.parseLong(item.get(name).n());
            }
        }
        return total;
    }

    @Test
    void aFailedWhatsAppLeg_asksOnceForItsSms_whichBecomesTheSecondLeg() {
        sendByWhatsApp("wa-1");
        DeliveryLog.LegAddress leg = log.find("whatsapp", "wa-1").orElseThrow();
        assertEquals(0, leg.leg());
        assertEquals(Delivery.WHATSAPP, leg.channel());
        assertEquals(reference, leg.reference());

        assertTrue(log.settle(leg, DeliveryState.FAILED, Optional.of("whatsapp 131026"), AT.plusSeconds(5), true));
        assertFalse(log.settle(leg, DeliveryState.FAILED, Optional.of("again"), AT.plusSeconds(6), true), "replay");
        assertEquals("requested", messageItem().get("fallback").s());

        PendingFallback pending =
                sent.claimFallback(key, AT.plusSeconds(10), AT).orElseThrow();
        assertEquals("+966501230000", pending.plan().to());
        assertEquals(MessageKind.RECEIVED, pending.kind());
        assertTrue(sent.claimFallback(key, AT.plusSeconds(11), AT).isEmpty(), "claimed once");
        sent.markFallbackSent(
                key, DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-7", AT.plusSeconds(12)), AT.plusSeconds(12));

        assertFalse(messageItem().containsKey("fallbackPlan"), "the number and words are gone once the SMS is sent");
        List<MessageDelivery> deliveries = log.deliveriesOf(reference, 3);
        assertEquals(2, deliveries.size());
        assertEquals(DeliveryState.FAILED, deliveries.get(0).leg().state());
        assertEquals(Optional.of("whatsapp 131026"), deliveries.get(0).leg().reason());
        assertEquals(Delivery.SMS, deliveries.get(1).leg().channel());
        assertEquals(1, log.find("unifonic", "u-7").orElseThrow().leg());
        assertEquals(1, counter("whatsapp#whatsapp", "sent"));
        assertEquals(1, counter("whatsapp#whatsapp", "failed"));
        assertEquals(1, counter("sms#unifonic", "sent"));
    }

    @Test
    void reach_aNewerDeliveryClearsTheFlag_anOlderFailureDoesNotSetIt() {
        log.recordReach(reference, 2, false);
        assertEquals("2", requestItem().get("notReachedVersion").n());
        log.recordReach(reference, 3, true);
        assertFalse(requestItem().containsKey("notReachedVersion"));
        log.recordReach(reference, 2, false);
        assertFalse(requestItem().containsKey("notReachedVersion"), "older news");
        log.recordReach(reference, 4, false);
        assertEquals("4", requestItem().get("notReachedVersion").n());
        log.recordReach(reference, 3, true);
        assertEquals("4", requestItem().get("notReachedVersion").n(), "an older delivery keeps a newer failure");
    }

    @Test
    void aDeliveredWhatsAppLeg_forgetsThePlan() {
        sendByWhatsApp("wa-2");
        assertTrue(messageItem().containsKey("fallbackPlan"));
        assertTrue(log.settle(
                log.find("whatsapp", "wa-2").orElseThrow(), DeliveryState.DELIVERED, Optional.empty(), AT, false));
        assertFalse(messageItem().containsKey("fallbackPlan"));
        assertTrue(sent.claimFallback(key, AT, AT).isEmpty());
        assertEquals(1, counter("whatsapp#whatsapp", "delivered"));
    }

    private Map<String, AttributeValue> requestItem() {
        return store.dynamoDb
                .getItem(g -> g.tableName(store.table)
                        .key(TableKeys.requestItem(reference))
                        .consistentRead(true))
                .item();
    }
}
