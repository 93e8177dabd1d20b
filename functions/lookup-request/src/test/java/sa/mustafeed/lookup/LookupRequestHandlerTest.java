package sa.mustafeed.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemoryUnlockCodeStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.core.request.LookupUnlocks;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.SubmissionReceipt;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.request.UnlockCodes;
import sa.mustafeed.http.Json;
import sa.mustafeed.http.SnapStartPriming;
import sa.mustafeed.testing.SampleEvents;

class LookupRequestHandlerTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final InMemoryUnlockCodeStore codes = new InMemoryUnlockCodeStore();
    private final LookupRequestHandler handler = new LookupRequestHandler(services(repository, codes));

    /** The handler's services over fakes, as Lambda wires them over DynamoDB. */
    static LookupRequestHandler.Services services(InMemoryRequestRepository repository, InMemoryUnlockCodeStore codes) {
        var clock = SampleDrafts.clockAt(SampleDrafts.NOW);
        LookupService lookups = new LookupService(repository, new InMemoryFailedAttempts(), SampleDrafts.HASHER, clock);
        return new LookupRequestHandler.Services(
                lookups, new LookupUnlocks(lookups, repository, codes, SampleDrafts.HASHER, clock));
    }

    /** The request the sample events look up: reference MHF5-Q2N7, mobile ending 4567. */
    @BeforeEach
    void storeTheSampleRequest() {
        ServiceRequest request = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        repository.create(request, new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED), Optional.empty());
    }

    private Map<String, Object> invoke(String name) throws Exception {
        ByteArrayOutputStream out = SampleEvents.sink();
        handler.handleRequest(SampleEvents.open("lookup-request", name), out, null);
        return Json.readObject(out.toByteArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> response) throws Exception {
        return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void found_answersStatusLabelsAndTimelineButNoPersonalData() throws Exception {
        Map<String, Object> response = invoke("found");

        assertEquals(200, response.get("statusCode"));
        Map<String, Object> body = body(response);
        assertEquals("MHF5-Q2N7", body.get("reference"));
        assertEquals("service", body.get("category"));
        assertEquals("received", body.get("status"));
        assertEquals(Map.of("ar", "تم الاستلام", "en", "Received"), body.get("statusLabel"));
        assertEquals(1, ((List<Object>) body.get("timeline")).size());
        // How we reach them, and the ways open to a request without an email address.
        assertEquals("sms", body.get("preferredContact"));
        assertEquals(List.of("sms", "whatsapp"), body.get("contactChoices"));
        String raw = (String) response.get("body");
        for (String secret : List.of("سارة", "4567", "+966", "وصف", "مكة")) {
            assertFalse(raw.contains(secret), "lookup must not reveal " + secret);
        }
    }

    @Test
    void anonymousRequest_opensWithItsTrackingCode_andSaysItIsAnonymous() throws Exception {
        SubmissionReceipt receipt = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        SampleDrafts.clockAt(SampleDrafts.NOW),
                        new java.util.SplittableRandom(4),
                        "2026-11")
                .submit(SampleDrafts.anonymousComplaint(), Optional.empty());
        String reference = receipt.reference().display();

        Map<String, Object> found = invokeWithBody(Map.of(
                "reference", reference, "trackingCode", receipt.trackingCode().orElseThrow()));
        assertEquals(200, found.get("statusCode"));
        Map<String, Object> body = body(found);
        assertEquals(true, body.get("anonymous"));
        assertEquals("none", body.get("preferredContact"));
        assertEquals(List.of(), body.get("contactChoices"));

        Map<String, Object> wrong = invokeWithBody(Map.of("reference", reference, "trackingCode", "000000"));
        assertEquals(404, wrong.get("statusCode"));
        Map<String, Object> malformed = invokeWithBody(Map.of("reference", reference, "trackingCode", 123456));
        assertEquals(400, malformed.get("statusCode"));
        assertEquals(
                "invalid_tracking_code",
                ((Map<?, ?>) ((List<?>) body(malformed).get("errors")).getFirst()).get("code"));
    }

    private Map<String, Object> invokeWithBody(Map<String, Object> lookup) throws Exception {
        Map<String, Object> event =
                Json.readObject(java.nio.file.Files.readAllBytes(SampleEvents.path("lookup-request", "found")));
        event.put("body", Json.write(lookup));
        ByteArrayOutputStream out = SampleEvents.sink();
        handler.handleRequest(
                new java.io.ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }

    @Test
    void wrongDigits_answers404WithTheSameBodyAsAnUnknownReference() throws Exception {
        Map<String, Object> wrong = invoke("wrong-digits");
        assertEquals(404, wrong.get("statusCode"));
        assertEquals("not_found", ((Map<?, ?>) ((List<?>) body(wrong).get("errors")).getFirst()).get("code"));
    }

    @Test
    void mistypedReference_answers400NamingTheField() throws Exception {
        Map<String, Object> response = invoke("mistyped-reference");
        assertEquals(400, response.get("statusCode"));
        Map<?, ?> error = (Map<?, ?>) ((List<?>) body(response).get("errors")).getFirst();
        assertEquals("reference", error.get("field"));
        assertEquals("invalid_reference", error.get("code"));
    }

    @Test
    void repeatedWrongDigits_endIn429WithRetryAfter() throws Exception {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            assertEquals(404, invoke("wrong-digits").get("statusCode"));
        }
        Map<String, Object> limited = invoke("found");
        assertEquals(429, limited.get("statusCode"));
        assertTrue(Integer.parseInt((String) ((Map<?, ?>) limited.get("headers")).get("retry-after")) > 0);
    }

    @Test
    void aLockedOwner_asksForACode_andIsLetInWithIt_aWrongCodeIsRefused() throws Exception {
        // GIVEN someone else's wrong digits locked the sample request's lookup
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            assertEquals(404, invoke("wrong-digits").get("statusCode"));
        }
        assertEquals(429, invoke("found").get("statusCode"));
        ReferenceCode reference = ReferenceCode.parse("MHF5-Q2N7").orElseThrow();

        // WHEN the owner asks for a code: 202, and a code is stored for the notifier to send
        Map<String, Object> asked = invoke("unlock-code");
        assertEquals(202, asked.get("statusCode"));
        assertEquals(10, ((Number) body(asked).get("validForMinutes")).intValue());
        String code = new UnlockCodes(SampleDrafts.HASHER)
                .codeFor(reference, codes.nonceOf(reference).orElseThrow());

        // THEN a wrong code is refused with its own code, and the right one answers as the lookup does
        Map<String, Object> wrong = invoke("unlock-wrong-code");
        assertEquals(code.equals("123456") ? 200 : 400, wrong.get("statusCode"));
        if (!code.equals("123456")) {
            Map<?, ?> error = (Map<?, ?>) ((List<?>) body(wrong).get("errors")).getFirst();
            assertEquals("unlock_code_rejected", error.get("code"));
        }
        Map<String, Object> opened =
                handlerWithBody("/requests/unlock", "{\"reference\":\"MHF5Q2N7\",\"code\":\"" + code + "\"}");
        assertEquals(200, opened.get("statusCode"));
        assertEquals("MHF5-Q2N7", body(opened).get("reference"));
        assertEquals(200, invoke("found").get("statusCode"), "the lookup is open again");
    }

    @Test
    void askingForACode_answersTheSame_forAnUnknownOrUnlockedReference() throws Exception {
        Map<String, Object> unlocked = invoke("unlock-code");
        Map<String, Object> unknown = handlerWithBody(
                "/requests/unlock-code",
                "{\"reference\":\""
                        + ReferenceCode.random(new java.util.SplittableRandom(99))
                                .display() + "\"}");
        assertEquals(202, unlocked.get("statusCode"));
        assertEquals(unlocked.get("statusCode"), unknown.get("statusCode"));
        assertEquals(unlocked.get("body"), unknown.get("body"));
        assertEquals(
                Optional.empty(), codes.nonceOf(ReferenceCode.parse("MHF5-Q2N7").orElseThrow()));
    }

    /** One of the sample events with another route and body. */
    private Map<String, Object> handlerWithBody(String path, String body) throws Exception {
        Map<String, Object> event =
                Json.readObject(SampleEvents.open("lookup-request", "found").readAllBytes());
        event.put("routeKey", "POST " + path);
        event.put("rawPath", path);
        event.put("body", body);
        ByteArrayOutputStream out = SampleEvents.sink();
        handler.handleRequest(
                new java.io.ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }

    @Test
    void snapStartPriming_looksUpThroughTheSdkPath_withoutLeavingTheProcess() throws Exception {
        // GIVEN the hook Lambda runs before the snapshot, with SDK clients that answer in memory
        OfflineAwsClients offline = new OfflineAwsClients();
        SnapStartPriming priming = LookupRequestHandler.priming(offline);

        // WHEN Lambda calls it (no AWS credentials, endpoint or table exist in this test)
        priming.beforeCheckpoint(null);

        // THEN the lookup ran to its not-found answer through every DynamoDB call it makes, each one
        // answered by the offline client, never by a network
        assertEquals(404, priming.lastStatus());
        assertTrue(priming.rounds() > 1, "rounds: " + priming.rounds());
        assertTrue(
                offline.operations().contains("DynamoDB_20120810.BatchGetItem"),
                offline.operations().toString());
        assertTrue(
                offline.operations().contains("DynamoDB_20120810.Query"),
                offline.operations().toString());
        assertTrue(
                offline.operations().contains("DynamoDB_20120810.UpdateItem"),
                offline.operations().toString());
        assertTrue(offline.operations().stream().allMatch(op -> op.startsWith("DynamoDB_20120810.")));
    }
}
