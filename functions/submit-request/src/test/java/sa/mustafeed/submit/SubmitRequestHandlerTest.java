package sa.mustafeed.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.SnapStartPriming;
import sa.mustafeed.testing.SampleEvents;

class SubmitRequestHandlerTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final SubmitRequestHandler handler = new SubmitRequestHandler(new SubmissionService(
            RequestRules.forPublicChannels(),
            repository,
            SampleDrafts.HASHER,
            SampleDrafts.clockAt(SampleDrafts.NOW),
            new SecureRandom(),
            "2026-11"));

    private Map<String, Object> invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = SampleEvents.sink();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    private Map<String, Object> invoke(String name) throws Exception {
        return invoke(Files.readAllBytes(SampleEvents.path("submit-request", name)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> response) throws Exception {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> errorFields(Map<String, Object> response) throws Exception {
        return ((List<Map<String, Object>>) body(response).get("errors"))
                .stream().map(e -> e.get("field") + ":" + e.get("code")).collect(Collectors.toSet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void validEvent_answers201WithAReferenceAndStoresTheKioskRequest() throws Exception {
        Map<String, Object> response = invoke("valid");

        assertEquals(201, response.get("statusCode"));
        Map<String, Object> body = body(response);
        assertTrue(((String) body.get("reference")).matches("[2-9A-Y]{4}-[2-9A-Y]{4}"));
        assertEquals("received", body.get("status"));
        assertEquals("2026-11-25T08:30:00Z", body.get("submittedAt"));
        assertTrue(((Map<String, String>) body.get("nextSteps")).get("ar").length() > 10);
        ServiceRequest stored = repository.all().getFirst();
        assertEquals(Channel.KIOSK, stored.channel());
        assertEquals("+966501234567", stored.mobile());
        assertEquals("يوسف العتيبي", stored.onBehalf().orElseThrow().beneficiaryName());
    }

    @Test
    void anonymousComplaint_answers201WithAReferenceAndATrackingCode_andStoresNoIdentity() throws Exception {
        Map<String, Object> response = invoke("anonymous-complaint");

        assertEquals(201, response.get("statusCode"));
        Map<String, Object> body = body(response);
        assertTrue(((String) body.get("trackingCode")).matches("\\d{6}"), body.toString());
        ServiceRequest stored = repository.all().getFirst();
        assertTrue(stored.anonymous());
        assertEquals("", stored.name());
        assertEquals("", stored.mobile());
        // A retry (the kiosk lost the answer) shows the same code again.
        assertEquals(body, body(invoke("anonymous-complaint")));
        assertEquals(1, repository.size());
    }

    @Test
    void namedRequest_answersWithoutATrackingCode() throws Exception {
        assertFalse(body(invoke("valid")).containsKey("trackingCode"));
    }

    @Test
    void validEvent_sentTwice_isStoredOnceAndAnsweredTheSame() throws Exception {
        Map<String, Object> first = invoke("valid");
        Map<String, Object> retry = invoke("valid");

        assertEquals(body(first), body(retry));
        assertEquals("true", ((Map<?, ?>) retry.get("headers")).get("idempotent-replayed"));
        assertEquals(1, repository.size());
    }

    @Test
    void invalidFields_answer400ListingEachFieldWithArabicAndEnglish() throws Exception {
        Map<String, Object> response = invoke("invalid-fields");

        assertEquals(400, response.get("statusCode"));
        assertEquals(
                Set.of(
                        "category:invalid_choice",
                        "channel:channel_not_allowed",
                        "name:required",
                        "mobile:invalid_mobile",
                        "description:required",
                        "email:email_required_for_contact",
                        "consent:consent_required"),
                errorFields(response));
        assertTrue(((String) response.get("body")).contains("\"ar\":\""));
        assertEquals(0, repository.size());
    }

    @Test
    void malformedJson_answers400AndWrongContentType415_storingNothing() throws Exception {
        assertEquals(400, invoke("malformed-json").get("statusCode"));
        assertEquals(Set.of("null:malformed_json"), errorFields(invoke("malformed-json")));
        assertEquals(415, invoke("wrong-content-type").get("statusCode"));
        assertEquals(0, repository.size());
    }

    @Test
    void aValidRequestFollowedByMoreText_answers400MalformedJson_storingNothing() throws Exception {
        Map<String, Object> event = Json.readObject(Files.readAllBytes(SampleEvents.path("submit-request", "valid")));
        String valid = (String) event.get("body");
        for (String tail : List.of(" garbage", valid, " 5")) {
            event.put("body", valid + tail);
            Map<String, Object> response = invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.get("statusCode"), tail);
            assertEquals(Set.of("null:malformed_json"), errorFields(response));
        }
        assertEquals(0, repository.size());
    }

    @Test
    void oversizedBody_answers413() throws Exception {
        Map<String, Object> event = Json.readObject(Files.readAllBytes(SampleEvents.path("submit-request", "valid")));
        event.put("body", "{\"description\":\"" + "x".repeat(20_000) + "\"}");
        assertEquals(
                413, invoke(Json.write(event).getBytes(StandardCharsets.UTF_8)).get("statusCode"));
    }

    @Test
    void unreadableEvent_answers500WithoutAStackTrace() throws Exception {
        Map<String, Object> response = invoke("not json at all".getBytes(StandardCharsets.UTF_8));
        assertEquals(500, response.get("statusCode"));
        assertFalse(((String) response.get("body")).contains("Exception"));
    }

    @Test
    void snapStartPriming_submitsThroughTheSdkPath_withoutLeavingTheProcess() throws Exception {
        // GIVEN the hook Lambda runs before the snapshot, with SDK clients that answer in memory
        OfflineAwsClients offline = new OfflineAwsClients();
        SnapStartPriming priming = SubmitRequestHandler.priming(offline);

        // WHEN Lambda calls it (no AWS credentials, endpoint or table exist in this test)
        priming.beforeCheckpoint(null);

        // THEN a whole submission ran: JSON in, the DynamoDB transaction marshalled and signed, 201 out,
        // and its SDK calls (the idempotency read, the beneficiary's open requests by mobile and by
        // ID, then the transaction) were answered by the offline client, never by a network
        // (every round, so the JIT compiles that path into the snapshot)
        assertEquals(201, priming.lastStatus());
        List<String> round = List.of(
                "DynamoDB_20120810.GetItem",
                "DynamoDB_20120810.Query",
                "DynamoDB_20120810.Query",
                "DynamoDB_20120810.TransactWriteItems");
        assertTrue(priming.rounds() > 1, "rounds: " + priming.rounds());
        assertEquals(round, offline.operations().subList(0, 4));
        assertEquals(round, offline.operations().subList(4, 8));
    }
}
