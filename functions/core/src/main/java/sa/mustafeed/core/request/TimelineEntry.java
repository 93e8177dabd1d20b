package sa.mustafeed.core.request;

import java.time.Instant;

/** One step in a request's public history: what the beneficiary sees on the tracking page. */
public record TimelineEntry(Instant at, Status status) {
}
