package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;

/** Report arithmetic on a known set of counters. */
class ServiceReportTest {

    private static long[] buckets(int... hoursPerAnswer) {
        long[] counts = new long[ServiceTally.HOUR_BUCKETS.length + 1];
        for (int hours : hoursPerAnswer) {
            counts[ServiceTally.bucketOf(hours * 60L)]++;
        }
        return counts;
    }

    @Test
    void addsTheShardsMonthsAndGroups() {
        List<ServiceTally> tallies = List.of(
                new ServiceTally(
                        YearMonth.of(2026, 10),
                        Channel.WEB,
                        Category.INQUIRY,
                        3,
                        Map.of(Status.COMPLETED, 2L, Status.IN_REVIEW, 1L),
                        3,
                        60 * (1 + 3 + 6),
                        buckets(1, 3, 6),
                        2,
                        60 * (4 + 28),
                        buckets(4, 28),
                        2,
                        1),
                new ServiceTally(
                        YearMonth.of(2026, 11),
                        Channel.KIOSK,
                        Category.INQUIRY,
                        2,
                        Map.of(Status.COMPLETED, 1L, Status.RECEIVED, 1L),
                        1,
                        30,
                        buckets(0),
                        1,
                        60 * 16,
                        buckets(16),
                        1,
                        1));
        ServiceReport report = ServiceReport.of(tallies);

        assertEquals(5, report.requests());
        assertEquals(Map.of(Channel.WEB, 3L, Channel.KIOSK, 2L), report.byChannel());
        assertEquals(Map.of(Category.INQUIRY, 5L), report.byCategory());
        assertEquals(Map.of(Status.COMPLETED, 3L, Status.IN_REVIEW, 1L, Status.RECEIVED, 1L), report.byStatus());
        // first actions after 0.5, 1, 3 and 6 working hours: average 2.6; median in the 1-2 h bucket; p90 in 4-8 h
        assertEquals(Optional.of(2.6), report.firstActionAverageHours());
        assertEquals(Optional.of(2.0), report.firstActionMedianHours());
        assertEquals(Optional.of(8.0), report.firstActionP90Hours());
        // completions after 4, 16 and 28 working hours
        assertEquals(Optional.of(16.0), report.completionAverageHours());
        assertEquals(Optional.of(24.0), report.completionMedianHours());
        assertEquals(2.0 / 3, report.withinTarget().orElseThrow(), 1e-9);
        assertEquals(1, report.completionHistogram().get("4-8h"));
        assertEquals(1, report.completionHistogram().get("16-24h"));
        assertEquals(1, report.completionHistogram().get("24-40h"));
    }

    @Test
    void noData_givesEmptyFiguresNotZeros() {
        ServiceReport report = ServiceReport.of(List.of());
        assertEquals(0, report.requests());
        assertEquals(Optional.empty(), report.completionMedianHours());
        assertEquals(Optional.empty(), report.withinTarget());
    }

    @Test
    void csv_startsWithABomAndNeutralisesFormulas() {
        Instant submitted = Instant.parse("2026-11-29T05:00:00Z");
        ServiceRequest r = new ServiceRequest(
                new ReferenceCode("MHF5Q2N7"),
                Category.INQUIRY,
                Channel.WEB,
                Status.COMPLETED,
                "x",
                "+966501234567",
                "h",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "مكة",
                "d",
                ContactMethod.SMS,
                Language.AR,
                Optional.empty(),
                "v",
                submitted,
                submitted,
                submitted,
                1);
        String csv = RequestsCsv.write(
                List.of(new CaseSummary(r, CaseClock.NEW, List.of(), false)),
                c -> SampleServiceLevels.LEVELS.read(
                        Category.INQUIRY,
                        Status.COMPLETED,
                        submitted,
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Instant.now()),
                Language.AR);
        assertTrue(csv.startsWith("\uFEFFرقم الطلب,"));
        assertTrue(csv.contains("MHF5-Q2N7,"));
        assertTrue(csv.contains(",مكة,"), "Arabic survives as UTF-8");
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", RequestsCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'-1+2", RequestsCsv.cell("-1+2"));
    }
}
