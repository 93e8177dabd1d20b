package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.testing.StandIn;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The Unifonic adapter against the Unifonic stand-in (tests/stand-ins/unifonic/, the same mappings
 * {@code ./run} serves): what goes over the wire, the id read back, the recipient conventions, and
 * the delivery report the stand-in posts afterwards (here back to itself).
 */
class UnifonicTextMessagesIT {
    private static final String PATH = "/rest/SMS/messages";
    private static final String RECEIPTS = "/delivery-receipts/unifonic";
    private static StandIn unifonic;
    private static SdkHttpClient http;
    private UnifonicTextMessages sms;

    @BeforeAll
    static void start() {
        unifonic = StandIn.start("unifonic");
        StandIn.callbacksTo(unifonic.url(), "token-for-receipts");
        http = AwsClients.httpClient();
    }

    @AfterAll
    static void stop() {
        unifonic.close();
        http.close();
    }

    @BeforeEach
    void fresh() {
        unifonic.forgetRequests();
        sms = new UnifonicTextMessages(http, unifonic.url(), "app-sid-of-the-association", "Tamkeen");
    }

    @Test
    void aSend_postsTheDocumentedFormAndReturnsTheMessageId() throws Exception {
        String id = sms.send("+966501234567", "وصل طلبك MHF5-Q2N7");

        List<LoggedRequest> sent = unifonic.requests(PATH);
        assertEquals(1, sent.size());
        LoggedRequest request = sent.getFirst();
        assertEquals("POST", request.getMethod().getName());
        assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = form(request.getBodyAsString());
        assertEquals("app-sid-of-the-association", form.get("AppSid"));
        assertEquals("Tamkeen", form.get("SenderID"));
        assertEquals("966501234567", form.get("Recipient"), "international format without + or 00");
        assertEquals("وصل طلبك MHF5-Q2N7", form.get("Body"));
        assertEquals("3", form.get("MessageType"), "KSA classification: Services");
        assertEquals("JSON", form.get("responseType"));
        assertEquals(request.getId().toString(), id, "the id the stand-in answered");
    }

    @Test
    void anAcceptedMessage_isFollowedByADeliveredReportWithTheSameIdAndTheToken() throws Exception {
        String id = sms.send("+966501234567", "text");

        List<LoggedRequest> reports = unifonic.awaitRequests(RECEIPTS, 1, Duration.ofSeconds(10));
        assertEquals(1, reports.size());
        assertEquals("Bearer token-for-receipts", reports.getFirst().getHeader("Authorization"));
        Map<String, JsonNode> report = json(reports.getFirst().getBodyAsString());
        assertEquals(id, report.get("MessageID").asString());
        assertEquals("Delivered", report.get("DLR").asString());
        assertEquals("966501234567", report.get("Recipient").asString());
        for (String field : List.of("TimeCreated", "SCTS", "DLRTimestamp")) {
            assertTrue(report.get(field).asString().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), field);
        }
        assertTrue(report.containsKey("Comments"));
    }

    @Test
    void aMobileEnding0002_isAcceptedThenReportedUndeliverable() throws Exception {
        String id = sms.send("+966501230002", "text");

        List<LoggedRequest> reports = unifonic.awaitRequests(RECEIPTS, 1, Duration.ofSeconds(10));
        Map<String, JsonNode> report = json(reports.getFirst().getBodyAsString());
        assertEquals(id, report.get("MessageID").asString());
        assertEquals("Undeliverable", report.get("DLR").asString());
    }

    @Test
    void aMobileEnding0001_isRefusedForGood() throws Exception {
        UndeliverableException refused =
                assertThrows(UndeliverableException.class, () -> sms.send("+966501230001", "text"));
        assertEquals("unifonic ER-02: invalid destination number", refused.reason());
        assertFalse(refused.reason().contains("0001"), "no part of the number in the reason");
        Thread.sleep(2_000);
        // Reports of earlier tests' messages may still arrive: none may be about this number.
        assertTrue(
                unifonic.requests(RECEIPTS).stream()
                        .noneMatch(r -> r.getBodyAsString().contains("966501230001")),
                "a refused message gets no report");
    }

    @Test
    void aMobileEnding9999_meetsAnOutage_whichIsRetried() {
        DeliveryFailedException failed =
                assertThrows(DeliveryFailedException.class, () -> sms.send("+966501239999", "text"));
        assertEquals("unifonic HTTP 503", failed.getMessage());
    }

    @Test
    void nothingListening_isRetriedToo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        UnifonicTextMessages nowhere =
                new UnifonicTextMessages(http, URI.create("http://127.0.0.1:" + port), "sid", "Tamkeen");
        assertThrows(DeliveryFailedException.class, () -> nowhere.send("+966501234567", "text"));
    }

    @Test
    void theProviderName_andNoOptOutApi() {
        assertEquals("unifonic", sms.provider());
        assertFalse(sms.isOptedOut("+966501234567"));
        assertTrue(unifonic.requests(PATH).isEmpty(), "the opt-out check asks Unifonic nothing");
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    static Map<String, JsonNode> json(String body) {
        return JsonNode.parser().parse(body).asObject();
    }
}
