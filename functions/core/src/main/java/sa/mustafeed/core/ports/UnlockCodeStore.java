package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * The live unlock code of a reference, as its nonce only ({@link sa.mustafeed.core.request.UnlockCodes}
 * derives the code). At most one per reference: a new one is issued only when none is live, so a
 * stranger asking again and again sends the owner one SMS per validity period, not one per ask. Each
 * try is spent atomically before the code is compared, so concurrent guesses cannot exceed the limit.
 *
 * <p>May throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface UnlockCodeStore {

    /**
     * Stores a code valid until {@code expiresAt}, unless one is still live at {@code now}.
     *
     * @return true if this nonce was stored (and its code is to be sent), false if a live code exists
     */
    boolean issue(ReferenceCode reference, String nonce, Instant now, Instant expiresAt);

    /**
     * Spends one try of the live code: its nonce if it is live at {@code now} and fewer than
     * {@code maxTries} were spent, else empty (none issued, expired, used, or out of tries).
     */
    Optional<String> spendTry(ReferenceCode reference, Instant now, int maxTries);

    /** Removes the code (it was used); nothing happens if there is none. */
    void remove(ReferenceCode reference);
}
