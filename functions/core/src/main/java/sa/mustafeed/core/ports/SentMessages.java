package sa.mustafeed.core.ports;

import java.time.Instant;

/**
 * The record of every message the association sends, one per request version, claimed before the
 * send so a redelivered change never sends twice. Claims must be conditional writes: of two
 * concurrent claims of one key, exactly one succeeds.
 *
 * <p>May throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface SentMessages {

    /** What {@link #claim} found. */
    enum Claim {
        /** This caller may send now. */
        CLAIMED,
        /** Already sent (or parked as undeliverable): do nothing. */
        DONE,
        /** Another caller claimed it moments ago and may be sending: do nothing now. */
        IN_FLIGHT
    }

    /**
     * Claims the message. A key whose last attempt failed, or whose claim is older than
     * {@code staleBefore} (a sender that died mid-send), may be claimed again.
     */
    Claim claim(String messageKey, Instant now, Instant staleBefore);

    void markSent(String messageKey, String channel, String language, String providerMessageId, Instant at);

    /** Records a failed attempt and returns how many attempts have failed so far. */
    int markFailed(String messageKey, Instant at);

    /** Records that the message was handed to the dead-letter queue and will not be retried. */
    void markParked(String messageKey, Instant at);
}
