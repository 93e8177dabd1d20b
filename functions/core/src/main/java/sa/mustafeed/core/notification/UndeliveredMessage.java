package sa.mustafeed.core.notification;

import java.time.Instant;

/**
 * Enough to resend a message by hand or by replaying: which request, which version of it, which kind
 * and channel, and why it failed. No personal data: the contact details are read from the request
 * when it is resent.
 */
public record UndeliveredMessage(
        String reference,
        long version,
        MessageKind kind,
        Delivery channel,
        int attempts,
        String lastError,
        Instant parkedAt) {}
