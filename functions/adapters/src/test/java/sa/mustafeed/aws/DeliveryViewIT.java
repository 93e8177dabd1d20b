package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.DeliveryReceipts;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.notification.Receipt;
import sa.mustafeed.core.notification.SentMessage;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.DeliveryTally;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What staff read of message delivery, against moto, from what the notifier's and the receipts'
 * adapters write: the request item's reach flag on the case file and on its queue row, every leg of
 * every message, and the report's counters added up over their shards.
 */
@ExtendWith(MotoServer.class)
class DeliveryViewIT {
    private static final Instant SENT = Instant.parse("2026-11-20T09:00:00Z");
    private static final long TTL = SENT.plusSeconds(365L * 86_400).getEpochSecond();
    private CaseTable store;
    private DynamoDbSentMessages sentMessages;
    private DynamoDbDeliveryLog log;
    private DynamoDbCaseRepository cases;
    private DynamoDbDeliveryStatistics statistics;

    @BeforeEach
    void freshTable() throws Exception {
        store = new CaseTable();
        sentMessages = new DynamoDbSentMessages(store.dynamoDb, store.table);
        log = new DynamoDbDeliveryLog(store.dynamoDb, store.table);
        cases = new DynamoDbCaseRepository(store.dynamoDb, store.table);
        statistics = new DynamoDbDeliveryStatistics(store.dynamoDb, store.table);
    }

    /** What the notifier leaves for one message: the claim, then the legs it sent. */
    private void sent(ReferenceCode reference, long version, MessageKind kind, DeliveryLeg... legs) {
        String key = reference.value() + "#v" + version;
        sentMessages.claim(key, SENT, SENT.minusSeconds(300));
        sentMessages.markSent(key, new SentMessage(kind, Language.AR, List.of(legs), Optional.empty()), SENT);
    }

    private DeliveryReceipts.Outcome receipt(String provider, String id, DeliveryState state, String reason) {
        return new DeliveryReceipts(log)
                .apply(new Receipt(provider, id, state, Optional.ofNullable(reason), SENT.plusSeconds(90)));
    }

    private List<CaseSummary> queueRows() {
        return cases.queue(new QueueQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 30),
                        false,
                        Optional.empty(),
                        25))
                .items();
    }

    @Test
    void aFailedReceipt_flagsTheCaseFileAndItsQueueRow_andADeliveredLaterMessageClearsIt() {
        // GIVEN a request whose confirmation the provider reports undeliverable
        ReferenceCode reference = store.store(store.request(SENT, "m1", Optional.empty()));
        ReferenceCode other = store.store(store.request(SENT.plusSeconds(1), "m2", Optional.empty()));
        sent(reference, 1, MessageKind.RECEIVED, DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-1", SENT));
        assertEquals(DeliveryReceipts.Outcome.SETTLED, receipt("unifonic", "u-1", DeliveryState.FAILED, "ER-02"));

        // THEN staff see it on the file and in the queue (GSI3 projects the attribute); the other is not flagged
        assertTrue(cases.find(reference).orElseThrow().notReached());
        assertFalse(cases.find(other).orElseThrow().notReached());
        assertEquals(
                List.of(true, false),
                queueRows().stream().map(CaseSummary::notReached).toList());
        List<MessageDelivery> deliveries = log.deliveriesOf(reference, 1);
        assertEquals(1, deliveries.size());
        assertEquals(MessageKind.RECEIVED, deliveries.getFirst().kind());
        DeliveryLeg leg = deliveries.getFirst().leg();
        assertEquals(
                List.of(Delivery.SMS, "unifonic", DeliveryState.FAILED, Optional.of("ER-02")),
                List.of(leg.channel(), leg.provider(), leg.state(), leg.reason()));

        // WHEN a newer message (a new version) is delivered, THEN the flag is gone
        sent(reference, 2, MessageKind.STATUS_CHANGED, DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-2", SENT));
        receipt("unifonic", "u-2", DeliveryState.DELIVERED, null);
        assertFalse(cases.find(reference).orElseThrow().notReached());
        assertFalse(queueRows().getFirst().notReached());
    }

    @Test
    void everyLegOfEveryVersion_isListedOldestFirst() {
        ReferenceCode reference = store.store(store.request(SENT, "m1", Optional.empty()));
        sent(
                reference,
                1,
                MessageKind.RECEIVED,
                DeliveryLeg.refused(Delivery.WHATSAPP, "whatsapp", "template paused", SENT),
                DeliveryLeg.sent(Delivery.SMS, "sns", "s-1", SENT.plusSeconds(1)));
        // version 2 sent nothing (a note); version 3 is the reply
        sent(reference, 3, MessageKind.REPLY, DeliveryLeg.sent(Delivery.EMAIL, "ses", "e-1", SENT.plusSeconds(60)));

        List<MessageDelivery> deliveries = log.deliveriesOf(reference, 3);

        assertEquals(
                List.of("1/RECEIVED/WHATSAPP/FAILED", "1/RECEIVED/SMS/SENT", "3/REPLY/EMAIL/SENT"),
                deliveries.stream()
                        .map(d -> d.version() + "/" + d.kind() + "/" + d.leg().channel() + "/"
                                + d.leg().state())
                        .toList());
    }

    @Test
    void theReportsCounters_addUpEveryShardOfEachMonthAsked_andNoOtherMonth() {
        // GIVEN counters written as the notifier and receipts write them: each to a random shard of eight
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            writes.add(DeliveryItems.count(store.table, YearMonth.of(2026, 11), Delivery.SMS, "unifonic", "sent", TTL));
        }
        for (int i = 0; i < 57; i++) {
            writes.add(DeliveryItems.count(
                    store.table, YearMonth.of(2026, 11), Delivery.SMS, "unifonic", "delivered", TTL));
        }
        for (int i = 0; i < 2; i++) {
            writes.add(
                    DeliveryItems.count(store.table, YearMonth.of(2026, 11), Delivery.SMS, "unifonic", "failed", TTL));
        }
        for (int i = 0; i < 5; i++) {
            writes.add(DeliveryItems.count(
                    store.table, YearMonth.of(2026, 12), Delivery.WHATSAPP, "whatsapp", "sent", TTL));
        }
        writes.add(DeliveryItems.count(store.table, YearMonth.of(2026, 10), Delivery.SMS, "unifonic", "sent", TTL));
        for (TransactWriteItem write : writes) {
            store.dynamoDb.transactWriteItems(t -> t.transactItems(write));
        }

        // WHEN
        List<DeliveryTally> tallies = statistics.tallies(YearMonth.of(2026, 11), YearMonth.of(2026, 12));

        // THEN one tally per month, channel and provider, whatever shards the counts fell on
        assertEquals(
                List.of(
                        new DeliveryTally(YearMonth.of(2026, 11), Delivery.SMS, "unifonic", 60, 57, 2),
                        new DeliveryTally(YearMonth.of(2026, 12), Delivery.WHATSAPP, "whatsapp", 5, 0, 0)),
                tallies.stream()
                        .sorted(Comparator.comparing(DeliveryTally::month))
                        .toList());
        long shardsUsed = store
                .dynamoDb
                .query(q -> q.tableName(store.table)
                        .keyConditionExpression("PK = :p")
                        .expressionAttributeValues(java.util.Map.of(
                                ":p", RequestItems.s(TableKeys.deliveryCounters(YearMonth.of(2026, 11))))))
                .items()
                .stream()
                .map(item -> item.get(RequestItems.SK).s())
                .map(sortKey -> sortKey.substring(sortKey.lastIndexOf(TableKeys.SHARD_MARK)))
                .distinct()
                .count();
        assertTrue(shardsUsed > 1, "the counts were spread over shards, so adding them up was tested: " + shardsUsed);
    }

    @Test
    void theCountersTheNotifierAndReceiptsKeep_areWhatTheReportReads() {
        ReferenceCode reference = store.store(store.request(SENT, "m1", Optional.empty()));
        sent(reference, 1, MessageKind.RECEIVED, DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-1", SENT));
        sent(reference, 2, MessageKind.STATUS_CHANGED, DeliveryLeg.sent(Delivery.SMS, "unifonic", "u-2", SENT));
        receipt("unifonic", "u-1", DeliveryState.DELIVERED, null);
        receipt("unifonic", "u-2", DeliveryState.FAILED, "Undeliverable");
        receipt("unifonic", "u-2", DeliveryState.FAILED, "Undeliverable"); // a provider's repeat counts once

        assertEquals(
                List.of(new DeliveryTally(YearMonth.of(2026, 11), Delivery.SMS, "unifonic", 2, 1, 1)),
                statistics.tallies(YearMonth.of(2026, 11), YearMonth.of(2026, 11)));
        assertEquals(List.of(), statistics.tallies(YearMonth.of(2026, 10), YearMonth.of(2026, 10)));
    }
}
