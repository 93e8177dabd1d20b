package sa.mustafeed.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;

class SatisfactionReportTest {
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);

    private static SurveyTally overall(YearMonth month, Channel channel, Optional<Category> category, long... c) {
        return new SurveyTally(month, channel, category, SatisfactionReport.OVERALL, c);
    }

    @Test
    void kioskExitTaps_areCountedApart_fromRequestSurveys() {
        // GIVEN 8 request-survey answers (one from a request made at the kiosk) and 30 exit taps
        SatisfactionReport report = SatisfactionReport.of(
                List.of(
                        overall(NOV, Channel.WEB, Optional.of(Category.SERVICE), 0, 0, 1, 2, 4),
                        overall(NOV, Channel.KIOSK, Optional.of(Category.INQUIRY), 1, 0, 0, 0, 0),
                        overall(NOV, Channel.KIOSK, Optional.empty(), 5, 5, 5, 5, 10),
                        new SurveyTally(NOV, Channel.KIOSK, Optional.empty(), "speed", new long[] {1, 1, 1, 1, 1})),
                List.of());
        // THEN the request figures hold the 8 answers only
        assertEquals(8, report.overall().responses());
        assertEquals(6, report.overall().satisfied());
        assertEquals(30, report.kiosk().responses());
        assertEquals(8, report.byMonth().get(NOV).responses());
        assertEquals(1, report.byChannel().get(Channel.KIOSK).responses(), "the kiosk request's survey only");
        assertEquals(8, report.byQuestion().get(SatisfactionReport.OVERALL).responses());
        assertFalse(report.byQuestion().containsKey("speed"), "no question from the taps");
        assertEquals(8, java.util.Arrays.stream(report.distribution()).sum());
    }

    @Test
    void eightAnswers_areTooFewToJudge_tenAreEnough() {
        assertFalse(new SatisfactionReport.Figures(8, 1, 20).enoughToJudge());
        assertFalse(new SatisfactionReport.Figures(9, 9, 45).enoughToJudge());
        assertTrue(new SatisfactionReport.Figures(SatisfactionReport.MINIMUM_RESPONSES, 1, 20).enoughToJudge());
    }

    @Test
    void responseRate_isAnswersOverLinksSent_overallByMonthAndByChannel() {
        SatisfactionReport report = SatisfactionReport.of(
                List.of(),
                List.of(
                        new SurveyReach(NOV, Channel.WEB, 20, 5),
                        new SurveyReach(NOV, Channel.PHONE, 10, 5),
                        new SurveyReach(DEC, Channel.WEB, 10, 0)));
        assertEquals(Optional.of(0.25), report.reach().rate());
        assertEquals(Optional.of(10.0 / 30), report.reachIn(NOV).rate());
        assertEquals(Optional.of(0.0), report.reachIn(DEC).rate());
        assertEquals(Optional.of(5.0 / 30), report.reachOf(Channel.WEB).rate());
        assertEquals(Optional.empty(), report.reachOf(Channel.LETTER).rate(), "no link sent: no rate");
    }

    @Test
    void responseRate_neverPassesOne_whenAnswersCameForLinksSentBeforeCounting() {
        assertEquals(Optional.of(1.0), new SatisfactionReport.Reach(2, 3).rate());
    }
}
