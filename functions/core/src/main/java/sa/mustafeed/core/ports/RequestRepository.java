package sa.mustafeed.core.ports;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.RequestWithTimeline;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.TimelineEntry;

/**
 * Where requests live. Implementations must be safe under concurrent callers: uniqueness of
 * references and of idempotency keys is enforced by the store (conditional writes), never by a
 * read-then-write in the caller.
 *
 * <p>Every method may throw {@link sa.mustafeed.core.errors.StorageUnavailableException} when the
 * store cannot be reached; a failed {@link #create} then stored nothing.
 */
public interface RequestRepository {

    /** What {@link #create} did. */
    enum CreateOutcome {
        /** The request, its first timeline entry and the idempotency record (if any) were stored together. */
        CREATED,
        /** Nothing stored: another request already has this reference. Pick a new one and try again. */
        REFERENCE_TAKEN,
        /** Nothing stored: a live idempotency record already holds this key. Read it with {@link #findIdempotency}. */
        IDEMPOTENCY_KEY_TAKEN
    }

    /**
     * Stores a new request all-or-nothing: the request, its first timeline entry, the idempotency
     * record (if any), and the request counted in the service counters that {@link ServiceStatistics}
     * reads, under the request's submission month (of {@code submittedAt} in UTC), channel and
     * category: {@code received} and the number in {@link sa.mustafeed.core.request.Status#RECEIVED}
     * each go up by one. The service report adds these counters and never reads requests, so the
     * count is part of the same atomic write: a {@link CreateOutcome#CREATED CREATED} request is
     * counted exactly once, and any other outcome (or an exception) counts nothing. Tested for every
     * implementation by {@code RequestRepositoryContract} (core's test-jar).
     *
     * <p>An idempotency record whose {@code expiresAt} has passed counts as absent and is replaced.
     */
    CreateOutcome create(
            ServiceRequest request,
            TimelineEntry firstEntry,
            Optional<IdempotencyRecord> idempotency,
            Registration registration);

    /** {@link #create(ServiceRequest, TimelineEntry, Optional, Registration)} for a public submission. */
    default CreateOutcome create(
            ServiceRequest request, TimelineEntry firstEntry, Optional<IdempotencyRecord> idempotency) {
        return create(request, firstEntry, idempotency, Registration.PUBLIC);
    }

    /**
     * The beneficiary's requests that are still open, found by the keyed hash of their mobile or of
     * their national ID, newest first (from the indexes, never a scan).
     */
    List<ReferenceCode> openRequestsOf(String mobileHash, Optional<String> nationalIdHash);

    /** The idempotency record under this key, live or stale (the caller checks {@code isLiveAt}). */
    Optional<IdempotencyRecord> findIdempotency(String key);

    /** The request with its public timeline, or empty when there is no such reference. */
    Optional<RequestWithTimeline> findWithTimeline(ReferenceCode reference);

    /** What {@link #changeContact} did. */
    enum ContactChange {
        /** The request's messages go the new way from now on. */
        CHANGED,
        /** Nothing written: there is no such request. */
        NO_SUCH_REQUEST,
        /** Nothing written: email was chosen and the request has no email address. */
        NO_EMAIL
    }

    /**
     * Sets how the request's messages reach the beneficiary from now on, in one conditional write on
     * the request alone, which also checks that the request exists and, for {@link ContactMethod#EMAIL},
     * that it has an email address (so an erasure between the caller's read and this write cannot
     * leave a request set to a channel with no address). Nothing else changes: not the status, not
     * {@code updatedAt}, and not the version, so the stream's copy of this change is no message for the
     * notifier (same status, no reply) and a staff page open on the request keeps its version. Tested
     * for every implementation by {@code RequestRepositoryContract}.
     */
    ContactChange changeContact(ReferenceCode reference, ContactMethod to);
}
