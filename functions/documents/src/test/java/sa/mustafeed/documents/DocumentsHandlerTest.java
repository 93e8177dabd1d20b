package sa.mustafeed.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.documents.DocumentService;
import sa.mustafeed.core.fakes.InMemoryDocumentRecords;
import sa.mustafeed.core.fakes.InMemoryDocumentStorage;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.fakes.SampleServiceLevels;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ContactChoiceService;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseService;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.SampleEvents;

/** The documents function fed the sample events in events/documents/, over the in-memory fakes. */
class DocumentsHandlerTest {
    private static final String DOC = "0123456789abcdef0123456789abcdef";
    private static final ReferenceCode SAMPLE = new ReferenceCode("MHF5Q2N7");
    private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1);
    /** The sizes the sample events declare: what arrives must be exactly that long. */
    private static final int DECLARED = 245_760;

    private static final int STAFF_DECLARED = 51_200;

    /** A PDF of {@code size} bytes: the signature, then padding. */
    private static byte[] pdf(int size) {
        return java.util.Arrays.copyOf(PDF, size);
    }

    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final CaseService cases = new CaseService(
            repository,
            new sa.mustafeed.core.fakes.InMemoryMessaging().deliveryLog,
            SampleServiceLevels.LEVELS,
            SampleDrafts.HASHER,
            clock);
    private final InMemoryDocumentStorage storage = new InMemoryDocumentStorage(clock);
    private final InMemoryFailedAttempts attempts = new InMemoryFailedAttempts();
    private final LookupService lookups = new LookupService(repository, attempts, SampleDrafts.HASHER, clock);
    private final DocumentsHandler handler = new DocumentsHandler(
            lookups,
            cases,
            new DocumentService(cases, new InMemoryDocumentRecords(repository), storage, clock, () -> DOC),
            new ContactChoiceService(lookups, repository),
            new sa.mustafeed.core.complaints.ComplaintService(
                    cases, repository, sa.mustafeed.core.fakes.SampleServiceLevels.COMPLAINTS, clock));

    /** The request the sample events name: MHF5-Q2N7, mobile ending 4567, received, version 1. */
    @BeforeEach
    void storeTheSampleRequest() {
        ServiceRequest request = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        repository.create(request, new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED), Optional.empty());
    }

    private Map<String, Object> invoke(String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(SampleEvents.path("documents", name))), out, null);
        return Json.readObject(out.toByteArray());
    }

    private static Map<String, Object> body(Map<String, Object> response) throws Exception {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorCodes(Map<String, Object> response) throws Exception {
        return ((List<Map<String, Object>>) body(response).get("errors"))
                .stream().map(e -> (String) e.get("code")).toList();
    }

    private void waitingForTheBeneficiary() {
        StaffMember amal = new StaffMember("u1", "أمل", Role.STAFF);
        cases.changeStatus(SAMPLE, Status.IN_REVIEW, 1, Optional.empty(), amal);
        cases.changeStatus(SAMPLE, Status.WAITING_FOR_BENEFICIARY, 2, Optional.of("صورة التقرير الطبي"), amal);
    }

    @Test
    void startUpload_answersAPresignedPutForTheRequestsOwnKey() throws Exception {
        Map<String, Object> response = invoke("start-upload");
        assertEquals(201, response.get("statusCode"));
        Map<String, Object> slot = body(response);
        assertEquals(DOC, slot.get("documentId"));
        assertEquals("PUT", slot.get("method"));
        assertTrue(((String) slot.get("uploadUrl")).contains("requests/MHF5Q2N7/" + DOC), String.valueOf(slot));
        assertEquals("application/pdf", ((Map<?, ?>) slot.get("headers")).get("content-type"));
        assertEquals(245760, ((Number) slot.get("size")).intValue());
    }

    @Test
    void startUpload_ofAProgramTooLarge_isRefusedWithEveryReason() throws Exception {
        Map<String, Object> response = invoke("start-upload-refused");
        assertEquals(400, response.get("statusCode"));
        assertEquals(List.of("invalid_document_type", "document_too_large"), errorCodes(response));
    }

    @Test
    void startUpload_withWrongDigits_isTheLookupsSame404_andCountsAsAFailedTry() throws Exception {
        Map<String, Object> response = invoke("start-upload-wrong-digits");
        assertEquals(404, response.get("statusCode"));
        assertEquals(List.of("not_found"), errorCodes(response));
        assertTrue(storage.signed("requests/MHF5Q2N7/" + DOC).isEmpty());
        for (int i = 1; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            invoke("start-upload-wrong-digits");
        }
        Map<String, Object> blocked = invoke("start-upload");
        assertEquals(429, blocked.get("statusCode"), "the lookup's limit covers uploads too");
    }

    @Test
    void confirm_ofAFileThatNeverArrived_is409NotUploaded() throws Exception {
        invoke("start-upload");
        Map<String, Object> response = invoke("confirm");
        assertEquals(409, response.get("statusCode"));
        assertEquals(List.of("document_not_uploaded"), errorCodes(response));
    }

    @Test
    void confirm_afterTheUpload_recordsItAndSendsAWaitingRequestBackToTheQueue() throws Exception {
        waitingForTheBeneficiary();
        invoke("start-upload");
        storage.put("requests/MHF5Q2N7/" + DOC, pdf(DECLARED), "application/pdf", "تقرير طبي.pdf");
        Map<String, Object> response = invoke("confirm");
        assertEquals(201, response.get("statusCode"));
        assertEquals("تقرير طبي.pdf", body(response).get("name"));
        assertFalse(body(response).containsKey("url"), "the beneficiary never gets a link");
        assertEquals(Status.IN_REVIEW, cases.open(SAMPLE).request().status());
    }

    @Test
    void message_landsInTheStaffTimelineAndEndsTheWait() throws Exception {
        waitingForTheBeneficiary();
        Map<String, Object> response = invoke("message");
        assertEquals(201, response.get("statusCode"));
        assertEquals("أرسلت صورة التقرير الطبي، شكرًا لكم.", body(response).get("text"));
        assertEquals(Status.IN_REVIEW, cases.open(SAMPLE).request().status());
    }

    private ServiceRequest stored() {
        return cases.open(SAMPLE).request();
    }

    @Test
    void contactPreference_movesTheRequestToWhatsApp_andAnswersTheChoice() throws Exception {
        // GIVEN the sample request on SMS, version 1 (the event types its digits in Arabic-Indic)
        // WHEN the beneficiary chooses WhatsApp
        Map<String, Object> response = invoke("contact-preference");
        // THEN it is stored and answered, and nothing a message depends on moved
        assertEquals(200, response.get("statusCode"));
        assertEquals(Map.of("preferredContact", "whatsapp"), body(response));
        assertEquals(ContactMethod.WHATSAPP, stored().preferredContact());
        assertEquals(1, stored().version(), "no new version, so the notifier has nothing to say");
        assertEquals(Status.RECEIVED, stored().status());
        // AND choosing it again answers the same
        assertEquals(200, invoke("contact-preference").get("statusCode"));
        assertEquals(ContactMethod.WHATSAPP, stored().preferredContact());
    }

    @Test
    void contactPreference_withWrongDigits_isTheLookupsSame404_andCountsLikeTheMessagesRoute() throws Exception {
        Map<String, Object> wrong = invoke("contact-preference-wrong-digits");
        assertEquals(404, wrong.get("statusCode"));
        assertEquals(List.of("not_found"), errorCodes(wrong));
        assertEquals(ContactMethod.SMS, stored().preferredContact(), "nothing changed");
        for (int i = 1; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            invoke("contact-preference-wrong-digits");
        }
        // The right digits now meet the lookup's limit, on this route and on the messages route alike.
        Map<String, Object> blocked = invoke("contact-preference");
        assertEquals(429, blocked.get("statusCode"));
        assertTrue(((Map<?, ?>) blocked.get("headers")).containsKey("retry-after"), String.valueOf(blocked));
        assertEquals(429, invoke("message").get("statusCode"), "one limit for every door");
        assertEquals(ContactMethod.SMS, stored().preferredContact());
    }

    @Test
    void contactPreference_failuresOnTheOtherPublicRoutes_countHereToo() throws Exception {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            invoke("start-upload-wrong-digits");
        }
        assertEquals(429, invoke("contact-preference").get("statusCode"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactPreference_unknownChoice_is400OnTheField_andChangesNothing() throws Exception {
        Map<String, Object> response = invoke("contact-preference-unknown");
        assertEquals(400, response.get("statusCode"));
        Map<String, Object> error = ((List<Map<String, Object>>) body(response).get("errors")).getFirst();
        assertEquals("preferredContact", error.get("field"));
        assertEquals("invalid_choice", error.get("code"));
        assertTrue(((Map<String, Object>) error.get("message")).containsKey("ar"));
        assertEquals(ContactMethod.SMS, stored().preferredContact());
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactPreference_emailForARequestWithoutAnAddress_is400EmailRequired() throws Exception {
        Map<String, Object> response = invoke("contact-preference-email");
        assertEquals(400, response.get("statusCode"));
        Map<String, Object> error = ((List<Map<String, Object>>) body(response).get("errors")).getFirst();
        assertEquals("preferredContact", error.get("field"));
        assertEquals("email_required_for_contact", error.get("code"));
        assertEquals(ContactMethod.SMS, stored().preferredContact());
    }

    @Test
    void confirm_ofAFileShorterThanDeclared_is400Incomplete_andRecordsNothing() throws Exception {
        invoke("start-upload");
        storage.put("requests/MHF5Q2N7/" + DOC, PDF, "application/pdf", "تقرير طبي.pdf");
        Map<String, Object> response = invoke("confirm");
        assertEquals(400, response.get("statusCode"));
        assertEquals(List.of("document_incomplete"), errorCodes(response));
        assertFalse(storage.has("requests/MHF5Q2N7/" + DOC));
    }

    @Test
    @SuppressWarnings("unchecked")
    void staff_listAndOpenTheDocuments() throws Exception {
        invoke("start-upload");
        storage.put("requests/MHF5Q2N7/" + DOC, pdf(DECLARED), "application/pdf", "تقرير طبي.pdf");
        invoke("confirm");
        List<Map<String, Object>> documents =
                (List<Map<String, Object>>) body(invoke("staff-list")).get("documents");
        assertEquals(1, documents.size());
        assertEquals("beneficiary", documents.getFirst().get("by"));
        Map<String, Object> open = invoke("staff-open");
        assertEquals(200, open.get("statusCode"));
        assertTrue(((String) body(open).get("url")).contains("requests/MHF5Q2N7/" + DOC));
        assertEquals(300, ((Number) body(open).get("expiresInSeconds")).intValue());
    }

    @Test
    void staff_openingAnUnknownDocument_is404() throws Exception {
        Map<String, Object> response = invoke("staff-open");
        assertEquals(404, response.get("statusCode"));
        assertEquals(List.of("document_not_found"), errorCodes(response));
    }

    @Test
    void staff_attachALetterThatCameByPost() throws Exception {
        assertEquals(201, invoke("staff-start-upload").get("statusCode"));
        storage.put("requests/MHF5Q2N7/" + DOC, pdf(STAFF_DECLARED), "application/pdf", "خطاب وارد بالبريد.pdf");
        Map<String, Object> response = invoke("staff-confirm");
        assertEquals(201, response.get("statusCode"));
        assertEquals("أمل الحربي", body(response).get("by"));
    }

    @Test
    void staffRoutes_withoutVerifiedClaims_are401() throws Exception {
        Map<String, Object> response = invoke("staff-list-without-token");
        assertEquals(401, response.get("statusCode"));
    }

    /** The sample request made a complaint (same reference and mobile). */
    private ServiceRequest sampleComplaint() {
        ServiceRequest r = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        ServiceRequest complaint = new ServiceRequest(
                r.reference(),
                sa.mustafeed.core.request.Category.COMPLAINT,
                r.channel(),
                r.status(),
                r.name(),
                r.mobile(),
                r.mobileHash(),
                r.email(),
                r.nationalIdHash(),
                r.nationalIdLast4(),
                r.city(),
                r.description(),
                r.preferredContact(),
                r.language(),
                r.onBehalf(),
                r.consentVersion(),
                r.consentAt(),
                r.submittedAt(),
                r.updatedAt(),
                r.version());
        repository.replace(complaint);
        return complaint;
    }

    @Test
    void handlingRating_behindTheLookupsCheck_onceAndOnlyAfterAnOutcome() throws Exception {
        assertEquals(List.of("only_for_complaints"), errorCodes(invoke("handling-rating")));
        ServiceRequest complaint = sampleComplaint();
        Map<String, Object> early = invoke("handling-rating");
        assertEquals(409, early.get("statusCode"));
        assertEquals(List.of("no_outcome_yet"), errorCodes(early));
        repository.recordOutcome(
                complaint,
                new sa.mustafeed.core.complaints.ComplaintOutcome(
                        sa.mustafeed.core.complaints.OutcomeResult.UPHELD,
                        "اعتذرنا",
                        SampleDrafts.NOW,
                        "m1",
                        "نورة",
                        true),
                sa.mustafeed.core.staff.CaseEvent.reply(SampleDrafts.NOW, "نتيجة شكواك", "نورة", Status.RECEIVED));

        Map<String, Object> rated = invoke("handling-rating");
        assertEquals(201, rated.get("statusCode"), String.valueOf(rated.get("body")));
        assertEquals("partly_satisfied", body(rated).get("answer"));
        assertEquals("كان الرد سريعًا", body(rated).get("comment"));
        Map<String, Object> twice = invoke("handling-rating");
        assertEquals(409, twice.get("statusCode"));
        assertEquals(List.of("handling_already_rated"), errorCodes(twice));
        assertEquals(
                sa.mustafeed.core.complaints.HandlingAnswer.PARTLY_SATISFIED,
                repository
                        .handling(complaint.reference())
                        .rating()
                        .orElseThrow()
                        .answer());
    }
}
