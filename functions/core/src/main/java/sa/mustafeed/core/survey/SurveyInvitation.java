package sa.mustafeed.core.survey;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Language;

/**
 * A survey offered for one completed request. {@code reference} is emptied when the beneficiary
 * answers anonymously, so the answer can no longer be traced to the request.
 */
public record SurveyInvitation(
        String surveyId,
        Optional<ReferenceCode> reference,
        Category category,
        Channel channel,
        Language language,
        Instant offeredAt,
        Instant expiresAt,
        Optional<Instant> answeredAt,
        Optional<Integer> overall,
        boolean detailsGiven) {}
