package sa.mustafeed.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import sa.mustafeed.core.privacy.KeyedHasher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients that never leave the process, for priming before a SnapStart snapshot: every call is
 * signed, marshalled and sent as usual, then answered in memory with {@code 200 {}} (an empty
 * success for every DynamoDB operation the functions use). So priming loads and compiles the real
 * request path (endpoint rules, SigV4, JSON protocol, our adapters) and can never touch a table,
 * whatever the environment says. Records the operations it answered, for tests.
 */
public final class OfflineAwsClients {
    /** Priming runs a thousand rounds: the first rounds' operations tell what a round does. */
    private static final int OPERATIONS_KEPT = 64;

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final SdkHttpClient http = new SdkHttpClient() {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    if (operations.size() < OPERATIONS_KEPT) {
                        operations.add(request.httpRequest()
                                .firstMatchingHeader("X-Amz-Target")
                                .orElse("?"));
                    }
                    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", String.valueOf(body.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}

        @Override
        public String clientName() {
            return "offline";
        }
    };

    /** What a request function gets, wired to the offline client and a throwaway hashing key. */
    public FunctionResources functionResources() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new FunctionResources(dynamoDb(), "priming", new KeyedHasher(key));
    }

    /** Same builder settings as {@link AwsClients#dynamoDb}, but fixed region and dummy keys: no lookups. */
    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(Config.optional("AWS_REGION", "aws.region").orElse("me-south-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .build();
    }

    /** The first operations answered (the X-Amz-Target of each, at most 64), in order. */
    public List<String> operations() {
        return List.copyOf(operations);
    }
}
