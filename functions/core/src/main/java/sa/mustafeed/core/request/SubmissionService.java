package sa.mustafeed.core.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.IdempotencyConflictException;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.ports.RequestRepository.CreateOutcome;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.validation.NationalIds;

/** Receives a new request from any channel: validates, gives it a reference, stores it once. */
public final class SubmissionService {
    /** Long enough to cover a kiosk that lost the network for a day; short enough to keep little. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** 29^7 codes against a few thousand a year: a second collision in a row means something is broken. */
    private static final int REFERENCE_ATTEMPTS = 5;

    private static final int IDEMPOTENCY_KEY_MAX = 128;

    private final RequestRules rules;
    private final RequestRepository repository;
    private final KeyedHasher hasher;
    private final Clock clock;
    private final RandomGenerator random;
    private final String privacyNoticeVersion;
    private final TrackingCodes trackingCodes;
    /** Gives each new request its due time (the work queue's order); absent in tests that do not sort. */
    private final Optional<sa.mustafeed.core.sla.ServiceLevels> serviceLevels;

    public SubmissionService(
            RequestRules rules,
            RequestRepository repository,
            KeyedHasher hasher,
            Clock clock,
            RandomGenerator random,
            String privacyNoticeVersion) {
        this(rules, repository, hasher, clock, random, privacyNoticeVersion, Optional.empty());
    }

    public SubmissionService(
            RequestRules rules,
            RequestRepository repository,
            KeyedHasher hasher,
            Clock clock,
            RandomGenerator random,
            String privacyNoticeVersion,
            sa.mustafeed.core.sla.ServiceLevels serviceLevels) {
        this(rules, repository, hasher, clock, random, privacyNoticeVersion, Optional.of(serviceLevels));
    }

    private SubmissionService(
            RequestRules rules,
            RequestRepository repository,
            KeyedHasher hasher,
            Clock clock,
            RandomGenerator random,
            String privacyNoticeVersion,
            Optional<sa.mustafeed.core.sla.ServiceLevels> serviceLevels) {
        this.serviceLevels = serviceLevels;
        this.rules = Objects.requireNonNull(rules);
        this.repository = Objects.requireNonNull(repository);
        this.hasher = Objects.requireNonNull(hasher);
        this.trackingCodes = new TrackingCodes(hasher);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.privacyNoticeVersion = Objects.requireNonNull(privacyNoticeVersion);
    }

    /**
     * @param idempotencyKey the client's key for this submission; a retry with the same key and the
     *     same content returns the first receipt and stores nothing
     * @throws InvalidInputException when a rule fails (nothing stored)
     * @throws IdempotencyConflictException when the key was used for different content
     * @throws StorageUnavailableException when the store cannot be reached
     */
    public SubmissionReceipt submit(RequestDraft draft, Optional<String> idempotencyKey) {
        return submit(draft, idempotencyKey, Optional.empty());
    }

    /**
     * As {@link #submit(RequestDraft, Optional)}, recording the employee who registered the request
     * on the beneficiary's behalf. Only then is the draft's {@code receivedAt} read: the service
     * clock (submitted time, first timeline entry, due time) starts when the letter, call or visit
     * reached the association; consent and the idempotency window stay at the real time of entry.
     */
    public SubmissionReceipt submit(
            RequestDraft draft, Optional<String> idempotencyKey, Optional<String> registeredBy) {
        return submit(draft, idempotencyKey, registeredBy, Optional.empty());
    }

    /**
     * A request registered by a signed-in person on the beneficiary's behalf: their name is recorded
     * and the request joins their registrations. A volunteer's registration always comes through the
     * volunteer channel, whatever the form said: the channel is who brought it, and the policy counts
     * volunteer service apart.
     */
    public SubmissionReceipt register(
            RequestDraft draft, Optional<String> idempotencyKey, sa.mustafeed.core.staff.StaffMember registrar) {
        RequestDraft asBrought = registrar.isVolunteer() ? draft.withChannel(Channel.VOLUNTEER.wireName()) : draft;
        return submit(asBrought, idempotencyKey, Optional.of(registrar.name()), Optional.of(registrar.id()));
    }

    private SubmissionReceipt submit(
            RequestDraft draft,
            Optional<String> idempotencyKey,
            Optional<String> registeredBy,
            Optional<String> registrarId) {
        idempotencyKey.ifPresent(SubmissionService::checkKey);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<FieldError> timeErrors = new ArrayList<>();
        Optional<Instant> received =
                registeredBy.isPresent() ? ReceivedTimes.read(draft.receivedAt(), now, timeErrors) : Optional.empty();
        ValidRequest valid = validate(draft, timeErrors);
        Instant start = received.orElse(now);
        // The received time is part of what was submitted: a retry that changes it is a different body.
        String fingerprint = hasher.hash(
                HashPurpose.IDEMPOTENCY_BODY,
                valid.canonicalForm() + received.map(at -> "\u001F" + at).orElse(""));

        if (idempotencyKey.isPresent()) {
            Optional<SubmissionReceipt> earlier = earlierAnswer(idempotencyKey.get(), fingerprint, now, valid);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Optional<String> nationalIdHash = valid.nationalId().map(id -> hasher.hash(HashPurpose.NATIONAL_ID, id));
        // An anonymous sender has nothing to match on, and must not be matched: no duplicates.
        List<ReferenceCode> sameSender =
                valid.anonymous() ? List.of() : repository.openRequestsOf(mobileHash(valid), nationalIdHash);
        Registration registration = new Registration(
                registeredBy,
                sameSender,
                serviceLevels.map(levels -> levels.dueAt(valid.category(), start, 0)),
                registrarId);
        for (int attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
            ServiceRequest request = newRequest(valid, ReferenceCode.random(random), now, start);
            Optional<IdempotencyRecord> record = idempotencyKey.map(key -> new IdempotencyRecord(
                    key,
                    fingerprint,
                    request.reference(),
                    request.category(),
                    request.status(),
                    start,
                    now.plus(IDEMPOTENCY_WINDOW)));
            CreateOutcome outcome =
                    repository.create(request, new TimelineEntry(start, Status.RECEIVED), record, registration);
            switch (outcome) {
                case CREATED:
                    return receipt(request.reference(), request.status(), start, valid, false)
                            .withDuplicates(registration.possibleDuplicates());
                case IDEMPOTENCY_KEY_TAKEN:
                    // A concurrent retry with the same key won the race: answer as it was answered.
                    return earlierAnswer(idempotencyKey.orElseThrow(), fingerprint, now, valid)
                            .orElseThrow(() -> new StorageUnavailableException("idempotency record vanished", null));
                case REFERENCE_TAKEN:
                    continue;
                default:
                    throw new IllegalStateException("unknown outcome " + outcome);
            }
        }
        throw new StorageUnavailableException("no free reference after " + REFERENCE_ATTEMPTS + " tries", null);
    }

    /** {@code valid} is the retry's content, which the fingerprint proved equal to the first's. */
    private Optional<SubmissionReceipt> earlierAnswer(String key, String fingerprint, Instant now, ValidRequest valid) {
        Optional<IdempotencyRecord> found = repository.findIdempotency(key).filter(r -> r.isLiveAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = found.get();
        if (!record.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException();
        }
        return Optional.of(receipt(record.reference(), record.status(), record.submittedAt(), valid, true));
    }

    /** Every rule's refusal and the received time's in one answer. */
    private ValidRequest validate(RequestDraft draft, List<FieldError> timeErrors) {
        ValidRequest valid;
        try {
            valid = rules.validate(draft);
        } catch (InvalidInputException e) {
            List<FieldError> all = new ArrayList<>(e.errors());
            all.addAll(timeErrors);
            throw new InvalidInputException(all);
        }
        if (!timeErrors.isEmpty()) {
            throw new InvalidInputException(timeErrors);
        }
        return valid;
    }

    private static void checkKey(String key) {
        boolean ok = !key.isEmpty()
                && key.length() <= IDEMPOTENCY_KEY_MAX
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
        if (!ok) {
            throw new InvalidInputException(FieldError.general(ErrorCode.INVALID_IDEMPOTENCY_KEY));
        }
    }

    private ServiceRequest newRequest(ValidRequest valid, ReferenceCode reference, Instant now, Instant start) {
        return new ServiceRequest(
                reference,
                valid.category(),
                valid.channel(),
                Status.RECEIVED,
                valid.name(),
                valid.mobile(),
                mobileHash(valid),
                valid.email(),
                valid.nationalId().map(id -> hasher.hash(HashPurpose.NATIONAL_ID, id)),
                valid.nationalId().map(NationalIds::lastFour),
                valid.city(),
                valid.description(),
                valid.preferredContact(),
                valid.language(),
                valid.onBehalf(),
                privacyNoticeVersion,
                now,
                start,
                now,
                1,
                valid.aboutStaff());
    }

    /** Empty for an anonymous request: a hash of "" would put every anonymous sender in one group. */
    private String mobileHash(ValidRequest valid) {
        return valid.anonymous() ? "" : hasher.hash(HashPurpose.MOBILE, valid.mobile());
    }

    private SubmissionReceipt receipt(
            ReferenceCode reference, Status status, Instant at, ValidRequest valid, boolean replayed) {
        return new SubmissionReceipt(
                reference,
                status,
                at,
                NextSteps.after(valid.category(), valid.anonymous()),
                replayed,
                List.of(),
                valid.anonymous() ? Optional.of(trackingCodes.codeFor(reference)) : Optional.empty());
    }
}
