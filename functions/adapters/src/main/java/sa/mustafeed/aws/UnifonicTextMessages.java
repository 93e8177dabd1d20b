package sa.mustafeed.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.ports.TextMessages;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * SMS through Unifonic's REST API (the Saudi aggregator: registered sender IDs and the CST "Services"
 * classification that SNS cannot give): {@code POST /rest/SMS/messages}, form-encoded, on the same SDK
 * HTTP client as every AWS call. Shapes from https://docs.unifonic.com/docs/sending-your-first-sms-via-unifonic-api
 * and https://docs.unifonic.com/reference/sms-api; error codes from
 * https://docs.unifonic.com/articles/products-documentation/understanding-reasons-of-sms-non-delivery/.
 * Never logs or echoes the number or the text.
 */
public final class UnifonicTextMessages implements TextMessages {
    /** Unifonic's production host; UNIFONIC_API_URL replaces it (locally: the WireMock stand-in). */
    public static final URI DEFAULT_API_URL = URI.create("https://el.cloud.unifonic.com");

    /**
     * KSA message classification: 3 = Services. Every message this system sends is about the person's
     * own request, never promotional (5), so the CST rules for advertising senders never apply.
     */
    static final String SERVICE_MESSAGE = "3";

    /**
     * The refusals retrying cannot change (the number, the text or the sender ID is wrong), in our own
     * words: the reason is kept for staff, and Unifonic's message text is not ours to vouch for.
     * ER-01 (balance or country package) and any code not listed here are the association's account
     * to fix, after which the same message goes through: those are retried.
     */
    private static final Map<String, String> PERMANENT = Map.of(
            "ER-02", "invalid destination number",
            "ER-03", "invalid destination number (too long)",
            "ER-04", "invalid destination number (too short)",
            "ER-05", "no route found for the destination number",
            "ER-06", "invalid or empty message body",
            "ER-07", "message filtered",
            "ER-08", "invalid sender ID");

    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private final SdkHttpClient http;
    private final URI messages;
    private final String appSid;
    private final String senderId;

    public UnifonicTextMessages(SdkHttpClient http, URI apiUrl, String appSid, String senderId) {
        if (appSid == null || appSid.isBlank()) {
            throw new IllegalStateException("the messaging secret has no unifonicAppSid: set it before sending SMS");
        }
        this.http = http;
        String base = apiUrl.toString().replaceFirst("/+$", "");
        this.messages = URI.create(base + "/rest/SMS/messages");
        this.appSid = appSid;
        this.senderId = senderId;
    }

    @Override
    public String send(String e164, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AppSid", appSid);
        form.put("SenderID", senderId);
        form.put("Recipient", international(e164));
        form.put("Body", text);
        form.put("responseType", "JSON");
        form.put("MessageType", SERVICE_MESSAGE);
        byte[] body = formEncoded(form);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(messages)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .putHeader("Accept", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        int status;
        byte[] answer;
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(request)
                            .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body))
                            .build())
                    .call();
            status = response.httpResponse().statusCode();
            answer = read(response);
        } catch (IOException | UncheckedIOException | SdkException unreachable) {
            // Timeouts land here too: Unifonic may or may not have the message; the stream retries.
            throw new DeliveryFailedException(
                    "unifonic unreachable: " + unreachable.getClass().getSimpleName(), unreachable);
        }
        return outcome(status, answer);
    }

    /** Unifonic's answer → the message id, or the exception the port promises. */
    static String outcome(int status, byte[] answer) {
        if (status == 429 || status >= 500) {
            throw new DeliveryFailedException("unifonic HTTP " + status, null);
        }
        Optional<Map<String, JsonNode>> json = object(answer);
        if (json.isEmpty()) {
            throw new DeliveryFailedException("unifonic HTTP " + status + " without a JSON answer", null);
        }
        Map<String, JsonNode> fields = json.get();
        if (status / 100 == 2 && isTrue(fields.get("success"))) {
            Optional<String> id = Optional.ofNullable(fields.get("data"))
                    .filter(JsonNode::isObject)
                    .map(data -> data.asObject().get("MessageID"))
                    .flatMap(UnifonicTextMessages::scalar);
            return id.orElseThrow(() -> new DeliveryFailedException("unifonic accepted without a MessageID", null));
        }
        String code = Optional.ofNullable(fields.get("errorCode"))
                .flatMap(UnifonicTextMessages::scalar)
                .orElse("HTTP " + status);
        String permanent = PERMANENT.get(code);
        if (permanent != null) {
            throw new UndeliverableException("unifonic " + code + ": " + permanent);
        }
        // Balance (ER-01), a wrong AppSid (401), anything unknown: the association's account to fix.
        throw new DeliveryFailedException("unifonic refused: " + code + " (HTTP " + status + ")", null);
    }

    @Override
    public String provider() {
        return "unifonic";
    }

    /**
     * Unifonic has no opt-out API: a beneficiary's "no more messages" is the association's own
     * preference, which core checks before any send.
     */
    @Override
    public boolean isOptedOut(String e164) {
        return false;
    }

    /** Unifonic wants international format without + or 00 (966505980169). */
    static String international(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return digits.startsWith("00") ? digits.substring(2) : digits;
    }

    private static byte[] formEncoded(Map<String, String> form) {
        StringJoiner joined = new StringJoiner("&");
        form.forEach((k, v) -> joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            // An answer is a few hundred bytes; a megabyte means something else answered.
            return in.readNBytes(1 << 20);
        }
    }

    private static Optional<Map<String, JsonNode>> object(byte[] answer) {
        if (answer.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.parse(answer);
            return node.isObject() ? Optional.of(node.asObject()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The docs show {@code "success": true}; older answers carry the string "true". */
    private static boolean isTrue(JsonNode node) {
        return node != null
                && ((node.isBoolean() && node.asBoolean())
                        || (node.isString() && node.asString().equals("true")));
    }

    /** MessageID is a number in the docs' example (42000348806924): kept as its digits, or as a string. */
    private static Optional<String> scalar(JsonNode node) {
        if (node.isString()) {
            return Optional.of(node.asString()).filter(s -> !s.isBlank());
        }
        if (node.isNumber()) {
            return Optional.of(node.asNumber());
        }
        return Optional.empty();
    }
}
