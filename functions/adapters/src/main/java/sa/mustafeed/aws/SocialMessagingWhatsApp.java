package sa.mustafeed.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.mustafeed.core.errors.DeliveryFailedException;
import sa.mustafeed.core.errors.UndeliverableException;
import sa.mustafeed.core.notification.WhatsAppTemplate;
import sa.mustafeed.core.ports.WhatsAppMessages;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.regions.Region;

/**
 * WhatsApp template messages through AWS End User Messaging Social's SendWhatsAppMessage, on the same
 * SDK HTTP client, SigV4 signer, region and credentials as every other AWS call.
 *
 * <p>Why not the SDK's generated {@code socialmessaging} client: the package registry this project
 * builds from does not serve that artifact (no version of it resolves), so this adapter speaks the
 * operation's wire protocol itself, exactly as the service model defines it (botocore's
 * socialmessaging/2024-01-01 service-2.json, the same model the Java SDK is generated from):
 * rest-json, {@code POST /v1/whatsapp/send}, body {@code {"originationPhoneNumberId", "message"
 * (blob, so base64), "metaApiVersion"}}, answer {@code {"messageId"}}, signing name
 * {@code social-messaging}, errors named by the {@code x-amzn-ErrorType} header. The endpoint follows
 * the SDK's own override settings ({@code AWS_ENDPOINT_URL_SOCIALMESSAGING} /
 * {@code aws.endpointUrlSocialMessaging}, then {@code AWS_ENDPOINT_URL} / {@code aws.endpointUrl}).
 *
 * <p>The message is Meta's Cloud API message object:
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages (template messages).
 */
public final class SocialMessagingWhatsApp implements WhatsAppMessages {
    /** Meta Graph API version the service passes the message to (AWS General Reference, End User Messaging). */
    public static final String DEFAULT_META_API_VERSION = "v20.0";

    static final String SIGNING_NAME = "social-messaging";
    static final String OPERATION_PATH = "/v1/whatsapp/send";

    /**
     * Refusals that sending again cannot change (template paused or not approved, number not valid for
     * WhatsApp, the phone number id gone): the message goes by SMS at once. Throttling, the service's
     * own faults, Meta's (DependencyException), access denied (a policy to fix) are retried.
     */
    private static final Set<String> PERMANENT =
            Set.of("ValidationException", "ResourceNotFoundException", "InvalidParametersException");

    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private final SdkHttpClient http;
    private final URI send;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final String phoneNumberId;
    private final String metaApiVersion;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SocialMessagingWhatsApp(
            SdkHttpClient http,
            URI endpoint,
            Region region,
            AwsCredentialsProvider credentials,
            String phoneNumberId,
            String metaApiVersion) {
        this.http = http;
        this.send = URI.create(endpoint.toString().replaceFirst("/+$", "") + OPERATION_PATH);
        this.region = region;
        this.credentials = credentials;
        this.phoneNumberId = phoneNumberId;
        this.metaApiVersion = metaApiVersion;
    }

    /** As Lambda wires it: the function's region and credentials, the SDK's endpoint settings. */
    public static SocialMessagingWhatsApp fromEnvironment(SdkHttpClient http, String phoneNumberId) {
        Region region = AwsClients.region();
        return new SocialMessagingWhatsApp(
                http,
                endpoint(region),
                region,
                AwsClients.credentials(),
                phoneNumberId,
                Config.optional("WHATSAPP_META_API_VERSION").orElse(DEFAULT_META_API_VERSION));
    }

    /** The SDK's resolution order: the service's own override, the global one, else the regional endpoint. */
    static URI endpoint(Region region) {
        return Config.optional("AWS_ENDPOINT_URL_SOCIALMESSAGING", "aws.endpointUrlSocialMessaging")
                .or(() -> Config.optional("AWS_ENDPOINT_URL", "aws.endpointUrl"))
                .map(URI::create)
                .orElseGet(() -> {
                    String suffix = region.metadata() == null
                            ? "amazonaws.com"
                            : region.metadata().partition().dnsSuffix();
                    return URI.create("https://" + SIGNING_NAME + "." + region.id() + "." + suffix);
                });
    }

    @Override
    public String send(String e164, WhatsAppTemplate template) {
        byte[] body = JsonText.of(Map.of(
                        "originationPhoneNumberId", phoneNumberId,
                        "message", Base64.getEncoder().encodeToString(metaMessage(e164, template)),
                        "metaApiVersion", metaApiVersion))
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(send)
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        int status;
        String errorType;
        byte[] answer;
        try {
            SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElseThrow())
                            .build())
                    .call();
            status = response.httpResponse().statusCode();
            errorType = response.httpResponse()
                    .firstMatchingHeader("x-amzn-ErrorType")
                    .orElse(null);
            answer = read(response);
        } catch (IOException | UncheckedIOException | SdkException unreachable) {
            throw new DeliveryFailedException(
                    "whatsapp unreachable: " + unreachable.getClass().getSimpleName(), unreachable);
        }
        return outcome(status, errorType, answer);
    }

    /** The service's answer → the message id, or the exception the port promises. */
    static String outcome(int status, String errorTypeHeader, byte[] answer) {
        Map<String, JsonNode> fields = object(answer);
        if (status / 100 == 2) {
            return Optional.ofNullable(fields.get("messageId"))
                    .filter(JsonNode::isString)
                    .map(JsonNode::asString)
                    .filter(id -> !id.isBlank())
                    .orElseThrow(() -> new DeliveryFailedException("whatsapp accepted without a messageId", null));
        }
        String type = errorType(errorTypeHeader, fields).orElse("HTTP " + status);
        if (PERMANENT.contains(type)) {
            // The type only: the service's message may quote the number.
            throw new UndeliverableException("whatsapp " + type);
        }
        throw new DeliveryFailedException("whatsapp " + type + " (HTTP " + status + ")", null);
    }

    @Override
    public String provider() {
        return "whatsapp";
    }

    /** Meta's template message object, fields in the order Meta documents them. */
    static byte[] metaMessage(String e164, WhatsAppTemplate template) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", template.name());
        body.put("language", Map.of("code", template.languageCode()));
        if (!template.bodyParameters().isEmpty()) {
            List<Object> parameters = template.bodyParameters().stream()
                    .<Object>map(text -> textParameter(text))
                    .toList();
            body.put("components", List.of(orderedMap("type", "body", "parameters", parameters)));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messaging_product", "whatsapp");
        message.put("to", e164);
        message.put("type", "template");
        message.put("template", body);
        return JsonText.of(message).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> textParameter(String text) {
        return orderedMap("type", "text", "text", text);
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** {@code x-amzn-ErrorType: ValidationException:http://…}, else the body's {@code __type} or {@code code}. */
    private static Optional<String> errorType(String header, Map<String, JsonNode> fields) {
        String raw = header;
        if (raw == null || raw.isBlank()) {
            raw = Optional.ofNullable(fields.get("__type"))
                    .or(() -> Optional.ofNullable(fields.get("code")))
                    .filter(JsonNode::isString)
                    .map(JsonNode::asString)
                    .orElse(null);
        }
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String type = raw.contains(":") ? raw.substring(0, raw.indexOf(':')) : raw;
        type = type.contains("#") ? type.substring(type.indexOf('#') + 1) : type;
        return Optional.of(type.trim());
    }

    private static byte[] read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readNBytes(1 << 20);
        }
    }

    private static Map<String, JsonNode> object(byte[] answer) {
        if (answer.length == 0) {
            return Map.of();
        }
        try {
            JsonNode node = JSON.parse(answer);
            return node.isObject() ? node.asObject() : Map.of();
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }
}
