package sa.mustafeed.core.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldErrors;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.ports.FailedAttempts;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.validation.Digits;
import sa.mustafeed.core.validation.MobileNumbers;

/**
 * Lets a beneficiary follow a request with its reference and the last four digits of the mobile, or
 * an anonymous sender with the reference and the tracking code they were given ({@link TrackingCodes}).
 * A wrong reference, a wrong mobile and a wrong code get the same answer, and failed tries are limited per
 * reference and per client, so the lookup cannot be used to find or confirm requests.
 */
public final class LookupService {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** A person who mistypes a few times still gets through; a script guessing 4 digits does not. */
    public static final int MAX_FAILURES_PER_REFERENCE = 5;

    public static final int MAX_FAILURES_PER_CLIENT = 20;

    private final RequestRepository repository;
    private final FailedAttempts failedAttempts;
    private final KeyedHasher hasher;
    private final Clock clock;
    private final TrackingCodes trackingCodes;

    public LookupService(RequestRepository repository, FailedAttempts failedAttempts, KeyedHasher hasher, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.failedAttempts = Objects.requireNonNull(failedAttempts);
        this.hasher = Objects.requireNonNull(hasher);
        this.clock = Objects.requireNonNull(clock);
        this.trackingCodes = new TrackingCodes(hasher);
    }

    /**
     * @param clientAddress the caller's network address; only its keyed hash is stored
     * @throws InvalidInputException when the reference or digits are malformed (nothing counted)
     * @throws TooManyAttemptsException when this reference or this client failed too often lately
     * @throws RequestNotFoundException when no request matches both reference and digits
     * @throws StorageUnavailableException when the store cannot be reached
     */
    public LookupResult lookup(LookupQuery query, String clientAddress) {
        return resultOf(check(query, clientAddress));
    }

    /** What a beneficiary sees of their request (the lookup's answer, and the unlock's). */
    static LookupResult resultOf(RequestWithTimeline found) {
        ServiceRequest request = found.request();
        return new LookupResult(
                request.reference(),
                request.category(),
                request.status(),
                request.submittedAt(),
                request.updatedAt(),
                found.timeline(),
                request.preferredContact(),
                ContactChoiceService.choicesFor(request));
    }

    /**
     * The lookup's check on its own, for everything a beneficiary may do with their request (send a
     * document, answer a question): the same validation, the same answers and the same limits on
     * failed tries, so no second door is weaker than the first.
     *
     * @throws InvalidInputException when the reference or digits are malformed (nothing counted)
     * @throws TooManyAttemptsException when this reference or this client failed too often lately
     * @throws RequestNotFoundException when no request matches both reference and digits
     */
    public RequestWithTimeline check(LookupQuery query, String clientAddress) {
        FieldErrors errors = new FieldErrors(query.shapeErrors(), "reference", "mobileLast4", "trackingCode");
        Optional<ReferenceCode> reference = errors.readable("reference")
                ? required(errors, "reference", query.reference(), ReferenceCode::parse, ErrorCode.INVALID_REFERENCE)
                : Optional.empty();
        // The proof is the tracking code when one is offered, else the mobile's digits (the contract
        // every client already keeps): a missing proof is reported as missing digits.
        boolean byCode = query.byTrackingCode() || !errors.readable("trackingCode");
        Optional<String> proof;
        if (byCode) {
            proof = errors.readable("trackingCode")
                    ? required(
                            errors,
                            "trackingCode",
                            query.trackingCode(),
                            TrackingCodes::parse,
                            ErrorCode.INVALID_TRACKING_CODE)
                    : Optional.empty();
        } else {
            proof = errors.readable("mobileLast4")
                    ? required(
                            errors,
                            "mobileLast4",
                            query.mobileLast4(),
                            LookupService::lastFourDigits,
                            ErrorCode.INVALID_MOBILE_LAST4)
                    : Optional.empty();
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        Instant windowStart = windowStart(now);
        Instant windowEnd = windowStart.plus(WINDOW);
        String referenceSubject = referenceSubject(reference.get());
        String clientSubject = clientSubject(clientAddress);
        // The limit holds over the current window and the one before: with fixed windows alone, a
        // guesser could spend the whole allowance just before a boundary and again just after it
        // (seen: 34 of 60 scripted guesses answered across 08:30, with 20 allowed).
        Instant previousStart = windowStart.minus(WINDOW);
        int[] counts = failedAttempts.counts(List.of(
                new FailedAttempts.Window(referenceSubject, windowStart),
                        new FailedAttempts.Window(clientSubject, windowStart),
                new FailedAttempts.Window(referenceSubject, previousStart),
                        new FailedAttempts.Window(clientSubject, previousStart)));
        int referenceNow = counts[0];
        int clientNow = counts[1];
        boolean fullNow = referenceNow >= MAX_FAILURES_PER_REFERENCE || clientNow >= MAX_FAILURES_PER_CLIENT;
        if (fullNow
                || referenceNow + counts[2] >= MAX_FAILURES_PER_REFERENCE
                || clientNow + counts[3] >= MAX_FAILURES_PER_CLIENT) {
            // Failures of this window still count through the next one.
            throw new TooManyAttemptsException(Duration.between(now, fullNow ? windowEnd.plus(WINDOW) : windowEnd));
        }

        // A named request never opens with a tracking code, nor an anonymous one with digits.
        Optional<RequestWithTimeline> found = repository
                .findWithTimeline(reference.get())
                .filter(r -> byCode
                        ? r.request().anonymous() && trackingCodes.matches(reference.get(), proof.get())
                        : !r.request().anonymous()
                                && sameDigits(MobileNumbers.lastFour(r.request().mobile()), proof.get()));
        if (found.isEmpty()) {
            failedAttempts.record(referenceSubject, windowStart, windowEnd.plus(WINDOW));
            failedAttempts.record(clientSubject, windowStart, windowEnd.plus(WINDOW));
            throw new RequestNotFoundException();
        }
        return found.get();
    }

    /** Whether failed tries (anyone's) have locked this reference's lookup now. */
    boolean lockedForReference(ReferenceCode reference) {
        Instant windowStart = windowStart(clock.instant());
        String subject = referenceSubject(reference);
        int[] counts = failedAttempts.counts(currentAndPrevious(subject, windowStart));
        return counts[0] + counts[1] >= MAX_FAILURES_PER_REFERENCE;
    }

    /** Forgets the reference's failed tries (its owner proved they hold the phone on file). */
    void clearReferenceFailures(ReferenceCode reference) {
        Instant windowStart = windowStart(clock.instant());
        String subject = referenceSubject(reference);
        failedAttempts.clear(currentAndPrevious(subject, windowStart));
    }

    /**
     * The client's own limit, shared with the lookup: a client that failed too often lately is
     * refused before it may try anything else (an unlock code, say).
     *
     * @throws TooManyAttemptsException when this client failed too often lately
     */
    void checkClient(String clientAddress) {
        Instant now = clock.instant();
        Instant windowStart = windowStart(now);
        String subject = clientSubject(clientAddress);
        int[] counts = failedAttempts.counts(currentAndPrevious(subject, windowStart));
        if (counts[0] >= MAX_FAILURES_PER_CLIENT || counts[0] + counts[1] >= MAX_FAILURES_PER_CLIENT) {
            Instant windowEnd = windowStart.plus(WINDOW);
            throw new TooManyAttemptsException(
                    Duration.between(now, counts[0] >= MAX_FAILURES_PER_CLIENT ? windowEnd.plus(WINDOW) : windowEnd));
        }
    }

    /** Counts one failure against the client (a wrong unlock code, say). */
    void recordClientFailure(String clientAddress) {
        Instant windowStart = windowStart(clock.instant());
        failedAttempts.record(
                clientSubject(clientAddress),
                windowStart,
                windowStart.plus(WINDOW).plus(WINDOW));
    }

    /** The two windows a limit holds over (see {@link #check}): the current one and the one before. */
    private static List<FailedAttempts.Window> currentAndPrevious(String subject, Instant windowStart) {
        return List.of(
                new FailedAttempts.Window(subject, windowStart),
                new FailedAttempts.Window(subject, windowStart.minus(WINDOW)));
    }

    private static Instant windowStart(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond() - now.getEpochSecond() % WINDOW.toSeconds());
    }

    private static String referenceSubject(ReferenceCode reference) {
        return "ref:" + reference.value();
    }

    private String clientSubject(String clientAddress) {
        return "client:" + hasher.hash(HashPurpose.CLIENT_ADDRESS, clientAddress == null ? "" : clientAddress);
    }

    /** A blank field is a missing one; a present one that does not read as {@code T} is {@code invalid}. */
    static <T> Optional<T> required(
            FieldErrors errors, String field, String typed, Function<String, Optional<T>> read, ErrorCode invalid) {
        if (typed == null || typed.isBlank()) {
            errors.add(field, ErrorCode.REQUIRED);
            return Optional.empty();
        }
        Optional<T> value = read.apply(typed);
        if (value.isEmpty()) {
            errors.add(field, invalid);
        }
        return value;
    }

    private static Optional<String> lastFourDigits(String typed) {
        String ascii = Digits.toAscii(typed.strip());
        return ascii.length() == 4 && ascii.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(ascii)
                : Optional.empty();
    }

    /** Constant time, so response timing does not tell how many digits matched. */
    private static boolean sameDigits(String stored, String typed) {
        return MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII));
    }
}
