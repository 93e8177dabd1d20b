package sa.mustafeed.core.ports;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.documents.Document;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;

/**
 * Which documents belong to which request, kept with the request. Every method may throw
 * {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface DocumentRecords {

    /**
     * Records the document and its history entry in one transaction, once: a second call for the
     * same id stores nothing and answers false.
     *
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    boolean record(ReferenceCode reference, Document document, CaseEvent entry);

    /** The request's documents, oldest first. */
    List<Document> list(ReferenceCode reference);

    /** The document with this id on this request only. */
    Optional<Document> find(ReferenceCode reference, String documentId);
}
