package sa.mustafeed.core.ports;

import java.util.List;
import java.util.Optional;

import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.StatusChange;

/**
 * The staff's view of the requests. Every method may throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface CaseRepository {

    Optional<CaseFile> find(ReferenceCode reference);

    /**
     * Stores the change, its public timeline entry and its note in one transaction, only if the
     * request is still at {@code expectedVersion}.
     *
     * @throws sa.mustafeed.core.errors.VersionConflictException when someone else changed it first
     */
    void changeStatus(StatusChange change);

    /**
     * Adds an entry that does not change the status: an internal note, a beneficiary's message or a
     * document received. The request itself is not touched (no new version, no message sent).
     *
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    void addNote(ReferenceCode reference, CaseEvent note);

    /**
     * Stores a public reply and makes it the request's latest reply in one transaction: the request
     * moves to a new version (so the stream-driven notifier sends the reply exactly once, under the
     * same sent-message claim as any other change) and the reply joins the public timeline.
     *
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    void addReply(ReferenceCode reference, CaseEvent reply);

    /**
     * A page of the queue from the indexes (never a scan).
     *
     * @throws sa.mustafeed.core.errors.InvalidInputException when the cursor is not one this repository issued
     */
    QueuePage queue(QueueQuery query);

    /**
     * Erases the personal data of one request (data-subject request, PDPL): name, contact details,
     * ID hash, description, city, guardian and note texts are overwritten or removed, the request
     * leaves the beneficiary indexes, and messages to it stop. Category, channel, status and dates
     * stay, so the association's counts remain true.
     */
    void erase(ReferenceCode reference, java.time.Instant at);

    /** Requests of the beneficiary with this keyed mobile hash, newest first. */
    List<ReferenceCode> byMobileHash(String mobileHash);

    /** Requests of the beneficiary with this keyed national ID hash, newest first. */
    List<ReferenceCode> byNationalIdHash(String nationalIdHash);
}
