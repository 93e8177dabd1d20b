package sa.mustafeed.aws;

import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The messaging providers' credentials (template resource MessagingProviderSecret, its ARN in
 * MESSAGING_SECRET_ARN), read once at cold start: Unifonic's application id, which authenticates every
 * send, and the token Unifonic's delivery-report webhook presents as {@code Authorization: Bearer}.
 * JSON {@code {"unifonicAppSid": "...", "webhookToken": "..."}}. Neither value is ever logged: {@link
 * #toString} hides both.
 */
public record MessagingSecret(String unifonicAppSid, String webhookToken) {
    private static final JsonNodeParser JSON = JsonNodeParser.create();

    public static MessagingSecret load(SecretsManagerClient client, String secretId) {
        return parse(client.getSecretValue(b -> b.secretId(secretId)).secretString());
    }

    /** Missing fields read as empty: which one a function needs, it checks itself. */
    static MessagingSecret parse(String secret) {
        Map<String, JsonNode> fields;
        try {
            JsonNode node = JSON.parse(secret == null ? "" : secret);
            fields = node.isObject() ? node.asObject() : Map.of();
        } catch (RuntimeException notJson) {
            // The message would quote the secret: say only what is wrong with it.
            throw new IllegalStateException("the messaging secret is not a JSON object");
        }
        return new MessagingSecret(text(fields.get("unifonicAppSid")), text(fields.get("webhookToken")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString().trim() : "";
    }

    @Override
    public String toString() {
        return "MessagingSecret[unifonicAppSid=" + (unifonicAppSid.isEmpty() ? "unset" : "***") + ", webhookToken="
                + (webhookToken.isEmpty() ? "unset" : "***") + "]";
    }
}
