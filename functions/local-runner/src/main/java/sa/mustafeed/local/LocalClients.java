package sa.mustafeed.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients the runner itself uses (not the functions'): the stream poller's streams and
 * queue clients, the outbox's and the demo seed's table client, all against the emulator. The
 * functions build their own, from the settings {@link #exportForFunctions} leaves where Lambda's
 * environment would. They live as long as the process: the pollers' daemon threads may be in a
 * call when the runner stops.
 */
record LocalClients(
        DynamoDbClient dynamoDb,
        DynamoDbStreamsClient streams,
        SqsClient sqs,
        SdkHttpClient http,
        URI emulator,
        Region region) {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    static LocalClients of(URI emulator, String region) {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        Region r = Region.of(region);
        return new LocalClients(
                DynamoDbClient.builder()
                        .httpClient(http)
                        .region(r)
                        .credentialsProvider(CREDENTIALS)
                        .endpointOverride(emulator)
                        .build(),
                DynamoDbStreamsClient.builder()
                        .httpClient(http)
                        .region(r)
                        .credentialsProvider(CREDENTIALS)
                        .endpointOverride(emulator)
                        .build(),
                SqsClient.builder()
                        .httpClient(http)
                        .region(r)
                        .credentialsProvider(CREDENTIALS)
                        .endpointOverride(emulator)
                        .build(),
                http,
                emulator,
                r);
    }

    /** A secrets client for one read (the demo seed's key); the caller closes it. */
    SecretsManagerClient secrets() {
        return SecretsManagerClient.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(emulator)
                .build();
    }

    /**
     * The handlers build their SDK clients from these system properties, exactly as they read
     * Lambda's environment: the emulator's endpoint (the SDK's standard override), region and
     * credentials (kept when already set).
     */
    static void exportForFunctions(URI emulator, String region) {
        System.setProperty("aws.endpointUrl", emulator.toString());
        System.setProperty("aws.region", region);
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
    }
}
