package sa.mustafeed.core.documents;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import sa.mustafeed.core.errors.DocumentNotFoundException;
import sa.mustafeed.core.errors.DocumentNotUploadedException;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.FieldErrors;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.DocumentRecords;
import sa.mustafeed.core.ports.DocumentStorage;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.validation.Texts;

/**
 * Documents on a request: the beneficiary (after the lookup's check) or staff get a short-lived
 * upload slot under a key that belongs to the request, the browser sends the bytes to the store
 * itself, and the document is recorded only once the store really holds a file of an accepted type
 * and size. Staff open documents through short-lived links; the beneficiary only ever sees the
 * names and dates of what they sent.
 */
public final class DocumentService {
    /** A phone photo of an A4 page is 2–5 MB; 10 MB leaves room for a multi-page scan. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Long enough to start an upload after choosing the file; S3 checks expiry when the upload starts. */
    public static final Duration UPLOAD_VALID_FOR = Duration.ofMinutes(5);
    /** A download link is for opening the file now, not for passing around. */
    public static final Duration DOWNLOAD_VALID_FOR = Duration.ofMinutes(5);

    public static final int NAME_MAX = 120;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final CaseService cases;
    private final DocumentRecords records;
    private final DocumentStorage storage;
    private final Clock clock;
    private final Supplier<String> ids;

    public DocumentService(
            CaseService cases, DocumentRecords records, DocumentStorage storage, Clock clock, Supplier<String> ids) {
        this.cases = cases;
        this.records = records;
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
    }

    /** Random 128-bit ids: a document's key cannot be guessed from another's. */
    public static String randomId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /** The store key of a document: always under its own request's prefix. */
    public static String keyOf(ReferenceCode reference, String documentId) {
        return "requests/" + reference.value() + "/" + documentId;
    }

    /**
     * @throws InvalidInputException when the name, type or size is not acceptable (all listed)
     * @throws sa.mustafeed.core.errors.RequestNotFoundException when there is no such request
     */
    public UploadSlot startUpload(ReferenceCode reference, UploadRequest request) {
        FieldErrors errors = new FieldErrors(request.shapeErrors(), "name", "contentType", "size");
        String name = errors.readable("name") ? fileName(request.name(), errors) : "";
        Optional<DocumentType> type = Optional.empty();
        if (errors.readable("contentType")) {
            if (request.contentType() == null) {
                errors.add("contentType", ErrorCode.REQUIRED);
            } else {
                type = DocumentType.fromMediaType(request.contentType());
                if (type.isEmpty()) {
                    errors.add("contentType", ErrorCode.INVALID_DOCUMENT_TYPE);
                }
            }
        }
        long size = 0;
        if (errors.readable("size")) {
            if (request.size() == null) {
                errors.add("size", ErrorCode.REQUIRED);
            } else if (request.size() < 1) {
                errors.add("size", ErrorCode.INVALID_TYPE);
            } else if (request.size() > MAX_BYTES) {
                errors.add("size", ErrorCode.DOCUMENT_TOO_LARGE);
            } else {
                size = request.size();
            }
        }
        errors.throwIfAny();
        cases.open(reference);
        String id = ids.get();
        DocumentStorage.PresignedUpload upload =
                storage.presignUpload(keyOf(reference, id), type.get(), size, name, UPLOAD_VALID_FOR);
        return new UploadSlot(id, upload.url(), upload.headers(), upload.expiresAt(), type.get(), size);
    }

    /**
     * Records the uploaded file after checking it where it landed: present, at most {@link #MAX_BYTES},
     * an accepted type that its first bytes confirm. A refused file is removed from the store. A file
     * the beneficiary sent moves a request waiting for them back to the employee's queue. Confirming
     * twice records once.
     *
     * @param by {@link CaseEvent#BENEFICIARY} or the employee's name
     * @throws DocumentNotUploadedException when nothing arrived under this id
     * @throws InvalidInputException {@code document_too_large} / {@code invalid_document_type} (field {@code file})
     */
    public Document confirm(ReferenceCode reference, String documentId, String by) {
        if (documentId == null || !ID.matcher(documentId).matches()) {
            throw new DocumentNotFoundException();
        }
        CaseFile file = cases.open(reference);
        Optional<Document> already = records.find(reference, documentId);
        if (already.isPresent()) {
            return already.get();
        }
        String key = keyOf(reference, documentId);
        DocumentStorage.StoredObject stored = storage.describe(key).orElseThrow(DocumentNotUploadedException::new);
        if (stored.size() < 1) {
            storage.delete(key);
            throw new DocumentNotUploadedException();
        }
        if (stored.size() > MAX_BYTES) {
            storage.delete(key);
            throw new InvalidInputException(FieldError.of("file", ErrorCode.DOCUMENT_TOO_LARGE));
        }
        // Checked again here, not only when signing: a store that does not enforce the signature (or an
        // upload cut short) would otherwise leave a record that says one size and a file of another.
        if (stored.declaredSize().isEmpty() || stored.declaredSize().getAsLong() != stored.size()) {
            storage.delete(key);
            throw new InvalidInputException(FieldError.of("file", ErrorCode.DOCUMENT_INCOMPLETE));
        }
        FieldErrors nameErrors = new FieldErrors(List.of(), "name");
        String name = stored.fileName()
                .filter(n -> !n.isBlank())
                .map(n -> fileName(n, nameErrors))
                .orElse("document");
        if (!nameErrors.isEmpty()) {
            // The name came back from the store's metadata, not from the form: said of the file.
            storage.delete(key);
            throw new InvalidInputException(FieldError.of("file", ErrorCode.INVALID_TEXT));
        }
        Optional<DocumentType> type = DocumentType.fromMediaType(stored.contentType());
        if (type.isEmpty() || !type.get().matches(storage.firstBytes(key, DocumentType.SIGNATURE_BYTES))) {
            storage.delete(key);
            throw new InvalidInputException(FieldError.of("file", ErrorCode.INVALID_DOCUMENT_TYPE));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Document document = new Document(documentId, name, type.get(), stored.size(), now, by);
        records.record(
                reference,
                document,
                CaseEvent.document(now, name, by, file.request().status()));
        if (CaseEvent.BENEFICIARY.equals(by)) {
            cases.backToQueue(reference);
        }
        return records.find(reference, documentId).orElse(document);
    }

    /** What the beneficiary may see: the names and dates of the documents they sent themselves. */
    public List<Document> sentByBeneficiary(ReferenceCode reference) {
        return records.list(reference).stream()
                .filter(Document::sentByBeneficiary)
                .toList();
    }

    /** Every document on the request (staff). */
    public List<Document> all(ReferenceCode reference) {
        return records.list(reference);
    }

    /**
     * A short-lived link to one document of this request (staff only).
     *
     * @throws DocumentNotFoundException when the id is not a document of this request
     */
    public URI open(ReferenceCode reference, String documentId) {
        if (documentId == null || !ID.matcher(documentId).matches()) {
            throw new DocumentNotFoundException();
        }
        Document document = records.find(reference, documentId).orElseThrow(DocumentNotFoundException::new);
        return storage.presignDownload(
                keyOf(reference, documentId), document.name(), document.type(), DOWNLOAD_VALID_FOR);
    }

    /**
     * The last part of what the browser calls the file: no folders, no control or bidi characters, no
     * markup, at most {@link #NAME_MAX}. Applied when signing and again to the name the store returns.
     */
    private static String fileName(String typed, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            errors.add("name", ErrorCode.REQUIRED);
            return "";
        }
        String clean = Texts.clean(typed);
        clean = clean.substring(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1)
                .strip();
        if (clean.isEmpty()) {
            errors.add("name", ErrorCode.REQUIRED);
        } else if (Texts.length(clean) > NAME_MAX) {
            errors.add("name", ErrorCode.TOO_LONG);
        } else if (Texts.hasForbiddenCharacters(clean, false) || clean.indexOf('<') >= 0 || clean.indexOf('>') >= 0) {
            // No file system people use allows < or > in a file name: one that has them is markup.
            errors.add("name", ErrorCode.INVALID_TEXT);
        }
        return clean;
    }
}
