package sa.mustafeed.localenv;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates in an emulator (moto, LocalStack) the resources template.yaml declares that the functions
 * talk to, and resolves each function's environment the way CloudFormation would. Idempotent: a
 * second start finds everything in place. Resources the local runner plays itself (the HTTP API,
 * the site bucket and CDN, log groups) are skipped; a bucket a function names in its environment
 * (the documents bucket) is created with its encryption and CORS rules.
 */
public final class LocalProvisioner {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final SamTemplate template;
    private final URI endpoint;
    private final Region region;
    private final String stackName;
    private final Map<String, String> parameterOverrides;

    public LocalProvisioner(
            SamTemplate template,
            URI endpoint,
            String region,
            String stackName,
            Map<String, String> parameterOverrides) {
        this.template = template;
        this.endpoint = endpoint;
        this.region = Region.of(region);
        this.stackName = stackName;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** What was created: the value {@code !Ref} and {@code Arn} give for each logical id. */
    public record Provisioned(Map<String, String> refs, Map<String, String> arns, Map<String, String> attributes) {
        /** {@code Fn::GetAtt [id, attribute]}: the attribute if known, else the resource's ARN. */
        public String attribute(String logicalId, String attribute) {
            return attributes.getOrDefault(logicalId + "." + attribute, arns.getOrDefault(logicalId, ""));
        }
    }

    public Provisioned provision() {
        Map<String, String> refs = new HashMap<>();
        Map<String, String> arns = new HashMap<>();
        Map<String, String> attributes = new HashMap<>();
        SdkHttpClient http = UrlConnectionHttpClient.create();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(endpoint)
                        .build();
                SecretsManagerClient secrets = SecretsManagerClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(endpoint)
                        .build();
                SqsClient sqs = SqsClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(endpoint)
                        .build();
                SesV2Client ses = SesV2Client.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(endpoint)
                        .build();
                S3Client s3 = S3Client.builder()
                        .httpClient(http)
                        .region(region)
                        .forcePathStyle(true)
                        .credentialsProvider(credentials)
                        .endpointOverride(endpoint)
                        .build()) {
            for (String id : template.logicalIdsOfType("AWS::DynamoDB::Table")) {
                String name = stackName + "-" + id;
                createTable(dynamoDb, name, template.properties(id));
                refs.put(id, name);
                var table = dynamoDb.describeTable(d -> d.tableName(name)).table();
                arns.put(id, table.tableArn());
                if (table.latestStreamArn() != null) {
                    attributes.put(id + ".StreamArn", table.latestStreamArn());
                }
            }
            for (String id : template.logicalIdsOfType("AWS::SQS::Queue")) {
                String name = stackName + "-" + id;
                String url = sqs.createQueue(c -> c.queueName(name)).queueUrl();
                refs.put(id, url);
                String arn = sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes()
                        .get(QueueAttributeName.QUEUE_ARN);
                arns.put(id, arn);
                attributes.put(id + ".Arn", arn);
            }
            for (String id : template.logicalIdsOfType("AWS::SecretsManager::Secret")) {
                String name = stackName + "/" + id;
                String arn = ensureSecret(secrets, name, template.properties(id));
                refs.put(id, arn);
                arns.put(id, arn);
            }
            for (String id : bucketsFunctionsUse()) {
                String name = (stackName + "-" + id).toLowerCase(java.util.Locale.ROOT);
                try {
                    // Outside us-east-1 S3 (and moto) want the region named on creation.
                    s3.createBucket(c -> {
                        c.bucket(name);
                        if (!region.id().equals("us-east-1")) {
                            c.createBucketConfiguration(b -> b.locationConstraint(region.id()));
                        }
                    });
                } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException alreadyThere) {
                    // a second start against the same emulator
                }
                refs.put(id, name);
                arns.put(id, "arn:aws:s3:::" + name);
                attributes.put(id + ".Arn", "arn:aws:s3:::" + name);
                attributes.put(id + ".RegionalDomainName", name + ".s3." + region.id() + ".amazonaws.com");
            }
            Provisioned soFar = new Provisioned(refs, arns, attributes);
            for (String id : bucketsFunctionsUse()) {
                configureBucket(s3, refs.get(id), template.properties(id), soFar);
            }
            for (String id : template.logicalIdsOfType("AWS::Cognito::UserPoolDomain")) {
                // Nothing to create (the runner signs staff in itself); Ref gives the domain prefix,
                // which the site's CSP names as the sign-in origin.
                refs.put(id, resolve(template.properties(id).get("Domain"), soFar));
            }
            for (String id : template.logicalIdsOfType("AWS::SES::EmailIdentity")) {
                String identity = resolve(template.properties(id).get("EmailIdentity"), soFar);
                try {
                    ses.createEmailIdentity(c -> c.emailIdentity(identity));
                } catch (AlreadyExistsException alreadyThere) {
                    // a second start against the same emulator
                }
                refs.put(id, identity);
            }
        } finally {
            http.close();
        }
        return new Provisioned(Map.copyOf(refs), Map.copyOf(arns), Map.copyOf(attributes));
    }

    /** Buckets that some function names in its environment ({@code !Ref Bucket}); the site bucket is not one. */
    private List<String> bucketsFunctionsUse() {
        java.util.Set<String> buckets = new java.util.TreeSet<>();
        for (SamTemplate.Function function : template.functions()) {
            function.environment().values().forEach(value -> {
                if (value instanceof Map<?, ?> ref
                        && ref.get("Ref") instanceof String id
                        && "AWS::S3::Bucket".equals(template.type(id))) {
                    buckets.add(id);
                }
            });
        }
        return List.copyOf(buckets);
    }

    /** The bucket's default encryption and CORS rules as the template declares them (origins resolved). */
    private void configureBucket(S3Client s3, String bucket, Map<String, Object> props, Provisioned provisioned) {
        if (props.containsKey("BucketEncryption")) {
            s3.putBucketEncryption(p -> p.bucket(bucket)
                    .serverSideEncryptionConfiguration(
                            c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES256")))));
        }
        List<CORSRule> rules = new ArrayList<>();
        for (Object raw :
                SamTemplate.list(SamTemplate.map(props.get("CorsConfiguration")).get("CorsRules"))) {
            Map<String, Object> rule = SamTemplate.map(raw);
            rules.add(CORSRule.builder()
                    .allowedOrigins(SamTemplate.list(rule.get("AllowedOrigins")).stream()
                            .map(o -> resolve(o, provisioned))
                            .toList())
                    .allowedMethods(SamTemplate.list(rule.get("AllowedMethods")).stream()
                            .map(String::valueOf)
                            .toList())
                    .allowedHeaders(SamTemplate.list(rule.get("AllowedHeaders")).stream()
                            .map(String::valueOf)
                            .toList())
                    .maxAgeSeconds(rule.get("MaxAge") instanceof Number n ? n.intValue() : null)
                    .build());
        }
        if (!rules.isEmpty()) {
            s3.putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(rules)));
        }
    }

    /** A function's environment with every intrinsic resolved against what {@link #provision} made. */
    public Map<String, String> environmentOf(SamTemplate.Function function, Provisioned provisioned) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, resolve(value, provisioned)));
        return environment;
    }

    String resolve(Object value, Provisioned provisioned) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Map.Entry<?, ?> only = intrinsic.entrySet().iterator().next();
            String function = String.valueOf(only.getKey());
            Object argument = only.getValue();
            switch (function) {
                case "Ref":
                    return ref(String.valueOf(argument), provisioned);
                case "Fn::GetAtt":
                    List<Object> parts = SamTemplate.list(argument);
                    return provisioned.attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                case "Fn::Sub":
                    return substitute(String.valueOf(argument instanceof List<?> l ? l.get(0) : argument), provisioned);
                default:
                    return "";
            }
        }
        return value == null ? "" : String.valueOf(value);
    }

    private String ref(String name, Provisioned provisioned) {
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        if (provisioned.refs().containsKey(name)) {
            return provisioned.refs().get(name);
        }
        return switch (name) {
            case "AWS::Region" -> region.id();
            case "AWS::AccountId" -> "123456789012";
            case "AWS::StackName" -> stackName;
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> template.parameterDefault(name).map(String::valueOf).orElse("");
        };
    }

    /** {@code Fn::Sub}'s text with every variable resolved against what {@link #provision} made. */
    public String substitute(String text, Provisioned provisioned) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement = variable.contains(".") && !variable.startsWith("AWS::")
                    ? provisioned.attribute(
                            variable.substring(0, variable.indexOf('.')), variable.substring(variable.indexOf('.') + 1))
                    : ref(variable, provisioned);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void createTable(DynamoDbClient dynamoDb, String name, Map<String, Object> props) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : SamTemplate.list(props.get("AttributeDefinitions"))) {
            Map<String, Object> attribute = SamTemplate.map(a);
            attributes.add(AttributeDefinition.builder()
                    .attributeName(str(attribute, "AttributeName"))
                    .attributeType(str(attribute, "AttributeType"))
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : SamTemplate.list(props.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = SamTemplate.map(g);
            Map<String, Object> projection = SamTemplate.map(index.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(str(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(str(projection, "ProjectionType"))
                            .nonKeyAttributes(SamTemplate.list(projection.get("NonKeyAttributes")).stream()
                                    .map(String::valueOf)
                                    .toList())
                            .build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(props.get("KeySchema")))
                .billingMode("PAY_PER_REQUEST");
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        Map<String, Object> stream = SamTemplate.map(props.get("StreamSpecification"));
        if (stream.containsKey("StreamViewType")) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(str(stream, "StreamViewType"))
                    .build());
        }
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        Map<String, Object> ttl = SamTemplate.map(props.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamoDb.updateTimeToLive(u -> u.tableName(name)
                    .timeToLiveSpecification(
                            t -> t.attributeName(str(ttl, "AttributeName")).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return SamTemplate.list(raw).stream()
                .map(SamTemplate::map)
                .map(k -> KeySchemaElement.builder()
                        .attributeName(str(k, "AttributeName"))
                        .keyType(str(k, "KeyType"))
                        .build())
                .toList();
    }

    private static String ensureSecret(SecretsManagerClient secrets, String name, Map<String, Object> props) {
        try {
            return secrets.describeSecret(d -> d.secretId(name)).arn();
        } catch (ResourceNotFoundException missing) {
            return secrets.createSecret(c -> c.name(name).secretString(generatedValue(props)))
                    .arn();
        }
    }

    /**
     * What CloudFormation's GenerateSecretString makes: a random string, or, with SecretStringTemplate
     * and GenerateStringKey, the template's JSON object with the random string added under that key.
     */
    static String generatedValue(Map<String, Object> props) {
        Map<String, Object> generate = SamTemplate.map(props.get("GenerateSecretString"));
        Object template = generate.get("SecretStringTemplate");
        Object key = generate.get("GenerateStringKey");
        // CloudFormation's own default length is 32; every secret here names its length.
        int length = generate.get("PasswordLength") instanceof Number n ? n.intValue() : 64;
        if (template == null || key == null) {
            return randomSecret(length);
        }
        String json = String.valueOf(template).strip();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("SecretStringTemplate must be a JSON object");
        }
        String body = json.substring(1, json.length() - 1).strip();
        // The key is a plain name and the value letters and digits: nothing to escape.
        String generated = "\"" + key + "\": \"" + randomSecret(length) + "\"";
        return "{" + (body.isEmpty() ? "" : body + ", ") + generated + "}";
    }

    private static String randomSecret(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    private static String str(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }
}
