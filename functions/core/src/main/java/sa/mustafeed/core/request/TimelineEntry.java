package sa.mustafeed.core.request;

import java.time.Instant;
import java.util.Optional;

/**
 * One step in a request's public history: what the beneficiary sees on the tracking page. A status
 * change, a public reply from the association, a message the beneficiary sent, or a document they
 * sent (its name only). {@code status} is the request's status when the step happened.
 */
public record TimelineEntry(Instant at, Status status, Kind kind, Optional<String> text) {

    public enum Kind {
        STATUS("status"),
        REPLY("reply"),
        MESSAGE("message"),
        DOCUMENT("document");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Kind> fromWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A status change. */
    public TimelineEntry(Instant at, Status status) {
        this(at, status, Kind.STATUS, Optional.empty());
    }
}
