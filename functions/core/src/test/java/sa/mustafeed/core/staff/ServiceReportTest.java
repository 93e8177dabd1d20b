package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.sla.ServiceLevels;

/** Report arithmetic on a known data set. */
class ServiceReportTest {
    private static final ServiceLevels LEVELS = sa.mustafeed.core.fakes.SampleServiceLevels.LEVELS;

    private static Instant riyadh(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Riyadh")).toInstant();
    }

    private static CaseSummary inquiry(String code, Channel channel, Status status, String firstAction, String finished) {
        Instant submitted = riyadh("2026-11-29T08:00");
        ServiceRequest r = new ServiceRequest(new ReferenceCode(code), Category.INQUIRY, channel, status, "x",
                "+966501234567", "h", Optional.empty(), Optional.empty(), Optional.empty(), "مكة", "d", ContactMethod.SMS,
                Language.AR, Optional.empty(), "v", submitted, submitted, submitted, 1);
        return new CaseSummary(r, new CaseClock(0, Optional.empty(), Optional.ofNullable(firstAction).map(ServiceReportTest::riyadh),
                Optional.ofNullable(finished).map(ServiceReportTest::riyadh)), List.of());
    }

    @Test
    void countsMediansAndTheShareWithinTarget() {
        List<CaseSummary> data = List.of(
                inquiry("MHF5Q2N7", Channel.WEB, Status.COMPLETED, "2026-11-29T09:00", "2026-11-29T12:00"),
                inquiry(validCode("2345679"), Channel.KIOSK, Status.COMPLETED, "2026-11-29T10:00", "2026-11-30T16:00"),
                inquiry(validCode("2345678"), Channel.PHONE, Status.COMPLETED, "2026-11-29T14:00",
                        "2026-12-02T12:00"),
                inquiry(validCode("3456789"), Channel.WEB, Status.IN_REVIEW, "2026-11-29T08:30", null));
        ServiceReport report = ServiceReport.of(data, LEVELS, riyadh("2026-12-10T09:00"));

        assertEquals(4, report.requests());
        assertEquals(Map.of(Channel.WEB, 2, Channel.KIOSK, 1, Channel.PHONE, 1), report.byChannel());
        assertEquals(Map.of(Status.COMPLETED, 3, Status.IN_REVIEW, 1), report.byStatus());
        // first actions after 0.5, 1, 2 and 6 working hours
        assertEquals(Optional.of(1.0), report.firstActionMedianHours());
        assertEquals(Optional.of(6.0), report.firstActionP90Hours());
        // completions after 4, 16 and 28 working hours (Sunday 08:00 → Wednesday 12:00)
        assertEquals(Optional.of(16.0), report.completionMedianHours());
        // the 16-hour target: met, met (exactly at due), missed
        assertEquals(2.0 / 3, report.withinTarget().orElseThrow(), 1e-9);
        // 4 h is under one working day; 16 h is exactly two; 28 h three and a half
        assertEquals(Map.of("<1d", 1, "1-2d", 0, "2-5d", 2, "5-10d", 0, ">10d", 0), report.completionHistogram());
    }

    @Test
    void noData_givesEmptyFiguresNotZeros() {
        ServiceReport report = ServiceReport.of(List.of(), LEVELS, Instant.now());
        assertEquals(0, report.requests());
        assertEquals(Optional.empty(), report.completionMedianHours());
        assertEquals(Optional.empty(), report.withinTarget());
    }

    @Test
    void csv_startsWithABomAndNeutralisesFormulas() {
        String csv = RequestsCsv.write(List.of(inquiry("MHF5Q2N7", Channel.WEB, Status.COMPLETED, null, null)),
                c -> LEVELS.read(Category.INQUIRY, Status.COMPLETED, c.request().submittedAt(), 0, Optional.empty(),
                        Optional.empty(), Instant.now()));
        assertTrue(csv.startsWith("\uFEFFreference,"));
        assertTrue(csv.contains("MHF5-Q2N7,"));
        assertTrue(csv.contains(",مكة,"), "Arabic survives as UTF-8");
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", RequestsCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'-1+2", RequestsCsv.cell("-1+2"));
    }

    private static String validCode(String seven) {
        return seven + check(seven);
    }

    private static char check(String seven) {
        for (char c : "23456789ABCDEFGHJKMNPQRSTVWXY".toCharArray()) {
            if (ReferenceCode.parse(seven + c).isPresent()) {
                return c;
            }
        }
        throw new IllegalStateException();
    }
}
