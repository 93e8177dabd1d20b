package sa.mustafeed.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.survey.KioskFeedback;
import sa.mustafeed.core.survey.Score;
import sa.mustafeed.core.survey.SurveyAnswerDraft;
import sa.mustafeed.http.Json;

class SurveyBodiesTest {

    private static Map<String, Object> json(String text) throws Exception {
        return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void answer_readsTheWholeAnswer() throws Exception {
        SurveyAnswerDraft draft = SurveyBodies.answer(json("{\"overall\":4,\"answers\":{\"speed\":5,\"clarity\":1,"
                + "\"needMet\":true},\"comment\":\"شكرًا\",\"anonymous\":true,\"contactConsent\":false}"));
        assertEquals(
                new SurveyAnswerDraft(
                        new Score(4),
                        Map.of("speed", new Score(5), "clarity", new Score(1)),
                        true,
                        "شكرًا",
                        true,
                        false,
                        List.of()),
                draft);
        assertEquals(List.of("speed", "clarity"), List.copyOf(draft.scores().keySet()), "in the order they came");
        assertEquals(
                new SurveyAnswerDraft(null, Map.of(), null, null, null, null, List.of()),
                SurveyBodies.answer(json("{}")));
    }

    @Test
    void answer_scoresOffTheScaleOrNotIntegers_unknownQuestionsAndWrongTypes_areNotedInOrder() throws Exception {
        SurveyAnswerDraft draft = SurveyBodies.answer(json("{\"overall\":\"5\",\"answers\":{\"mood\":3,\"speed\":9,"
                + "\"needMet\":\"yes\",\"courtesy\":null,\"clarity\":4.0},\"comment\":7,\"anonymous\":\"yes\","
                + "\"contactConsent\":1}"));
        assertEquals(
                List.of(
                        FieldError.of("overall", ErrorCode.INVALID_CHOICE),
                        FieldError.of("answers.mood", ErrorCode.INVALID_CHOICE),
                        FieldError.of("answers.speed", ErrorCode.INVALID_CHOICE),
                        FieldError.of("answers.needMet", ErrorCode.INVALID_TYPE),
                        FieldError.of("answers.courtesy", ErrorCode.REQUIRED),
                        FieldError.of("answers.clarity", ErrorCode.INVALID_CHOICE),
                        FieldError.of("comment", ErrorCode.INVALID_TYPE),
                        FieldError.of("anonymous", ErrorCode.INVALID_TYPE),
                        FieldError.of("contactConsent", ErrorCode.INVALID_TYPE)),
                draft.shapeErrors());
        assertEquals(Map.of(), draft.scores());
        for (String overall : List.of("0", "6", "5.0", "true", "[5]", "4294967299")) {
            assertEquals(
                    List.of(FieldError.of("overall", ErrorCode.INVALID_CHOICE)),
                    SurveyBodies.answer(json("{\"overall\":" + overall + "}")).shapeErrors(),
                    overall);
        }
        assertEquals(
                List.of(FieldError.of("answers", ErrorCode.INVALID_TYPE)),
                SurveyBodies.answer(json("{\"overall\":3,\"answers\":[5]}")).shapeErrors());
    }

    @Test
    void kiosk_readsIdAndScore_aNonTextIdAsNone_andNotesAScoreOffTheScale() throws Exception {
        assertEquals(KioskFeedback.of("lobby-1", 4), SurveyBodies.kiosk(json("{\"kioskId\":\"lobby-1\",\"score\":4}")));
        assertEquals(new KioskFeedback(null, null, List.of()), SurveyBodies.kiosk(json("{\"kioskId\":12}")));
        KioskFeedback offScale = SurveyBodies.kiosk(json("{\"kioskId\":\"lobby-1\",\"score\":7}"));
        assertNull(offScale.score());
        assertEquals(List.of(FieldError.of("score", ErrorCode.INVALID_CHOICE)), offScale.shapeErrors());
        assertEquals(
                List.of(FieldError.of("score", ErrorCode.INVALID_CHOICE)),
                SurveyBodies.kiosk(json("{\"kioskId\":\"lobby-1\",\"score\":\"4\"}"))
                        .shapeErrors());
    }
}
