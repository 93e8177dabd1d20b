package sa.mustafeed.receipts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.http.Json;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The shared secret Unifonic sends back with every delivery report. Unifonic signs nothing; its webhook
 * settings take custom headers, and the association configures {@code Authorization: Bearer <token>}
 * there with the {@code webhookToken} of the messaging secret. The comparison runs over SHA-256 digests
 * with {@link MessageDigest#isEqual}, so it takes the same time whatever the presented value and
 * however much of it matches, its length included.
 */
final class WebhookToken {
    /** Guessing 32 letters and digits (the template generates 48) is out of reach at any request rate. */
    static final int MIN_LENGTH = 32;

    private final byte[] expectedDigest;

    WebhookToken(String token) {
        if (token == null || token.length() < MIN_LENGTH) {
            throw new IllegalStateException("the webhook token must hold at least " + MIN_LENGTH + " characters");
        }
        this.expectedDigest = sha256(token);
    }

    /**
     * Reads {@code webhookToken} from the messaging secret's JSON ({@code {"unifonicAppSid", "webhookToken"}}),
     * once per cold start.
     */
    static WebhookToken load(SecretsManagerClient secrets, String secretArn) {
        String text = secrets.getSecretValue(g -> g.secretId(secretArn)).secretString();
        Map<String, Object> fields;
        try {
            fields = text == null ? null : Json.readObject(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException notJson) {
            fields = null;
        }
        if (fields == null || !(fields.get("webhookToken") instanceof String token)) {
            // Never the secret's text in the message: it would land in the function's log.
            throw new IllegalStateException("the messaging secret is not JSON with a webhookToken");
        }
        return new WebhookToken(token);
    }

    /** True only for {@code Bearer <the token>} (the scheme in any case, RFC 9110 §11.1). */
    boolean admits(Optional<String> authorization) {
        String presented = authorization
                .map(String::strip)
                .filter(h -> h.length() > 7
                        && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer "))
                .map(h -> h.substring(7).strip())
                .orElse("");
        // Digest even an empty value, so a missing header costs what a wrong one does.
        return MessageDigest.isEqual(sha256(presented), expectedDigest) && !presented.isEmpty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
