package sa.mustafeed.bench.naive;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import sa.mustafeed.aws.SecretsManagerHashKey;
import sa.mustafeed.core.privacy.KeyedHasher;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** What the naive peers share: written the way most published Lambda samples are. */
final class NaiveFunctions {
    private NaiveFunctions() {}

    static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Default client builder: default credentials chain, region lookup and HTTP client (Apache). */
    static KeyedHasher hasher() {
        try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
            return new KeyedHasher(SecretsManagerHashKey.load(secrets, System.getenv("HASH_KEY_SECRET_ARN")));
        }
    }

    static void answer(ObjectMapper mapper, OutputStream output, int status, Object body) throws IOException {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(mapper.writeValueAsString(body))
                .build();
        mapper.writeValue(output, response);
    }
}
