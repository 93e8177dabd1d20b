package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.notification.Delivery;

class DeliveryReportTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void of_addsTheMonthsUpPerChannelAndProvider_inChannelOrderThenProvider() {
        DeliveryReport report = DeliveryReport.of(List.of(
                new DeliveryTally(NOVEMBER, Delivery.WHATSAPP, "whatsapp", 10, 6, 4),
                new DeliveryTally(OCTOBER, Delivery.SMS, "unifonic", 30, 28, 1),
                new DeliveryTally(NOVEMBER, Delivery.SMS, "unifonic", 20, 19, 1),
                new DeliveryTally(NOVEMBER, Delivery.SMS, "sns", 5, 0, 0),
                new DeliveryTally(NOVEMBER, Delivery.EMAIL, "ses", 2, 2, 0)));

        assertEquals(
                List.of(
                        new DeliveryReport.Row(Delivery.SMS, "sns", 5, 0, 0),
                        new DeliveryReport.Row(Delivery.SMS, "unifonic", 50, 47, 2),
                        new DeliveryReport.Row(Delivery.EMAIL, "ses", 2, 2, 0),
                        new DeliveryReport.Row(Delivery.WHATSAPP, "whatsapp", 10, 6, 4)),
                report.rows());
    }

    @Test
    void deliveryRate_isDeliveredOutOfSent_toAWholePercent_andEmptyWhenNothingWasSent() {
        assertEquals(Optional.of(0.67), new DeliveryReport.Row(Delivery.SMS, "sns", 3, 2, 1).deliveryRate());
        assertEquals(Optional.of(0.94), new DeliveryReport.Row(Delivery.SMS, "unifonic", 50, 47, 2).deliveryRate());
        assertEquals(Optional.of(1.0), new DeliveryReport.Row(Delivery.EMAIL, "ses", 2, 2, 0).deliveryRate());
        assertEquals(Optional.of(0.0), new DeliveryReport.Row(Delivery.SMS, "sns", 5, 0, 0).deliveryRate());
        assertEquals(Optional.empty(), new DeliveryReport.Row(Delivery.SMS, "sns", 0, 0, 0).deliveryRate());
    }

    @Test
    void nothingCounted_isNoRows() {
        assertEquals(List.of(), DeliveryReport.of(List.of()).rows());
    }
}
