package sa.mustafeed.bench;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.aws.DynamoDbRequestRepository;
import sa.mustafeed.aws.SecretsManagerHashKey;
import sa.mustafeed.core.privacy.HashPurpose;
import sa.mustafeed.core.privacy.KeyedHasher;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.localenv.LocalProvisioner;
import sa.mustafeed.localenv.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Prepares moto for the benchmark as the local runner does (template.yaml → table, secret, each
 * function's resolved environment), then stores the request the sample lookup events ask for
 * (reference MHF5-Q2N7, mobile ending 4567), so a lookup answers 200 rather than counting a failure,
 * and turns the table's stream off (see {@link #withoutStream}).
 * Writes {@code [{logicalId, handler, environment, snapStart}]} as JSON for the harness.
 *
 * <p>Usage: {@code Provision <repo root> <emulator URL> <region> <out.json>}
 */
public final class Provision {
    private Provision() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        URI emulator = URI.create(args[1]);
        String region = args[2];
        SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
        LocalProvisioner provisioner = new LocalProvisioner(template, emulator, region, "mustafeed-bench", Map.of());
        LocalProvisioner.Provisioned provisioned = provisioner.provision();
        List<Map<String, Object>> functions = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("logicalId", function.logicalId());
            entry.put("handler", function.handler());
            entry.put("environment", provisioner.environmentOf(function, provisioned));
            // ./bench --priming measures exactly the functions the template gives SnapStart
            Object snapStart = template.properties(function.logicalId()).get("SnapStart");
            entry.put(
                    "snapStart",
                    snapStart instanceof Map<?, ?> settings && "PublishedVersions".equals(settings.get("ApplyOn")));
            functions.add(entry);
        }
        // The table and key the functions are given (not guessed from the template's resource list).
        @SuppressWarnings("unchecked")
        Map<String, String> environment = functions.stream()
                .map(f -> (Map<String, String>) f.get("environment"))
                .filter(e -> e.containsKey("TABLE_NAME") && e.containsKey("HASH_KEY_SECRET_ARN"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no function gets TABLE_NAME and HASH_KEY_SECRET_ARN"));
        String table = environment.get("TABLE_NAME");
        String secret = environment.get("HASH_KEY_SECRET_ARN");
        withoutStream(emulator, Region.of(region), table);
        seedSampleRequest(emulator, Region.of(region), table, secret);
        Files.writeString(Path.of(args[3]), JSON.std.asString(functions), StandardCharsets.UTF_8);
    }

    /**
     * moto keeps every stream record of a table forever (one shard) and copies the whole table, records
     * included, for each TransactWriteItems; after a few hundred submissions moto, not the function,
     * would dominate every figure. The functions measured here never read the stream (in AWS writing
     * to a table with a stream costs the writer nothing), so the benchmark's table goes without.
     */
    private static void withoutStream(URI emulator, Region region, String table) {
        var http = UrlConnectionHttpClient.create();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(emulator)
                .build()) {
            // Re-created from its own description: moto 5.2.5 cancels every transaction on a table whose
            // stream was switched off by UpdateTable (KeyError inside moto), so it cannot be turned off.
            var described = dynamoDb.describeTable(d -> d.tableName(table)).table();
            dynamoDb.deleteTable(d -> d.tableName(table));
            dynamoDb.createTable(c -> {
                c.tableName(table)
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(described.attributeDefinitions())
                        .keySchema(described.keySchema());
                if (described.hasGlobalSecondaryIndexes()) {
                    c.globalSecondaryIndexes(described.globalSecondaryIndexes().stream()
                            .map(g -> software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
                                    .indexName(g.indexName())
                                    .keySchema(g.keySchema())
                                    .projection(g.projection())
                                    .build())
                            .toList());
                }
            });
        } finally {
            http.close();
        }
    }

    /** The request events/lookup-request/found.json looks up. */
    private static void seedSampleRequest(URI emulator, Region region, String table, String secretArn) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        var http = UrlConnectionHttpClient.create();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(emulator)
                        .build();
                SecretsManagerClient secrets = SecretsManagerClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(emulator)
                        .build()) {
            KeyedHasher hasher = new KeyedHasher(SecretsManagerHashKey.load(secrets, secretArn));
            Instant at = Instant.parse("2026-11-25T08:30:00Z");
            ServiceRequest request = new ServiceRequest(
                    new ReferenceCode("MHF5Q2N7"),
                    Category.SERVICE,
                    Channel.KIOSK,
                    Status.RECEIVED,
                    "سارة العتيبي",
                    "+966501234567",
                    hasher.hash(HashPurpose.MOBILE, "+966501234567"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "مكة المكرمة",
                    "طلب للقياس فقط",
                    ContactMethod.SMS,
                    Language.AR,
                    Optional.empty(),
                    "2026-11",
                    at,
                    at,
                    at,
                    1);
            var outcome = new DynamoDbRequestRepository(dynamoDb, table)
                    .create(request, new TimelineEntry(at, Status.RECEIVED), Optional.empty());
            if (outcome != sa.mustafeed.core.ports.RequestRepository.CreateOutcome.CREATED
                    && outcome != sa.mustafeed.core.ports.RequestRepository.CreateOutcome.REFERENCE_TAKEN) {
                throw new IllegalStateException("could not store the sample request: " + outcome);
            }
        } finally {
            http.close();
        }
    }
}
