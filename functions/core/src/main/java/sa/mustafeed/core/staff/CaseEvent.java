package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.request.Status;

/**
 * One entry of a request's full history as staff see it: a status change (public: the beneficiary
 * sees it too), an internal note (never shown to the beneficiary), a public reply from staff, a
 * message from the beneficiary, or a document received (its file name as text).
 */
public record CaseEvent(
        Instant at, Kind kind, Optional<Status> status, Optional<String> text, Optional<String> by, boolean isPublic) {

    /** Who wrote a message or sent a document that came from the beneficiary's side. */
    public static final String BENEFICIARY = "beneficiary";

    public enum Kind {
        STATUS("status"),
        NOTE("note"),
        REPLY("reply"),
        MESSAGE("message"),
        DOCUMENT("document"),
        /** Who owns the request now (the text is their name; none when it was unassigned). Internal. */
        ASSIGNMENT("assignment");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind fromWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return k;
                }
            }
            return STATUS;
        }
    }

    public static CaseEvent status(Instant at, Status status, Optional<String> by) {
        return new CaseEvent(at, Kind.STATUS, Optional.of(status), Optional.empty(), by, true);
    }

    public static CaseEvent note(Instant at, String text, String by) {
        return new CaseEvent(at, Kind.NOTE, Optional.empty(), Optional.of(text), Optional.of(by), false);
    }

    /** A public answer: it appears on the tracking page and is sent to the beneficiary. */
    public static CaseEvent reply(Instant at, String text, String by, Status statusNow) {
        return new CaseEvent(at, Kind.REPLY, Optional.of(statusNow), Optional.of(text), Optional.of(by), true);
    }

    /** The request was given to {@code to} (empty: to nobody) by {@code by}; staff history only. */
    public static CaseEvent assignment(Instant at, Optional<String> to, String by) {
        return new CaseEvent(at, Kind.ASSIGNMENT, Optional.empty(), to, Optional.of(by), false);
    }

    /** What the beneficiary wrote from the tracking page. */
    public static CaseEvent message(Instant at, String text, Status statusNow) {
        return new CaseEvent(
                at, Kind.MESSAGE, Optional.of(statusNow), Optional.of(text), Optional.of(BENEFICIARY), true);
    }

    /**
     * A document added to the request. Public (name and date only) when the beneficiary sent it;
     * a document staff attached stays in the staff history.
     */
    public static CaseEvent document(Instant at, String fileName, String by, Status statusNow) {
        return new CaseEvent(
                at,
                Kind.DOCUMENT,
                Optional.of(statusNow),
                Optional.of(fileName),
                Optional.of(by),
                BENEFICIARY.equals(by));
    }

    /** The public timeline's view of this entry, if the beneficiary may see it. */
    public Optional<sa.mustafeed.core.request.TimelineEntry> publicEntry() {
        if (!isPublic || status.isEmpty()) {
            return Optional.empty();
        }
        var k = switch (kind) {
            case STATUS -> sa.mustafeed.core.request.TimelineEntry.Kind.STATUS;
            case REPLY -> sa.mustafeed.core.request.TimelineEntry.Kind.REPLY;
            case MESSAGE -> sa.mustafeed.core.request.TimelineEntry.Kind.MESSAGE;
            case DOCUMENT -> sa.mustafeed.core.request.TimelineEntry.Kind.DOCUMENT;
            case NOTE, ASSIGNMENT -> null;
        };
        return k == null
                ? Optional.empty()
                : Optional.of(new sa.mustafeed.core.request.TimelineEntry(
                        at,
                        status.get(),
                        k,
                        k == sa.mustafeed.core.request.TimelineEntry.Kind.STATUS ? Optional.empty() : text));
    }
}
