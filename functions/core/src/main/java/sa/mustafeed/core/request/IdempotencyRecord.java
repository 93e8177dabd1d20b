package sa.mustafeed.core.request;

import java.time.Instant;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * The first answer given for an idempotency key, kept so a retry gets the same answer. The
 * fingerprint is a keyed hash of the normalised body: a different body under the same key is
 * refused. Stale records are ignored by {@code expiresAt}, never by relying on TTL deletion.
 */
public record IdempotencyRecord(
        String key,
        String fingerprint,
        ReferenceCode reference,
        Category category,
        Status status,
        Instant submittedAt,
        Instant expiresAt) {

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
