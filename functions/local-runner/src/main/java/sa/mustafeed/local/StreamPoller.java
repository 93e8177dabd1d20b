package sa.mustafeed.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.SamTemplate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plays Lambda's event source mapping for a DynamoDB stream: reads the emulator's stream through the
 * real {@code dynamodbstreams} API, keeps the records the filter patterns match, invokes the handler
 * with the event Lambda would send, honours partial batch responses by retrying from the first
 * reported record, and after the retries sends the batch's coordinates to the on-failure queue.
 */
final class StreamPoller implements Runnable {
    private static final long IDLE_PAUSE_MILLIS = 200;
    /** GetRecords' own maximum. */
    private static final int MAX_RECORDS_PER_READ = 1000;

    private final String functionName;
    private final RequestStreamHandler handler;
    private final SamTemplate.StreamSource source;
    private final String streamArn;
    private final String region;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final Optional<String> onFailureQueueUrl;
    private final List<Map<String, Object>> patterns = new ArrayList<>();
    private final Map<String, String> iterators = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean held;
    private volatile boolean skipBacklog;
    /** This round's new iterators start at the newest record (the round after a skip). */
    private boolean fromNewest;

    StreamPoller(
            String functionName,
            RequestStreamHandler handler,
            SamTemplate.StreamSource source,
            String streamArn,
            String region,
            DynamoDbStreamsClient streams,
            SqsClient sqs,
            Optional<String> onFailureQueueUrl)
            throws java.io.IOException {
        this.functionName = functionName;
        this.handler = handler;
        this.source = source;
        this.streamArn = streamArn;
        this.region = region;
        this.streams = streams;
        this.sqs = sqs;
        this.onFailureQueueUrl = onFailureQueueUrl;
        for (String pattern : source.filterPatterns()) {
            patterns.add(Json.readObject(pattern.getBytes(StandardCharsets.UTF_8)));
        }
    }

    void stop() {
        running = false;
    }

    /** Hands nothing over until {@link #resumeFromNewest}: a history is being loaded. */
    void hold() {
        held = true;
    }

    /**
     * Goes on from the stream's newest record: what was written while held is years of history
     * whose messages went out long ago (./bench --scale), not today's work to notify.
     */
    void resumeFromNewest() {
        skipBacklog = true;
        held = false;
    }

    @Override
    public void run() {
        AwsCallLog.actFor(functionName); // Lambda reads the stream with the function's role
        while (running) {
            try {
                if (held) {
                    Thread.sleep(IDLE_PAUSE_MILLIS);
                    continue;
                }
                // Read after held: resumeFromNewest sets this first, so a resumed poller sees it.
                if (skipBacklog) {
                    skipBacklog = false;
                    iterators.clear();
                    fromNewest = true;
                }
                boolean handled = pollOnce();
                fromNewest = false;
                if (!handled) {
                    Thread.sleep(IDLE_PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The emulator restarting or briefly gone: Lambda's poller waits and tries again too.
                System.err.println("stream poller for " + functionName + ": "
                        + e.getClass().getSimpleName() + " (retrying)");
                iterators.clear();
                sleepQuietly(1000);
            }
        }
    }

    /** One round over every shard; true when some records were handled. */
    boolean pollOnce() throws InterruptedException {
        boolean any = false;
        for (Shard shard : streams.describeStream(d -> d.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            String iterator = iterators.computeIfAbsent(
                    shard.shardId(),
                    id -> streams.getShardIterator(g -> g.streamArn(streamArn)
                                    .shardId(id)
                                    .shardIteratorType(
                                            fromNewest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON))
                            .shardIterator());
            if (iterator == null) {
                continue;
            }
            // Lambda filters before it batches: read a full page, keep the matching records, and hand
            // them over BatchSize at a time (a page of BatchSize would hold mostly filtered-out writes).
            var response = streams.getRecords(g -> g.shardIterator(iterator).limit(MAX_RECORDS_PER_READ));
            iterators.put(shard.shardId(), response.nextShardIterator());
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Record record : response.records()) {
                Map<String, Object> event = lambdaRecord(record);
                if (matchesAnyPattern(event)) {
                    matching.add(event);
                }
            }
            for (int from = 0; from < matching.size(); from += source.batchSize()) {
                deliver(shard.shardId(), matching.subList(from, Math.min(matching.size(), from + source.batchSize())));
                any = true;
            }
        }
        return any;
    }

    private void deliver(String shardId, List<Map<String, Object>> batch) throws InterruptedException {
        List<Map<String, Object>> remaining = batch;
        int retries = 0;
        while (true) {
            Optional<String> failedSequence = invoke(remaining);
            if (failedSequence.isEmpty()) {
                return;
            }
            int from = 0;
            for (int i = 0; i < remaining.size(); i++) {
                if (sequenceOf(remaining.get(i)).equals(failedSequence.get())) {
                    from = i;
                }
            }
            remaining = remaining.subList(from, remaining.size());
            if (source.maximumRetryAttempts() >= 0 && retries >= source.maximumRetryAttempts()) {
                sendToOnFailureQueue(shardId, remaining);
                return;
            }
            retries++;
            Thread.sleep(Math.min(5_000, 200L << Math.min(retries, 5)));
        }
    }

    /** Empty when the whole batch succeeded; else the sequence number to resume from. */
    private Optional<String> invoke(List<Map<String, Object>> records) {
        Map<String, Object> event = Map.of("Records", records);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                    out,
                    new LocalContext(functionName, UUID.randomUUID().toString(), 30_000));
        } catch (Exception | Error crashed) {
            // A function error fails the whole batch, as in Lambda.
            System.err.println(functionName + " failed: " + crashed);
            return Optional.of(sequenceOf(records.getFirst()));
        }
        if (!source.reportsBatchItemFailures() || out.size() == 0) {
            return Optional.empty();
        }
        try {
            Map<String, Object> response = Json.readObject(out.toByteArray());
            List<?> failures = (List<?>) response.getOrDefault("batchItemFailures", List.of());
            return failures.stream()
                    .map(f -> String.valueOf(((Map<?, ?>) f).get("itemIdentifier")))
                    .min(java.util.Comparator.comparing(java.math.BigInteger::new));
        } catch (java.io.IOException unreadable) {
            return Optional.of(sequenceOf(records.getFirst()));
        }
    }

    /** The record of an invocation failure Lambda sends on-failure destinations (shard and sequence range). */
    private void sendToOnFailureQueue(String shardId, List<Map<String, Object>> records) {
        if (onFailureQueueUrl.isEmpty()) {
            return;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("shardId", shardId);
        info.put("startSequenceNumber", sequenceOf(records.getFirst()));
        info.put("endSequenceNumber", sequenceOf(records.getLast()));
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "requestContext",
                Map.of(
                        "functionArn",
                        "arn:aws:lambda:" + region + ":123456789012:function:" + functionName,
                        "condition",
                        "RetryAttemptsExhausted"));
        body.put("timestamp", Instant.now().toString());
        body.put("DDBStreamBatchInfo", info);
        sqs.sendMessage(s -> s.queueUrl(onFailureQueueUrl.get()).messageBody(Json.write(body)));
    }

    private Map<String, Object> lambdaRecord(Record record) {
        var change = record.dynamodb();
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put(
                    "ApproximateCreationDateTime",
                    change.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.put("Keys", typed(change.keys()));
        if (change.hasNewImage()) {
            dynamodb.put("NewImage", typed(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.put("OldImage", typed(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        dynamodb.put("SizeBytes", change.sizeBytes());
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventID", record.eventID());
        event.put("eventName", record.eventNameAsString());
        event.put("eventVersion", "1.1");
        event.put("eventSource", "aws:dynamodb");
        event.put("awsRegion", region);
        event.put("dynamodb", dynamodb);
        event.put("eventSourceARN", streamArn);
        return event;
    }

    private static Map<String, Object> typed(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, typed(value)));
        return out;
    }

    private static Object typed(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case SS -> Map.of("SS", value.ss());
            case NS -> Map.of("NS", value.ns());
            case B ->
                Map.of(
                        "B",
                        java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case M -> Map.of("M", typed(value.m()));
            case L -> Map.of("L", value.l().stream().map(StreamPoller::typed).toList());
            default -> Map.of("NULL", true);
        };
    }

    /** Lambda's event filtering, for the pattern forms the template uses: nested objects, lists of allowed values. */
    private boolean matchesAnyPattern(Map<String, Object> event) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, event));
    }

    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> pattern, Map<String, Object> value) {
        for (Map.Entry<String, Object> rule : pattern.entrySet()) {
            Object actual = value == null ? null : value.get(rule.getKey());
            if (rule.getValue() instanceof Map<?, ?> nested) {
                if (!(actual instanceof Map<?, ?>)
                        || !matches((Map<String, Object>) nested, (Map<String, Object>) actual)) {
                    return false;
                }
            } else if (rule.getValue() instanceof List<?> allowed) {
                if (!allowed.contains(actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String sequenceOf(Map<String, Object> record) {
        return String.valueOf(((Map<?, ?>) record.get("dynamodb")).get("SequenceNumber"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
