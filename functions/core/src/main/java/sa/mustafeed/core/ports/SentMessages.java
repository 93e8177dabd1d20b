package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.notification.DeliveryLeg;
import sa.mustafeed.core.notification.PendingFallback;
import sa.mustafeed.core.notification.SentMessage;

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

    /**
     * Records what was sent: every leg, and each provider message id so its receipt can find it; in
     * one write, so a message is either recorded whole or still claimable.
     */
    void markSent(String messageKey, SentMessage message, Instant at);

    /** A message nothing was sent for, on purpose (the person stopped messages). */
    void markSkipped(String messageKey, String why, Instant at);

    /** Records a failed attempt and returns how many attempts have failed so far. */
    int markFailed(String messageKey, Instant at);

    /** Records that the message was handed to the dead-letter queue and will not be retried. */
    void markParked(String messageKey, Instant at);

    /**
     * Claims the SMS of a message whose WhatsApp leg failed after it was sent (asked for by
     * {@link DeliveryLog#settle}); empty when it is not asked for, already sent, or being sent by
     * another caller. Same rules as {@link #claim}: a failed or stale attempt may be claimed again.
     */
    Optional<PendingFallback> claimFallback(String messageKey, Instant now, Instant staleBefore);

    /** Records the fallback's SMS leg and forgets the values it was rendered from. */
    void markFallbackSent(String messageKey, DeliveryLeg leg, Instant at);

    /** Records a failed fallback attempt and returns how many have failed so far. */
    int markFallbackFailed(String messageKey, Instant at);

    /** The fallback could not be sent and went to the dead-letter queue. */
    void markFallbackParked(String messageKey, String reason, Instant at);
}
