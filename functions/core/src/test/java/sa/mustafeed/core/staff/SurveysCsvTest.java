package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.survey.SurveyTally;

class SurveysCsvTest {

    @Test
    void write_oneRowOfCountsPerTally_withTheShareSatisfied_andABomForExcel() {
        // GIVEN a kiosk tally (no category) and a web tally nobody answered
        List<SurveyTally> tallies = List.of(
                new SurveyTally(
                        YearMonth.of(2026, 11), Channel.KIOSK, Optional.empty(), "overall", new long[] {1, 0, 1, 3, 5}),
                new SurveyTally(
                        YearMonth.of(2026, 10), Channel.WEB, Optional.of(Category.COMPLAINT), "speed", new long[] {
                            0, 0, 0, 0, 0
                        }));
        // WHEN
        String csv = SurveysCsv.write(tallies);
        // THEN
        assertEquals(
                "\uFEFFmonth,channel,category,question,score_1,score_2,score_3,score_4,score_5,responses,csat\r\n"
                        + "2026-11,kiosk,,overall,1,0,1,3,5,10,0.800\r\n"
                        + "2026-10,web,complaint,speed,0,0,0,0,0,0,\r\n",
                csv);
    }

    @Test
    void write_withoutTallies_isTheHeaderAlone() {
        assertEquals(
                "\uFEFFmonth,channel,category,question,score_1,score_2,score_3,score_4,score_5,responses,csat\r\n",
                SurveysCsv.write(List.of()));
    }
}
