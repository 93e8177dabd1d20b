package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.DeliveryReport;
import sa.mustafeed.core.staff.DeliveryTally;
import sa.mustafeed.core.staff.ServiceReport;
import sa.mustafeed.core.staff.ServiceTally;

/** The staff API names things in the words of functions/messages/labels/, as the console and the site do. */
class StaffJsonTest {

    @Test
    void channelLabels_areTheLabelsFilesWords() {
        for (Channel channel : Channel.values()) {
            assertEquals(
                    Map.of("ar", channel.label().ar(), "en", channel.label().en()), StaffJson.channelLabel(channel));
        }
        assertEquals(Map.of("ar", "جهاز الخدمة الذاتية", "en", "Lobby kiosk"), StaffJson.channelLabel(Channel.KIOSK));
    }

    @Test
    void statusLabels_areTheStaffWording() {
        long[] none = new long[ServiceTally.HOUR_BUCKETS.length + 1];
        ServiceReport report = ServiceReport.of(List.of(new ServiceTally(
                YearMonth.of(2026, 11),
                Channel.WEB,
                Category.SERVICE,
                1,
                Map.of(Status.WAITING_FOR_BENEFICIARY, 1L),
                0,
                0,
                none,
                0,
                0,
                none,
                0,
                0)));

        Map<?, ?> waiting = (Map<?, ?>) ((List<?>) StaffJson.serviceReport(report, DeliveryReport.of(List.of()))
                        .get("byStatus"))
                .getFirst();

        assertEquals(
                Map.of("ar", "بانتظار استكمال من المستفيد", "en", "Waiting for the beneficiary"),
                waiting.get("statusLabel"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeliveryRowOfNothingSent_hasANullRate_notZero() {
        // Only counted receipts make a row without sends (a counter written by hand, a future counter):
        // "0 %" would say every message failed.
        DeliveryReport deliveries =
                DeliveryReport.of(List.of(new DeliveryTally(YearMonth.of(2026, 11), Delivery.SMS, "sns", 0, 0, 0)));

        Map<String, Object> row = ((List<Map<String, Object>>)
                        StaffJson.serviceReport(ServiceReport.of(List.of()), deliveries)
                                .get("deliveries"))
                .getFirst();

        assertEquals(true, row.containsKey("deliveryRate"));
        assertEquals(null, row.get("deliveryRate"));
        assertEquals(Map.of("ar", "Amazon SNS", "en", "Amazon SNS"), row.get("providerLabel"));
    }

    @Test
    void aLegRefusedBeforeItLeft_showsItsReason_andALegStillWaiting_hasNone() {
        Instant at = Instant.parse("2026-11-25T08:30:00Z");
        Map<String, Object> refused = StaffJson.delivery(new MessageDelivery(
                3,
                MessageKind.COMPLETED_WITH_SURVEY,
                DeliveryLeg.refused(Delivery.WHATSAPP, "whatsapp", "paused", at)));
        Map<String, Object> waiting = StaffJson.delivery(new MessageDelivery(
                1, MessageKind.WAITING_FOR_BENEFICIARY, DeliveryLeg.sent(Delivery.SMS, "x", "1", at)));

        assertEquals("survey", refused.get("kind"));
        assertEquals("failed", refused.get("state"));
        assertEquals("paused", refused.get("reason"));
        assertEquals("status", waiting.get("kind"));
        assertEquals("sent", waiting.get("state"));
        assertEquals(false, waiting.containsKey("reason"));
        assertEquals(Map.of("ar", "x", "en", "x"), waiting.get("providerLabel"), "an unnamed provider by its code");
        assertEquals(false, waiting.containsKey("providerMessageId"));
    }
}
