package sa.mustafeed.core.complaints;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The complainant's rating of how their complaint was handled, with an optional comment. Given once. */
public record HandlingRating(HandlingAnswer answer, Optional<String> comment, Instant at) {
    public HandlingRating {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
    }
}
