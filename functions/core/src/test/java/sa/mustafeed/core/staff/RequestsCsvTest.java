package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

class RequestsCsvTest {
    /** 22:30 UTC on 28 February 2025 is 01:30 on 1 March in Riyadh: 1 Ramadan 1446 (Umm al-Qura). */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2025-02-28T22:30:00Z");

    private static final Instant FINISHED = Instant.parse("2025-03-02T09:15:00Z");

    private static String csv(Language language) {
        ServiceRequest r = new ServiceRequest(
                new ReferenceCode("MHF5Q2N7"),
                Category.COMPLAINT,
                Channel.LETTER,
                Status.WAITING_FOR_BENEFICIARY,
                "x",
                "+966501234567",
                "h",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "جدة",
                "d",
                ContactMethod.WHATSAPP,
                Language.EN,
                Optional.empty(),
                "v",
                LATE_EVENING_UTC,
                LATE_EVENING_UTC,
                LATE_EVENING_UTC,
                1);
        CaseClock clock = new CaseClock(0, Optional.empty(), Optional.empty(), Optional.of(FINISHED));
        return RequestsCsv.write(
                List.of(new CaseSummary(r, clock, List.of(), false)),
                c -> new ServiceLevels.Reading(ServiceLevels.State.PAUSED, FINISHED, 40, 60),
                language);
    }

    @Test
    void cell_quotesEverySeparatorASpreadsheetMightUse_andDisarmsLeadingFormulas() {
        assertEquals("plain", RequestsCsv.cell("plain"));
        assertEquals("\"x;=1+2;y\"", RequestsCsv.cell("x;=1+2;y"));
        assertEquals("\"a\tb\"", RequestsCsv.cell("a\tb"));
        assertEquals("\"a,b\"", RequestsCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", RequestsCsv.cell("say \"hi\""));
        assertEquals("'=1+2", RequestsCsv.cell("=1+2"));
        assertEquals("\"'=1;2\"", RequestsCsv.cell("=1;2"));
        assertEquals("", RequestsCsv.cell(null));
    }

    @Test
    void write_inEnglish_namesColumnsAndCodes_inRiyadhTime_withHijriDates() {
        assertEquals(
                "\uFEFFRequest number,Received (Riyadh time),Received (Hijri date),Type of request,Channel,Status,"
                        + "City,Preferred contact,Language,First action (Riyadh time),First action (Hijri date),"
                        + "Finished (Riyadh time),Finished (Hijri date),Service target,Target date (Riyadh time),"
                        + "Target date (Hijri date)\r\n"
                        + "MHF5-Q2N7,2025-03-01 01:30,1446-09-01,Complaint,Letter,Waiting for the beneficiary,"
                        + "جدة,WhatsApp,English,,,2025-03-02 12:15,1446-09-02,"
                        + "\"Paused, waiting for the beneficiary\",2025-03-02 12:15,1446-09-02\r\n",
                csv(Language.EN));
    }

    @Test
    void write_inArabic_hasArabicHeadersAndNames_andTheSameTimes() {
        String csv = csv(Language.AR);
        String[] lines = csv.split("\r\n");
        assertEquals(
                "\uFEFFرقم الطلب,تاريخ الاستلام (بتوقيت الرياض),تاريخ الاستلام (هجري),نوع الطلب,القناة,الحالة,"
                        + "المدينة,وسيلة التواصل المفضلة,اللغة,أول إجراء (بتوقيت الرياض),أول إجراء (هجري),"
                        + "تاريخ الإنجاز (بتوقيت الرياض),تاريخ الإنجاز (هجري),المهلة المستهدفة,"
                        + "الموعد المستهدف (بتوقيت الرياض),الموعد المستهدف (هجري)",
                lines[0]);
        assertEquals(
                "MHF5-Q2N7,2025-03-01 01:30,1446-09-01,شكوى,خطاب,بانتظار استكمال من المستفيد,جدة,واتساب,الإنجليزية,,,"
                        + "2025-03-02 12:15,1446-09-02,متوقف بانتظار المستفيد,2025-03-02 12:15,1446-09-02",
                lines[1]);
    }

    @Test
    void hijri_isTheUmmAlQuraDate_andEmptyOutsideItsRange() {
        assertEquals("1446-09-01", RequestsCsv.hijri(LocalDate.of(2025, 3, 1)));
        assertEquals("1446-08-29", RequestsCsv.hijri(LocalDate.of(2025, 2, 28)));
        assertEquals("", RequestsCsv.hijri(LocalDate.of(1800, 1, 1)));
    }
}
