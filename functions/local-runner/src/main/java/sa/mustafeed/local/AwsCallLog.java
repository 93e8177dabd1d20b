package sa.mustafeed.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.LocalProvisioner;
import sa.mustafeed.localenv.SamTemplate;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Every AWS call a function makes, as IAM will see it: the action, the resource's ARN and the
 * request's condition keys ({@code dynamodb:LeadingKeys} of every item touched, inside batches and
 * transactions too, {@code dynamodb:Attributes}, {@code dynamodb:ReturnValues}). With
 * {@code MUSTAFEED_AWS_CALL_LOG} set to a folder (./test sets it), each distinct call is written there
 * as a JSON line; tests/iam/evaluate.mjs then evaluates each against its function's policy in
 * template.yaml with a real IAM evaluator, and fails on a denied call or a grant no call used.
 *
 * <p>Emulator names become the template's: a resource is written as the ARN that
 * scripts/check-policies.py dump gives the policy's resource (logical ids, its secret suffix and stream
 * label), so the two compare as IAM would. Which function called is the thread's (and the threads it
 * starts): {@link OwnEnvironment} sets it while a function is built or invoked, a stream poller for
 * its function, because Lambda reads a stream with the function's role. Registered for every SDK
 * client of the process through the SDK's global interceptor list.
 */
public final class AwsCallLog implements ExecutionInterceptor {
    private static final InheritableThreadLocal<String> FUNCTION = new InheritableThreadLocal<>();
    /** The stream a poller's thread reads (GetRecords names only an iterator). */
    private static final ThreadLocal<String> STREAM = new ThreadLocal<>();

    private static final Pattern KEY_EQUALS = Pattern.compile("([#A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(:[A-Za-z0-9_]+)");
    private static final Pattern NAME = Pattern.compile("[:#]?[A-Za-z_][A-Za-z0-9_]*");
    /** Expression words and functions: never attribute names (DynamoDB reserves them). */
    private static final Set<String> EXPRESSION_WORDS = Set.of(
            "SET",
            "REMOVE",
            "ADD",
            "DELETE",
            "AND",
            "OR",
            "NOT",
            "BETWEEN",
            "IN",
            "attribute_exists",
            "attribute_not_exists",
            "attribute_type",
            "begins_with",
            "contains",
            "size",
            "if_not_exists",
            "list_append");
    /** The shapes scripts/check-policies.py dump gives a secret's and a stream's ARN. */
    private static final String SECRET_SUFFIX = "-AbCdEf";

    private static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

    private static volatile Naming naming;

    /** What the emulator's names are in the template, and each table's partition key attributes. */
    record Naming(
            Path file,
            String account,
            Map<String, String> logicalIds,
            Map<String, String> partitionKeys,
            Set<String> written) {}

    /** One call as IAM evaluates it. */
    record Call(String action, String resource, Map<String, Object> context) {}

    /**
     * Starts the log when {@code MUSTAFEED_AWS_CALL_LOG} names a folder: one file per process, a line
     * per distinct call (partition keys compared by their prefix, so a thousand requests are one line).
     */
    static void startIfAsked(SamTemplate template, LocalProvisioner.Provisioned provisioned) throws IOException {
        String folder = Optional.ofNullable(System.getenv("MUSTAFEED_AWS_CALL_LOG"))
                .or(() -> Optional.ofNullable(System.getProperty("mustafeed.awsCallLog")))
                .orElse("");
        if (folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        Map<String, String> logicalIds = new HashMap<>();
        provisioned.refs().forEach((id, physical) -> {
            logicalIds.put(physical, id);
            if (physical.startsWith("http")) {
                logicalIds.put(physical.substring(physical.lastIndexOf('/') + 1), id);
            }
        });
        provisioned.arns().forEach((id, arn) -> logicalIds.put(arn, id));
        Map<String, String> partitionKeys = new HashMap<>();
        for (String table : template.logicalIdsOfType("AWS::DynamoDB::Table")) {
            Map<String, Object> props = template.properties(table);
            partitionKeys.put(table, hashKey(props.get("KeySchema")));
            for (Object index : SamTemplate.list(props.get("GlobalSecondaryIndexes"))) {
                Map<String, Object> gsi = SamTemplate.map(index);
                partitionKeys.put(table + "/index/" + gsi.get("IndexName"), hashKey(gsi.get("KeySchema")));
            }
        }
        Path file = dir.resolve("calls-" + ProcessHandle.current().pid() + ".jsonl");
        // Tests start several systems in one JVM, each with its own names, and an earlier system's
        // pollers keep running: every system's names stay known, and the calls stay in one file.
        Naming before = naming;
        if (before != null) {
            before.logicalIds().forEach(logicalIds::putIfAbsent);
            before.partitionKeys().forEach(partitionKeys::putIfAbsent);
        }
        naming = before == null
                ? new Naming(file, "123456789012", logicalIds, partitionKeys, ConcurrentHashMap.newKeySet())
                : new Naming(before.file(), before.account(), logicalIds, partitionKeys, before.written());
    }

    /** Runs {@code work} as {@code function}'s: the calls it makes, and its threads make, are that function's. */
    static <T, X extends Throwable> T as(String function, ScopedValue.CallableOp<T, X> work) throws X {
        String before = FUNCTION.get();
        FUNCTION.set(function);
        try {
            return work.call();
        } finally {
            FUNCTION.set(before);
        }
    }

    /** This thread works for {@code function} from now on (a stream poller's thread). */
    static void actFor(String function) {
        FUNCTION.set(function);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Naming current = naming;
        String function = FUNCTION.get();
        if (current == null || function == null) {
            return;
        }
        String service = Optional.ofNullable(attributes.getAttribute(AwsSignerExecutionAttribute.SERVICE_SIGNING_NAME))
                .orElse(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        Arns arns = new Arns(current, region == null ? "" : region.id());
        for (Call call : calls(service, operation, context.request(), arns, current)) {
            write(current, function, call);
        }
    }

    private static synchronized void write(Naming current, String function, Call call) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("function", function);
        line.put("action", call.action());
        line.put("resource", call.resource());
        line.put("context", call.context());
        Map<String, Object> shape = new LinkedHashMap<>(line);
        Map<String, Object> context = new LinkedHashMap<>(call.context());
        if (context.get("dynamodb:LeadingKeys") instanceof List<?> keys) {
            context.put(
                    "dynamodb:LeadingKeys",
                    new TreeSet<>(
                            keys.stream().map(k -> prefix(String.valueOf(k))).toList()));
        }
        shape.put("context", context);
        if (!current.written().add(Json.write(shape))) {
            return;
        }
        try {
            Files.writeString(
                    current.file(),
                    Json.write(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code REQ#MF-1#x} → {@code REQ#}: what a {@code LeadingKeys} pattern can tell apart here. */
    private static String prefix(String key) {
        int hash = key.indexOf('#');
        return hash < 0 ? key : key.substring(0, hash + 1);
    }

    /** The IAM actions a request is authorised as, one per item for a transaction. */
    static List<Call> calls(String service, String operation, SdkRequest request, Arns arns, Naming naming) {
        List<Call> calls = new ArrayList<>();
        switch (request) {
            case GetItemRequest r ->
                calls.add(item(
                        "GetItem",
                        arns.table(r.tableName()),
                        naming,
                        r.tableName(),
                        r.key(),
                        names(r.key(), r.projectionExpression(), r.expressionAttributeNames()),
                        null));
            case PutItemRequest r ->
                calls.add(item(
                        "PutItem",
                        arns.table(r.tableName()),
                        naming,
                        r.tableName(),
                        r.item(),
                        names(r.item(), r.conditionExpression(), r.expressionAttributeNames()),
                        r.returnValuesAsString()));
            case UpdateItemRequest r -> {
                Set<String> names = names(r.key(), r.updateExpression(), r.expressionAttributeNames());
                names.addAll(names(Map.of(), r.conditionExpression(), r.expressionAttributeNames()));
                calls.add(item(
                        "UpdateItem",
                        arns.table(r.tableName()),
                        naming,
                        r.tableName(),
                        r.key(),
                        names,
                        r.returnValuesAsString()));
            }
            case DeleteItemRequest r ->
                calls.add(item(
                        "DeleteItem",
                        arns.table(r.tableName()),
                        naming,
                        r.tableName(),
                        r.key(),
                        names(r.key(), r.conditionExpression(), r.expressionAttributeNames()),
                        r.returnValuesAsString()));
            case QueryRequest r -> {
                String resource = arns.table(r.tableName()) + (r.indexName() == null ? "" : "/index/" + r.indexName());
                String logical = arns.logical(r.tableName()) + (r.indexName() == null ? "" : "/index/" + r.indexName());
                Map<String, Object> context = new LinkedHashMap<>();
                leadingKeyOfQuery(r, naming.partitionKeys().get(logical))
                        .ifPresent(k -> context.put("dynamodb:LeadingKeys", List.of(k)));
                calls.add(new Call("dynamodb:Query", resource, context));
            }
            case BatchGetItemRequest r ->
                r.requestItems()
                        .forEach((table, keys) -> calls.add(batch("BatchGetItem", arns, naming, table, keys.keys())));
            case BatchWriteItemRequest r ->
                r.requestItems()
                        .forEach((table, writes) -> calls.add(batch(
                                "BatchWriteItem",
                                arns,
                                naming,
                                table,
                                writes.stream().map(AwsCallLog::keyOf).toList())));
            case TransactGetItemsRequest r ->
                r.transactItems()
                        .forEach(t -> calls.add(item(
                                "GetItem",
                                arns.table(t.get().tableName()),
                                naming,
                                t.get().tableName(),
                                t.get().key(),
                                names(
                                        t.get().key(),
                                        t.get().projectionExpression(),
                                        t.get().expressionAttributeNames()),
                                null)));
            case TransactWriteItemsRequest r ->
                r.transactItems().forEach(t -> calls.add(transactItem(t, arns, naming)));
            case DescribeStreamRequest r -> {
                STREAM.set(r.streamArn());
                calls.add(new Call("dynamodb:DescribeStream", arns.stream(r.streamArn()), Map.of()));
            }
            case GetShardIteratorRequest r ->
                calls.add(new Call("dynamodb:GetShardIterator", arns.stream(r.streamArn()), Map.of()));
            case GetRecordsRequest r ->
                // GetRecords names only an iterator: its stream is the one this poller's thread described.
                calls.add(new Call(
                        "dynamodb:GetRecords", STREAM.get() == null ? "*" : arns.stream(STREAM.get()), Map.of()));
            case GetSecretValueRequest r ->
                calls.add(new Call("secretsmanager:GetSecretValue", arns.secret(r.secretId()), Map.of()));
            case PutObjectRequest r -> calls.add(new Call("s3:PutObject", arns.object(r.bucket(), r.key()), Map.of()));
            case GetObjectRequest r -> calls.add(new Call("s3:GetObject", arns.object(r.bucket(), r.key()), Map.of()));
            case HeadObjectRequest r -> calls.add(new Call("s3:GetObject", arns.object(r.bucket(), r.key()), Map.of()));
            case DeleteObjectRequest r ->
                calls.add(new Call("s3:DeleteObject", arns.object(r.bucket(), r.key()), Map.of()));
            case SendMessageRequest r -> calls.add(new Call("sqs:SendMessage", arns.queue(r.queueUrl()), Map.of()));
            case PublishRequest r ->
                // SMS straight to a phone number has no resource: IAM evaluates it against "*".
                calls.add(new Call("sns:Publish", r.phoneNumber() != null ? "*" : arns.topic(r.topicArn()), Map.of()));
            case SendEmailRequest r ->
                calls.add(new Call("ses:SendEmail", arns.identity(r.fromEmailAddress()), Map.of()));
            default -> calls.add(new Call(service + ":" + operation, "*", Map.of()));
        }
        return calls;
    }

    private static Call transactItem(TransactWriteItem t, Arns arns, Naming naming) {
        if (t.put() != null) {
            var p = t.put();
            return item(
                    "PutItem",
                    arns.table(p.tableName()),
                    naming,
                    p.tableName(),
                    p.item(),
                    names(p.item(), p.conditionExpression(), p.expressionAttributeNames()),
                    null);
        }
        if (t.update() != null) {
            var u = t.update();
            Set<String> names = names(u.key(), u.updateExpression(), u.expressionAttributeNames());
            names.addAll(names(Map.of(), u.conditionExpression(), u.expressionAttributeNames()));
            return item("UpdateItem", arns.table(u.tableName()), naming, u.tableName(), u.key(), names, null);
        }
        if (t.delete() != null) {
            var d = t.delete();
            return item(
                    "DeleteItem",
                    arns.table(d.tableName()),
                    naming,
                    d.tableName(),
                    d.key(),
                    names(d.key(), d.conditionExpression(), d.expressionAttributeNames()),
                    null);
        }
        var c = t.conditionCheck();
        return item(
                "ConditionCheckItem",
                arns.table(c.tableName()),
                naming,
                c.tableName(),
                c.key(),
                names(c.key(), c.conditionExpression(), c.expressionAttributeNames()),
                null);
    }

    private static Call item(
            String action,
            String resource,
            Naming naming,
            String table,
            Map<String, AttributeValue> key,
            Set<String> attributes,
            String returnValues) {
        Map<String, Object> context = new LinkedHashMap<>();
        String partitionKey = naming.partitionKeys().get(naming.logicalIds().getOrDefault(table, table));
        context.put("dynamodb:LeadingKeys", List.of(text(key.get(partitionKey))));
        context.put("dynamodb:Attributes", List.copyOf(new TreeSet<>(attributes)));
        if (returnValues != null) {
            context.put("dynamodb:ReturnValues", returnValues);
        }
        return new Call("dynamodb:" + action, resource, context);
    }

    private static Call batch(
            String action, Arns arns, Naming naming, String table, List<Map<String, AttributeValue>> keys) {
        String partitionKey = naming.partitionKeys().get(naming.logicalIds().getOrDefault(table, table));
        List<String> leading = keys.stream()
                .map(k -> text(k.get(partitionKey)))
                .distinct()
                .sorted()
                .toList();
        return new Call("dynamodb:" + action, arns.table(table), Map.of("dynamodb:LeadingKeys", leading));
    }

    private static Map<String, AttributeValue> keyOf(WriteRequest write) {
        return write.putRequest() != null
                ? write.putRequest().item()
                : write.deleteRequest().key();
    }

    /** The partition key's value in a query's key condition ({@code PK = :pk}). */
    private static Optional<String> leadingKeyOfQuery(QueryRequest r, String partitionKey) {
        if (r.keyConditionExpression() == null || partitionKey == null) {
            return Optional.empty();
        }
        Matcher m = KEY_EQUALS.matcher(r.keyConditionExpression());
        while (m.find()) {
            String name =
                    m.group(1).startsWith("#") ? r.expressionAttributeNames().get(m.group(1)) : m.group(1);
            if (partitionKey.equals(name)) {
                return Optional.of(text(r.expressionAttributeValues().get(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** The top-level attributes a request names: its key or item, and every expression's names. */
    private static Set<String> names(
            Map<String, AttributeValue> keyOrItem, String expression, Map<String, String> aliases) {
        Set<String> out = new TreeSet<>(keyOrItem.keySet());
        if (expression == null) {
            return out;
        }
        Matcher m = NAME.matcher(expression);
        while (m.find()) {
            String token = m.group();
            boolean nested = m.start() > 0 && expression.charAt(m.start() - 1) == '.';
            if (token.startsWith(":") || nested || EXPRESSION_WORDS.contains(token)) {
                continue;
            }
            out.add(token.startsWith("#") ? aliases.getOrDefault(token, token) : token);
        }
        return out;
    }

    private static String text(AttributeValue value) {
        if (value == null) {
            return "";
        }
        return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
    }

    private static String hashKey(Object keySchema) {
        for (Object element : SamTemplate.list(keySchema)) {
            Map<String, Object> key = SamTemplate.map(element);
            if ("HASH".equals(key.get("KeyType"))) {
                return String.valueOf(key.get("AttributeName"));
            }
        }
        return "";
    }

    /** A resource's ARN with the template's names, in the shape check-policies.py dump writes. */
    record Arns(Naming naming, String region) {
        String logical(String physical) {
            return naming.logicalIds().getOrDefault(physical, physical);
        }

        private String prefix(String service) {
            return "arn:aws:" + service + ":" + region + ":" + naming.account() + ":";
        }

        String table(String name) {
            return prefix("dynamodb") + "table/" + logical(name);
        }

        String stream(String streamArn) {
            String table = streamArn.replaceAll("^.*:table/([^/]+)/stream/.*$", "$1");
            return table(table) + "/stream/" + STREAM_LABEL;
        }

        String secret(String idOrArn) {
            return prefix("secretsmanager") + "secret:" + logical(idOrArn) + SECRET_SUFFIX;
        }

        String object(String bucket, String key) {
            return "arn:aws:s3:::" + logical(bucket).toLowerCase(java.util.Locale.ROOT) + "/" + key;
        }

        /** A queue's URL names it by its last path segment; the host differs between clients. */
        String queue(String url) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            return prefix("sqs") + logical(name);
        }

        String topic(String topicArn) {
            return prefix("sns") + logical(topicArn);
        }

        String identity(String from) {
            String address = from.replaceAll("^.*<([^>]+)>.*$", "$1");
            return prefix("ses") + "identity/" + address;
        }
    }
}
