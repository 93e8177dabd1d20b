package sa.mustafeed.core.ports;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSearch;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.StatusChange;

/**
 * The staff's view of the requests. Every method may throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface CaseRepository {
    /** The most requests a search returns: a beneficiary with more is found by reference. */
    int SEARCH_LIMIT = 50;

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
     * Every request the query selects, in its order, read page by page by the repository from the
     * query's cursor on (the caller never handles a cursor). Reading stops once {@code atLeast} are
     * held or none are left; the last page read may take the list past {@code atLeast}.
     *
     * @throws sa.mustafeed.core.errors.InvalidInputException when the cursor is not one this repository issued
     */
    List<CaseSummary> allMatching(QueueQuery query, int atLeast);

    /**
     * The requests a staff search finds, as queue rows, newest first: at most {@link #SEARCH_LIMIT},
     * one page without a cursor. Its cost is bounded whatever the number of hits: a fixed number of
     * reads, never one per request found.
     */
    QueuePage search(CaseSearch search);

    /**
     * Erases the personal data of one request (data-subject request, PDPL): name, contact details,
     * ID hash, description, city, guardian and note texts are overwritten or removed, the request
     * leaves the beneficiary indexes, and messages to it stop. Category, channel, status and dates
     * stay, so the association's counts remain true.
     */
    void erase(ReferenceCode reference, java.time.Instant at);

    /**
     * The requests registered by the person with this identity-provider id, newest first, read from
     * their own registration index (written with each request they registered), never a scan.
     *
     * @throws sa.mustafeed.core.errors.InvalidInputException when the cursor is not one this repository issued
     */
    QueuePage registeredBy(String registrarId, Optional<String> cursor, int pageSize);

    /** Requests of the beneficiary with this keyed mobile hash, newest first. */
    List<ReferenceCode> byMobileHash(String mobileHash);

    /** Requests of the beneficiary with this keyed national ID hash, newest first. */
    List<ReferenceCode> byNationalIdHash(String nationalIdHash);
}
