package sa.mustafeed.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.survey.KioskFeedback;
import sa.mustafeed.core.survey.Score;
import sa.mustafeed.core.survey.SurveyAnswerDraft;
import sa.mustafeed.core.survey.SurveyService;
import sa.mustafeed.http.JsonFields;

/**
 * Reads survey answers and kiosk taps into typed commands. A score is read whole here: a JSON
 * integer on the five-point scale ({@link Score}); anything else, {@code 5.0} and {@code "5"}
 * included, is {@code invalid_choice}, as an off-scale one is.
 */
final class SurveyBodies {
    private SurveyBodies() {}

    /** {@code POST /surveys/{token}}: {@code {overall, answers?{speed, courtesy, clarity, needMet}, comment?, anonymous?, contactConsent?}}. */
    @SuppressWarnings("unchecked")
    static SurveyAnswerDraft answer(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        Score overall = body.get("overall") == null ? null : score(body.get("overall"), "overall", errors);
        Map<String, Score> scores = new LinkedHashMap<>();
        Boolean needMet = null;
        Object rawAnswers = body.get("answers");
        if (rawAnswers instanceof Map<?, ?> answers) {
            for (var entry : ((Map<String, Object>) answers).entrySet()) {
                String field = "answers." + entry.getKey();
                if (SurveyService.QUESTIONS.containsKey(entry.getKey())) {
                    if (entry.getValue() == null) {
                        errors.add(FieldError.of(field, ErrorCode.REQUIRED));
                    } else {
                        Score score = score(entry.getValue(), field, errors);
                        if (score != null) {
                            scores.put(entry.getKey(), score);
                        }
                    }
                } else if (entry.getKey().equals("needMet")) {
                    if (entry.getValue() instanceof Boolean b) {
                        needMet = b;
                    } else {
                        errors.add(FieldError.of(field, ErrorCode.INVALID_TYPE));
                    }
                } else {
                    errors.add(FieldError.of(field, ErrorCode.INVALID_CHOICE));
                }
            }
        } else if (rawAnswers != null) {
            errors.add(FieldError.of("answers", ErrorCode.INVALID_TYPE));
        }
        JsonFields fields = new JsonFields(body);
        String comment = fields.text("comment", ErrorCode.INVALID_TYPE);
        Boolean anonymous = fields.bool("anonymous");
        Boolean contactConsent = fields.bool("contactConsent");
        errors.addAll(fields.shapeErrors());
        return new SurveyAnswerDraft(overall, scores, needMet, comment, anonymous, contactConsent, errors);
    }

    /** {@code POST /feedback}: {@code {kioskId, score}}; a kiosk id that is not text counts as none. */
    static KioskFeedback kiosk(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        Object raw = body.get("score");
        Score score = raw == null ? null : score(raw, "score", errors);
        return new KioskFeedback(new JsonFields(body).textOrNull("kioskId"), score, errors);
    }

    private static Score score(Object value, String field, List<FieldError> errors) {
        Optional<Score> score = JsonFields.integer(value).flatMap(Score::of);
        if (score.isEmpty()) {
            errors.add(FieldError.of(field, ErrorCode.INVALID_CHOICE));
        }
        return score.orElse(null);
    }
}
