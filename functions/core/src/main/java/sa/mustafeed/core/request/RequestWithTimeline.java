package sa.mustafeed.core.request;

import java.util.List;

/** A request with its public timeline in time order. */
public record RequestWithTimeline(ServiceRequest request, List<TimelineEntry> timeline) {
    public RequestWithTimeline {
        timeline = List.copyOf(timeline);
    }
}
