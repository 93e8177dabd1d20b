package sa.mustafeed.core.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldErrors;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.errors.UnlockCodeRejectedException;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.ports.UnlockCodeStore;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * The owner's way back into a lookup that someone else locked: anyone who knows a reference can spend
 * its five tries, so a lock must not shut its owner out for the quarter hour. Asked for, a one-time
 * code goes by SMS to the phone on file (the notifier sends it: {@link UnlockCodes}); typed back, it
 * forgets the reference's failed tries and answers as the lookup does.
 *
 * <p>The ask says the same thing whatever the reference (202: "if a code is due, it is on its way"),
 * so it tells no one whether a request exists or is locked. A code is issued only for a named request
 * whose lookup is locked, at most one live code per reference (one SMS per {@link #VALID_FOR}, however
 * often a stranger asks), and each code has {@link #MAX_TRIES} tries; a wrong code also counts
 * against the client's own lookup limit.
 */
public final class LookupUnlocks {
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    public static final int MAX_TRIES = 5;

    private final LookupService lookups;
    private final RequestRepository repository;
    private final UnlockCodeStore codes;
    private final UnlockCodes unlockCodes;
    private final Clock clock;

    public LookupUnlocks(
            LookupService lookups,
            RequestRepository repository,
            UnlockCodeStore codes,
            KeyedHasher hasher,
            Clock clock) {
        this.lookups = Objects.requireNonNull(lookups);
        this.repository = Objects.requireNonNull(repository);
        this.codes = Objects.requireNonNull(codes);
        this.unlockCodes = new UnlockCodes(hasher);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Issues a code for the reference when one is due (a named request, its lookup locked, no code
     * live); the caller answers the same either way.
     *
     * @return whether a code was issued (for tests and logs; never for the answer)
     * @throws InvalidInputException when the reference is missing or malformed
     * @throws StorageUnavailableException when the store cannot be reached
     */
    public boolean requestCode(UnlockQuery query) {
        FieldErrors errors = new FieldErrors(query.shapeErrors(), "reference");
        Optional<ReferenceCode> parsed = reference(query, errors);
        errors.throwIfAny();
        ReferenceCode reference = parsed.get();
        if (!lookups.lockedForReference(reference)) {
            return false; // the lookup itself lets them in
        }
        boolean named = repository
                .findWithTimeline(reference)
                .map(found -> !found.request().anonymous()
                        && !found.request().mobile().isBlank())
                .orElse(false);
        if (!named) {
            return false; // no phone to send a code to: an anonymous sender waits the window out
        }
        Instant now = clock.instant();
        return codes.issue(reference, UnlockCodes.newNonce(), now, now.plus(VALID_FOR));
    }

    /**
     * Opens the lookup with the code sent to the phone on file.
     *
     * @throws InvalidInputException when the reference or code is missing or malformed (no try spent)
     * @throws TooManyAttemptsException when this client failed too often lately
     * @throws UnlockCodeRejectedException when the code is wrong, expired, used or out of tries
     */
    public LookupResult unlock(UnlockQuery query, String clientAddress) {
        FieldErrors errors = new FieldErrors(query.shapeErrors(), "reference", "code");
        Optional<ReferenceCode> parsed = reference(query, errors);
        Optional<String> code = errors.readable("code")
                ? LookupService.required(
                        errors, "code", query.code(), TrackingCodes::parse, ErrorCode.INVALID_UNLOCK_CODE)
                : Optional.empty();
        errors.throwIfAny();
        ReferenceCode reference = parsed.get();
        lookups.checkClient(clientAddress);

        Optional<String> nonce = codes.spendTry(reference, clock.instant(), MAX_TRIES);
        if (nonce.isEmpty() || !unlockCodes.matches(reference, nonce.get(), code.get())) {
            lookups.recordClientFailure(clientAddress);
            throw new UnlockCodeRejectedException();
        }
        codes.remove(reference);
        lookups.clearReferenceFailures(reference);
        return LookupService.resultOf(repository
                .findWithTimeline(reference)
                // Erased between the code's issue and its use: nothing left to show.
                .orElseThrow(UnlockCodeRejectedException::new));
    }

    /** The reference as the lookup reads it, unless the parser refused it already. */
    private static Optional<ReferenceCode> reference(UnlockQuery query, FieldErrors errors) {
        return errors.readable("reference")
                ? LookupService.required(
                        errors, "reference", query.reference(), ReferenceCode::parse, ErrorCode.INVALID_REFERENCE)
                : Optional.empty();
    }
}
