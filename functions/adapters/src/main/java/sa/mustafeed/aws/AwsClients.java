package sa.mustafeed.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients once per cold start, the cheap way: an explicit region and credentials chain
 * (the default chains probe files and instance metadata), and the JDK's URLConnection HTTP client
 * (no Apache or Netty to load). The endpoint comes from the SDK's own AWS_ENDPOINT_URL /
 * aws.endpointUrl setting, so the same code talks to AWS, moto or LocalStack.
 */
public final class AwsClients {
    /** The kiosk visitor is waiting: fail over to "try again" quickly rather than hang. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    private AwsClients() {}

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    public static DynamoDbClient dynamoDb(SdkHttpClient http, Optional<URI> endpoint) {
        return configure(DynamoDbClient.builder(), http, endpoint).build();
    }

    public static SecretsManagerClient secretsManager(SdkHttpClient http, Optional<URI> endpoint) {
        return configure(SecretsManagerClient.builder(), http, endpoint).build();
    }

    public static software.amazon.awssdk.services.sns.SnsClient sns(SdkHttpClient http, Optional<URI> endpoint) {
        return configure(software.amazon.awssdk.services.sns.SnsClient.builder(), http, endpoint)
                .build();
    }

    public static software.amazon.awssdk.services.sesv2.SesV2Client sesV2(SdkHttpClient http, Optional<URI> endpoint) {
        return configure(software.amazon.awssdk.services.sesv2.SesV2Client.builder(), http, endpoint)
                .build();
    }

    public static software.amazon.awssdk.services.sqs.SqsClient sqs(SdkHttpClient http, Optional<URI> endpoint) {
        return configure(software.amazon.awssdk.services.sqs.SqsClient.builder(), http, endpoint)
                .build();
    }

    /**
     * S3 for the documents bucket. Path-style addressing where an emulator stands in for S3 (moto
     * serves every bucket on one host); virtual-hosted style on AWS.
     */
    public static software.amazon.awssdk.services.s3.S3Client s3(SdkHttpClient http) {
        var builder = configure(software.amazon.awssdk.services.s3.S3Client.builder(), http, Optional.empty());
        builder.forcePathStyle(emulatedS3().isPresent());
        return builder.build();
    }

    /**
     * Signs document URLs with the same region, credentials and endpoint as {@link #s3}. The presigner
     * is not a service client: it reads no AWS_ENDPOINT_URL itself, so the emulator's is passed on.
     */
    public static software.amazon.awssdk.services.s3.presigner.S3Presigner s3Presigner() {
        var builder = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                .region(region())
                .credentialsProvider(credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(emulatedS3().isPresent())
                        .build());
        emulatedS3().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The endpoint override for S3 (moto, LocalStack), if one is set; none on AWS. */
    static Optional<URI> emulatedS3() {
        return Config.optional("AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3")
                .or(() -> Config.optional("AWS_ENDPOINT_URL", "aws.endpointUrl"))
                .map(URI::create);
    }

    /** The same cheap set-up for every client: one HTTP client, explicit region and credentials, timeouts. */
    private static <
                    B extends
                            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                                    & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>>
            B configure(B builder, SdkHttpClient http, Optional<URI> endpoint) {
        builder.httpClient(http)
                .region(region())
                .credentialsProvider(credentials())
                .overrideConfiguration(overrides());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }

    static Region region() {
        return Region.of(Config.required("AWS_REGION", "aws.region"));
    }

    /** Lambda sets the environment keys; SnapStart functions get them from the container endpoint instead. */
    static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        ContainerCredentialsProvider.create())
                .build();
    }
}
