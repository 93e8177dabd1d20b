package sa.mustafeed.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.notification.WhatsAppTemplate;
import sa.mustafeed.testing.StandIn;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;

/**
 * The WhatsApp adapter against the End User Messaging Social stand-in (tests/stand-ins/whatsapp/):
 * the signed SendWhatsAppMessage request, Meta's template message inside it, the id read back, the
 * recipient conventions, the status event the stand-in publishes afterwards, and the mapping of the
 * service's errors.
 */
class SocialMessagingWhatsAppIT {
    private static final String PATH = "/v1/whatsapp/send";
    private static final String EVENTS = "/dev/sns/WhatsAppEventsTopic";
    private static final String NUMBER_ID = "phone-number-id-0123456789abcdef0123456789abcdef";
    private static final WhatsAppTemplate RECEIVED =
            new WhatsAppTemplate("mustafeed_received", "ar", List.of("سارة", "MHF5-Q2N7", "https://x/track/"));
    private static StandIn whatsapp;
    private static SdkHttpClient http;
    private SocialMessagingWhatsApp messages;
    private StubMapping extra;

    @BeforeAll
    static void start() {
        whatsapp = StandIn.start("whatsapp");
        StandIn.callbacksTo(whatsapp.url(), "unused");
        http = AwsClients.httpClient();
    }

    @AfterAll
    static void stop() {
        whatsapp.close();
        http.close();
    }

    @BeforeEach
    void fresh() {
        whatsapp.forgetRequests();
        messages = new SocialMessagingWhatsApp(
                http,
                whatsapp.url(),
                Region.of("me-south-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                NUMBER_ID,
                SocialMessagingWhatsApp.DEFAULT_META_API_VERSION);
    }

    @AfterEach
    void dropExtraStub() {
        if (extra != null) {
            whatsapp.server().removeStub(extra);
            extra = null;
        }
    }

    @Test
    void aSend_isTheSignedOperation_carryingMetasTemplateMessage() throws Exception {
        String id = messages.send("+966501234567", RECEIVED);

        List<LoggedRequest> sent = whatsapp.requests(PATH);
        assertEquals(1, sent.size());
        LoggedRequest request = sent.getFirst();
        assertEquals("POST", request.getMethod().getName());
        assertTrue(
                request.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                request.getHeader("Authorization"));
        assertTrue(request.getHeader("Authorization").contains("/me-south-1/social-messaging/aws4_request"));
        Map<String, JsonNode> body = json(request.getBodyAsString());
        assertEquals(NUMBER_ID, body.get("originationPhoneNumberId").asString());
        assertEquals("v20.0", body.get("metaApiVersion").asString());
        Map<String, JsonNode> message =
                json(new String(Base64.getDecoder().decode(body.get("message").asString()), StandardCharsets.UTF_8));
        assertEquals("whatsapp", message.get("messaging_product").asString());
        assertEquals("+966501234567", message.get("to").asString());
        assertEquals("template", message.get("type").asString());
        Map<String, JsonNode> template = message.get("template").asObject();
        assertEquals("mustafeed_received", template.get("name").asString());
        assertEquals("ar", template.get("language").asObject().get("code").asString());
        JsonNode component = template.get("components").asArray().getFirst();
        assertEquals("body", component.asObject().get("type").asString());
        List<String> texts = component.asObject().get("parameters").asArray().stream()
                .peek(p -> assertEquals("text", p.asObject().get("type").asString()))
                .map(p -> p.asObject().get("text").asString())
                .toList();
        assertEquals(RECEIVED.bodyParameters(), texts, "the body parameters, in order");
        assertEquals(request.getId().toString(), id, "the id the stand-in answered");
    }

    @Test
    void anAcceptedMessage_isFollowedByADeliveredStatusEventNamingIt() throws Exception {
        String id = messages.send("+966501234567", RECEIVED);

        Map<String, JsonNode> status = statusOf(awaitEvent(), id);
        assertEquals("delivered", status.get("status").asString());
        assertEquals("966501234567", status.get("recipient_id").asString());
        assertTrue(status.get("timestamp").asString().matches("\\d{10}"));
    }

    @Test
    void aMobileEnding0000_isNotOnWhatsApp_acceptedThenFailed131026() throws Exception {
        String id = messages.send("+966501230000", RECEIVED);

        Map<String, JsonNode> status = statusOf(awaitEvent(), id);
        assertEquals("failed", status.get("status").asString());
        Map<String, JsonNode> error = status.get("errors").asArray().getFirst().asObject();
        assertEquals("131026", error.get("code").asNumber());
        assertEquals("Message undeliverable", error.get("title").asString());
    }

    @Test
    void aMobileEnding9999_meetsAnOutage_whichIsRetried() {
        assertThrows(DeliveryFailedException.class, () -> messages.send("+966501239999", RECEIVED));
    }

    @Test
    void templateOrNumberRefusals_areUndeliverable_andGoBySms() {
        for (String type : List.of("ValidationException", "ResourceNotFoundException", "InvalidParametersException")) {
            refuseWith(type, type.equals("ResourceNotFoundException") ? 404 : 400);
            UndeliverableException refused =
                    assertThrows(UndeliverableException.class, () -> messages.send("+966501234567", RECEIVED));
            assertEquals("whatsapp " + type, refused.reason());
            dropExtraStub();
        }
    }

    @Test
    void throttlingServiceFaultsAndMeta_areRetried() {
        Map<String, Integer> transient_ = Map.of(
                "ThrottledRequestException", 429,
                "InternalServiceException", 500,
                "DependencyException", 502,
                "AccessDeniedException", 403);
        transient_.forEach((type, status) -> {
            refuseWith(type, status);
            DeliveryFailedException failed =
                    assertThrows(DeliveryFailedException.class, () -> messages.send("+966501234567", RECEIVED));
            assertTrue(failed.getMessage().contains(type), failed.getMessage());
            dropExtraStub();
        });
    }

    @Test
    void theProviderName() {
        assertEquals("whatsapp", messages.provider());
    }

    /** The service's error shape for rest-json: status, x-amzn-ErrorType header, {"message"}. */
    private void refuseWith(String type, int status) {
        extra = whatsapp.server()
                .stubFor(post(urlPathEqualTo(PATH))
                        .atPriority(0)
                        .withHeader("Content-Type", equalTo("application/json"))
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/")
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"message\":\"refused for +966501234567\"}")));
    }

    private static Map<String, JsonNode> awaitEvent() throws InterruptedException {
        List<LoggedRequest> events = whatsapp.awaitRequests(EVENTS, 1, Duration.ofSeconds(10));
        assertEquals(1, events.size());
        return json(events.getFirst().getBodyAsString());
    }

    /** The End User Messaging Social event: names our id, carries Meta's webhook entry as a string. */
    private static Map<String, JsonNode> statusOf(Map<String, JsonNode> event, String id) {
        assertEquals(id, event.get("messageId").asString());
        assertTrue(event.get("context").asObject().containsKey("MetaPhoneNumberIds"));
        Map<String, JsonNode> entry = json(event.get("whatsAppWebhookEntry").asString());
        Map<String, JsonNode> value = entry.get("changes")
                .asArray()
                .getFirst()
                .asObject()
                .get("value")
                .asObject();
        assertEquals("whatsapp", value.get("messaging_product").asString());
        return value.get("statuses").asArray().getFirst().asObject();
    }

    private static Map<String, JsonNode> json(String text) {
        return JsonNode.parser().parse(text).asObject();
    }
}
