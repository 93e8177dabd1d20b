package sa.mustafeed.core.recovery;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;

/**
 * One survey answer as managers read it in the feedback view: when, the overall score, how the
 * request came in, its category, the comment if any, and the request's reference unless the answer
 * was anonymous (then the store never kept it).
 */
public record FeedbackItem(
        Instant answeredAt,
        int overall,
        Channel channel,
        Category category,
        Optional<String> comment,
        Optional<ReferenceCode> reference) {}
