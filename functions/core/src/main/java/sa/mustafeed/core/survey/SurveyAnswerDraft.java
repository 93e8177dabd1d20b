package sa.mustafeed.core.survey;

import java.util.List;
import java.util.Map;
import sa.mustafeed.core.errors.FieldError;

/**
 * A survey answer as it arrived, before the rules: the overall score, scores for the questions the
 * beneficiary went on to answer (in {@link SurveyService#QUESTIONS}), whether their need was met, a
 * comment and their choices about anonymity and contact. Absent fields are null; the edge reads the
 * scores whole (a known question, on the scale) and lists what it could not read in {@code shapeErrors}.
 */
public record SurveyAnswerDraft(
        Score overall,
        Map<String, Score> scores,
        Boolean needMet,
        String comment,
        Boolean anonymous,
        Boolean contactConsent,
        List<FieldError> shapeErrors) {

    public SurveyAnswerDraft {
        scores = scores == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** Just the one tap: the overall score. */
    public static SurveyAnswerDraft overall(int score) {
        return new SurveyAnswerDraft(new Score(score), Map.of(), null, null, null, null, List.of());
    }
}
