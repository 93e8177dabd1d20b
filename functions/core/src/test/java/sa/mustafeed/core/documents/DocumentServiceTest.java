package sa.mustafeed.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.DocumentNotFoundException;
import sa.mustafeed.core.errors.DocumentNotUploadedException;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.fakes.InMemoryDocumentRecords;
import sa.mustafeed.core.fakes.InMemoryDocumentStorage;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;

class DocumentServiceTest {
    private static final StaffMember AMAL = new StaffMember("u1", "أمل", Role.STAFF);
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final CaseService cases = new CaseService(
            repository,
            new sa.mustafeed.core.fakes.InMemoryMessaging().deliveryLog,
            SampleServiceLevels.LEVELS,
            SampleDrafts.HASHER,
            clock);
    private final InMemoryDocumentStorage storage = new InMemoryDocumentStorage(clock);
    private final AtomicInteger nextId = new AtomicInteger();
    private final DocumentService documents = new DocumentService(
            cases,
            new InMemoryDocumentRecords(repository),
            storage,
            clock,
            () -> String.format("%032x", nextId.incrementAndGet()));
    private ReferenceCode mine;
    private ReferenceCode someoneElses;

    @BeforeEach
    void twoRequests() {
        SubmissionService submissions = new SubmissionService(
                RequestRules.forPublicChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(9),
                "2026-11");
        mine = submissions.submit(SampleDrafts.valid(), Optional.empty()).reference();
        someoneElses = submissions
                .submit(SampleDrafts.withCity("جدة"), Optional.empty())
                .reference();
    }

    private UploadSlot slot(String type, long size) {
        return documents.startUpload(mine, UploadRequest.of("هوية.pdf", type, size));
    }

    private Document uploadAndConfirm(ReferenceCode reference, byte[] bytes, String type, String by) {
        UploadSlot slot = documents.startUpload(reference, UploadRequest.of("ملف.pdf", type, bytes.length));
        storage.put(DocumentService.keyOf(reference, slot.documentId()), bytes, type, "ملف.pdf");
        return documents.confirm(reference, slot.documentId(), by);
    }

    private static List<ErrorCode> codes(InvalidInputException e) {
        return e.errors().stream().map(FieldError::code).toList();
    }

    @Test
    void startUpload_signsOnePutOfExactlyTheDeclaredTypeAndSize_forFiveMinutes_underTheRequestsOwnKey() {
        // WHEN
        UploadSlot slot = slot("application/pdf", 123_456);
        // THEN
        var signed = storage.signed("requests/" + mine.value() + "/" + slot.documentId())
                .orElseThrow();
        assertEquals(DocumentType.PDF, signed.type());
        assertEquals(123_456, signed.size());
        assertEquals(Duration.ofMinutes(5), signed.validFor());
        assertEquals(SampleDrafts.NOW.plus(Duration.ofMinutes(5)), slot.expiresAt());
        assertTrue(signed.key().startsWith("requests/" + mine.value() + "/"));
        assertEquals("هوية.pdf", signed.fileName());
    }

    @Test
    void startUpload_refusesOtherTypes() {
        for (String type : List.of("text/html", "application/x-msdownload", "image/svg+xml", "image/gif", "")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> slot(type, 10));
            assertEquals(List.of(ErrorCode.INVALID_DOCUMENT_TYPE), codes(e), type);
        }
        assertEquals(DocumentType.JPEG, slot("image/jpeg", 10).type());
        assertEquals(DocumentType.PNG, slot("IMAGE/PNG", 10).type());
    }

    @Test
    void startUpload_refusesMoreThanTenMegabytesAndEmptyOrFractionalSizes() {
        assertEquals(
                List.of(ErrorCode.DOCUMENT_TOO_LARGE),
                codes(assertThrows(
                        InvalidInputException.class, () -> slot("image/png", DocumentService.MAX_BYTES + 1))));
        assertEquals(
                DocumentService.MAX_BYTES,
                slot("image/png", DocumentService.MAX_BYTES).size());
        for (long size : List.of(0L, -1L, Long.MIN_VALUE)) {
            assertEquals(
                    List.of(ErrorCode.INVALID_TYPE),
                    codes(assertThrows(
                            InvalidInputException.class,
                            () -> documents.startUpload(mine, UploadRequest.of("a.png", "image/png", size)))),
                    "size " + size);
        }
        // A fractional or textual size is refused where the JSON is read (UploadRequestsTest); here its error stays
        // in its own place among the others.
        UploadRequest unreadableSize =
                new UploadRequest("", "image/png", null, List.of(FieldError.of("size", ErrorCode.INVALID_TYPE)));
        assertEquals(
                List.of(FieldError.of("name", ErrorCode.REQUIRED), FieldError.of("size", ErrorCode.INVALID_TYPE)),
                assertThrows(InvalidInputException.class, () -> documents.startUpload(mine, unreadableSize))
                        .errors());
        assertEquals(
                List.of(ErrorCode.REQUIRED, ErrorCode.REQUIRED, ErrorCode.REQUIRED),
                codes(assertThrows(
                        InvalidInputException.class,
                        () -> documents.startUpload(mine, new UploadRequest(null, null, null, null)))));
    }

    @Test
    void startUpload_keepsOnlyTheLastPartOfTheNameAndRefusesControlCharacters() {
        UploadSlot slot =
                documents.startUpload(mine, UploadRequest.of("C:\\Users\\sara\\تقرير طبي.pdf", "application/pdf", 10));
        assertEquals(
                "تقرير طبي.pdf",
                storage.signed(DocumentService.keyOf(mine, slot.documentId()))
                        .orElseThrow()
                        .fileName());
        assertEquals(
                List.of(ErrorCode.INVALID_TEXT),
                codes(assertThrows(
                        InvalidInputException.class,
                        () -> documents.startUpload(mine, UploadRequest.of("a\u0000.pdf", "application/pdf", 10)))));
        // An override turns "\u202Egpj.pdf" into "fdp.jpg" on screen: refused like any control character.
        assertEquals(
                List.of(ErrorCode.INVALID_TEXT),
                codes(assertThrows(
                        InvalidInputException.class,
                        () -> documents.startUpload(mine, UploadRequest.of("\u202Egpj.pdf", "application/pdf", 10)))));
    }

    @Test
    void startUpload_forAnUnknownRequest_isNotFound() {
        assertThrows(
                RequestNotFoundException.class,
                () -> documents.startUpload(
                        new ReferenceCode("MHF5Q2N7"), UploadRequest.of("a.pdf", "application/pdf", 10)));
    }

    @Test
    void confirm_refusesAFileThatNeverArrived() {
        UploadSlot slot = slot("application/pdf", PDF.length);
        assertThrows(
                DocumentNotUploadedException.class,
                () -> documents.confirm(mine, slot.documentId(), CaseEvent.BENEFICIARY));
        assertTrue(documents.all(mine).isEmpty());
    }

    @Test
    void confirm_refusesAndRemovesAFileWhoseBytesAreNotItsDeclaredType() {
        // GIVEN an HTML page uploaded as a PDF
        byte[] html = "<html><script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UploadSlot slot = slot("application/pdf", html.length);
        String key = DocumentService.keyOf(mine, slot.documentId());
        storage.put(key, html, "application/pdf", "x.pdf");
        // WHEN / THEN
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> documents.confirm(mine, slot.documentId(), CaseEvent.BENEFICIARY));
        assertEquals(List.of(ErrorCode.INVALID_DOCUMENT_TYPE), codes(e));
        assertFalse(storage.has(key));
        assertTrue(documents.all(mine).isEmpty());
    }

    @Test
    void confirm_refusesAndRemovesAFileStoredWithAnotherType() {
        UploadSlot slot = slot("application/pdf", PDF.length);
        String key = DocumentService.keyOf(mine, slot.documentId());
        storage.put(key, PDF, "text/html", "x.pdf");
        assertThrows(
                InvalidInputException.class, () -> documents.confirm(mine, slot.documentId(), CaseEvent.BENEFICIARY));
        assertFalse(storage.has(key));
    }

    @Test
    void confirm_refusesAndRemovesAFileOfAnotherSizeThanSigned_orWithNoSignedSize() {
        UploadSlot slot = slot("application/pdf", PDF.length + 100);
        String key = DocumentService.keyOf(mine, slot.documentId());
        storage.put(key, PDF, "application/pdf", "x.pdf");
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> documents.confirm(mine, slot.documentId(), CaseEvent.BENEFICIARY));
        assertEquals(List.of(ErrorCode.DOCUMENT_INCOMPLETE), codes(e));
        assertFalse(storage.has(key));

        UploadSlot unsigned = slot("application/pdf", PDF.length);
        String other = DocumentService.keyOf(mine, unsigned.documentId());
        storage.put(other, PDF, "application/pdf", "x.pdf", java.util.OptionalLong.empty());
        e = assertThrows(
                InvalidInputException.class,
                () -> documents.confirm(mine, unsigned.documentId(), CaseEvent.BENEFICIARY));
        assertEquals(List.of(ErrorCode.DOCUMENT_INCOMPLETE), codes(e));
        assertFalse(storage.has(other));
        assertTrue(documents.all(mine).isEmpty());
    }

    @Test
    void confirm_checksTheNameTheStoreReturns_refusingLineBreaksMarkupAndOverrides() {
        for (String tampered : List.of("a\r\nb.pdf", "<img src=x onerror=alert(1)>.pdf", "\u202Egpj.pdf")) {
            UploadSlot slot = slot("application/pdf", PDF.length);
            String key = DocumentService.keyOf(mine, slot.documentId());
            storage.put(key, PDF, "application/pdf", tampered);
            InvalidInputException e = assertThrows(
                    InvalidInputException.class,
                    () -> documents.confirm(mine, slot.documentId(), CaseEvent.BENEFICIARY),
                    tampered);
            assertEquals(List.of(ErrorCode.INVALID_TEXT), codes(e), tampered);
            assertFalse(storage.has(key), tampered);
        }
        assertTrue(documents.all(mine).isEmpty());
        assertEquals(
                List.of(ErrorCode.INVALID_TEXT),
                codes(assertThrows(
                        InvalidInputException.class,
                        () -> documents.startUpload(mine, UploadRequest.of("<b>x</b>.pdf", "application/pdf", 10)))));
    }

    @Test
    void confirm_refusesAndRemovesAFileLargerThanTheLimit() {
        UploadSlot slot = slot("application/pdf", 10);
        String key = DocumentService.keyOf(mine, slot.documentId());
        byte[] big = new byte[(int) DocumentService.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        storage.put(key, big, "application/pdf", "x.pdf");
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> documents.confirm(mine, slot.documentId(), CaseEvent.BENEFICIARY));
        assertEquals(List.of(ErrorCode.DOCUMENT_TOO_LARGE), codes(e));
        assertFalse(storage.has(key));
    }

    @Test
    void confirm_recordsTheRealSizeAndNameOnce_andShowsItInThePublicTimeline() {
        Document first = uploadAndConfirm(mine, PNG, "image/png", CaseEvent.BENEFICIARY);
        Document again = documents.confirm(mine, first.id(), CaseEvent.BENEFICIARY);
        assertEquals(first, again);
        assertEquals(List.of(first), documents.sentByBeneficiary(mine));
        assertEquals(PNG.length, first.size());
        List<TimelineEntry> timeline =
                repository.findWithTimeline(mine).orElseThrow().timeline();
        assertEquals(
                1,
                timeline.stream()
                        .filter(t -> t.kind() == TimelineEntry.Kind.DOCUMENT)
                        .count());
    }

    @Test
    void confirm_byTheBeneficiary_movesAWaitingRequestBackToTheQueue() {
        // GIVEN staff asked for a document
        cases.changeStatus(mine, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        cases.changeStatus(mine, Status.WAITING_FOR_BENEFICIARY, 2, Optional.of("نحتاج صورة الهوية"), AMAL);
        // WHEN the beneficiary sends it
        uploadAndConfirm(mine, PDF, "application/pdf", CaseEvent.BENEFICIARY);
        // THEN
        assertEquals(Status.IN_REVIEW, cases.open(mine).request().status());
    }

    @Test
    void confirm_byStaff_leavesTheStatusAndStaysOutOfTheBeneficiarysList() {
        cases.changeStatus(mine, Status.IN_REVIEW, 1, Optional.empty(), AMAL);
        cases.changeStatus(mine, Status.WAITING_FOR_BENEFICIARY, 2, Optional.empty(), AMAL);
        Document letter = uploadAndConfirm(mine, PDF, "application/pdf", AMAL.name());
        assertEquals(Status.WAITING_FOR_BENEFICIARY, cases.open(mine).request().status());
        assertEquals(List.of(letter), documents.all(mine));
        assertTrue(documents.sentByBeneficiary(mine).isEmpty());
    }

    @Test
    void anotherReference_cannotConfirmListOrOpenTheFilesOfThisOne() {
        // GIVEN a document on my request
        Document mineDoc = uploadAndConfirm(mine, PDF, "application/pdf", CaseEvent.BENEFICIARY);
        // WHEN someone holding another request's reference uses its id
        // THEN they get nothing: not a link, not the name, not a record
        assertThrows(DocumentNotFoundException.class, () -> documents.open(someoneElses, mineDoc.id()));
        assertTrue(documents.sentByBeneficiary(someoneElses).isEmpty());
        assertThrows(
                DocumentNotUploadedException.class,
                () -> documents.confirm(someoneElses, mineDoc.id(), CaseEvent.BENEFICIARY));
        assertTrue(documents.all(someoneElses).isEmpty());
    }

    @Test
    void open_givesAFiveMinuteLinkToADocumentOfThisRequestOnly() {
        Document doc = uploadAndConfirm(mine, PDF, "application/pdf", CaseEvent.BENEFICIARY);
        assertTrue(documents.open(mine, doc.id()).toString().contains(DocumentService.keyOf(mine, doc.id())));
        assertTrue(documents.open(mine, doc.id()).toString().contains("expires=300"));
        assertThrows(DocumentNotFoundException.class, () -> documents.open(mine, "../../" + doc.id()));
        assertThrows(DocumentNotFoundException.class, () -> documents.open(mine, String.format("%032x", 999)));
    }
}
