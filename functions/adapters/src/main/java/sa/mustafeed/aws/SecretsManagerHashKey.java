package sa.mustafeed.aws;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Loads the key for keyed hashes of personal data from Secrets Manager, once, at cold start. */
public final class SecretsManagerHashKey {
    private SecretsManagerHashKey() {}

    public static byte[] load(SecretsManagerClient client, String secretId) {
        String secret = client.getSecretValue(b -> b.secretId(secretId)).secretString();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("the hashing key secret must hold at least 32 characters");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
