package sa.mustafeed.core.complaints;

import java.util.Optional;

/** Where a complaint's handling stands: its outcome once recorded, then the complainant's rating. */
public record ComplaintHandling(Optional<ComplaintOutcome> outcome, Optional<HandlingRating> rating) {
    public static final ComplaintHandling NONE = new ComplaintHandling(Optional.empty(), Optional.empty());
}
