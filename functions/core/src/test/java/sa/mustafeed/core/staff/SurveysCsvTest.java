package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.survey.SurveyTally;

class SurveysCsvTest {
    // GIVEN a kiosk exit-tap tally (no category) and a web tally nobody answered
    private static final List<SurveyTally> TALLIES = List.of(
            new SurveyTally(
                    YearMonth.of(2026, 11), Channel.KIOSK, Optional.empty(), "overall", new long[] {1, 0, 1, 3, 5}),
            new SurveyTally(YearMonth.of(2026, 10), Channel.WEB, Optional.of(Category.COMPLAINT), "speed", new long[] {
                0, 0, 0, 0, 0
            }));

    @Test
    void write_inEnglish_namesEveryColumnAndCode_andTellsKioskTapsApart() {
        String csv = SurveysCsv.write(TALLIES, Language.EN);
        assertEquals(
                "\uFEFFMonth,Channel,Type of request,Question,Answered 1,Answered 2,Answered 3,Answered 4,"
                        + "Answered 5,Answers,Satisfied (4 or 5)\r\n"
                        + "2026-11,Lobby kiosk,Exit taps at the lobby kiosk (no request),Overall satisfaction,"
                        + "1,0,1,3,5,10,0.800\r\n"
                        + "2026-10,Website,Complaint,Speed of the service,0,0,0,0,0,0,\r\n",
                csv);
    }

    @Test
    void write_inArabic_hasArabicHeadersAndNames() {
        String csv = SurveysCsv.write(TALLIES, Language.AR);
        assertEquals(
                "\uFEFFالشهر,القناة,نوع الطلب,السؤال,أجابوا 1,أجابوا 2,أجابوا 3,أجابوا 4,أجابوا 5,عدد الإجابات,"
                        + "راضون (4 أو 5)\r\n",
                csv.substring(0, csv.indexOf("\r\n") + 2));
        assertEquals(
                "2026-10,الموقع الإلكتروني,شكوى,سرعة إنجاز الخدمة,0,0,0,0,0,0,\r\n",
                csv.substring(csv.lastIndexOf("2026-10")));
    }

    @Test
    void write_withoutTallies_isTheHeaderAlone() {
        assertEquals(
                "\uFEFFMonth,Channel,Type of request,Question,Answered 1,Answered 2,Answered 3,Answered 4,"
                        + "Answered 5,Answers,Satisfied (4 or 5)\r\n",
                SurveysCsv.write(List.of(), Language.EN));
    }
}
