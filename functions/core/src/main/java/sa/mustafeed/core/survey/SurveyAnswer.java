package sa.mustafeed.core.survey;

import java.util.Map;
import java.util.Optional;

/**
 * What a beneficiary said: the overall score (1–5) and, if they went on, scores for speed, courtesy
 * and clarity, whether their need was met, a comment, and their choices about anonymity and contact.
 */
public record SurveyAnswer(
        int overall,
        Map<String, Integer> scores,
        Optional<Boolean> needMet,
        Optional<String> comment,
        boolean anonymous,
        boolean contactConsent) {

    public SurveyAnswer {
        scores = Map.copyOf(scores);
    }

    public boolean hasDetails() {
        return !scores.isEmpty() || needMet.isPresent() || comment.isPresent() || anonymous || contactConsent;
    }
}
