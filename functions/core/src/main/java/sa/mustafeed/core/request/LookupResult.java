package sa.mustafeed.core.request;

import java.time.Instant;
import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;

/** What a lookup may reveal: no name, mobile, ID or description. */
public record LookupResult(
        ReferenceCode reference,
        Category category,
        Status status,
        Instant submittedAt,
        Instant updatedAt,
        List<TimelineEntry> timeline) {

    public LookupResult {
        timeline = List.copyOf(timeline);
    }
}
