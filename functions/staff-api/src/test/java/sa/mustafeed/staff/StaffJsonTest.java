package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
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

        Map<?, ?> waiting =
                (Map<?, ?>) ((List<?>) StaffJson.serviceReport(report).get("byStatus")).getFirst();

        assertEquals(
                Map.of("ar", "بانتظار استكمال من المستفيد", "en", "Waiting for the beneficiary"),
                waiting.get("statusLabel"));
    }
}
