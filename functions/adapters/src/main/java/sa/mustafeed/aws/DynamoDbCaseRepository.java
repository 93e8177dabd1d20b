package sa.mustafeed.aws;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.VersionConflictException;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.StatusChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link CaseRepository} on the requests table. The queue reads GSI1 (by status) or GSI3 (by month)
 * page by page; filters on category and channel narrow what those queries return.
 */
public final class DynamoDbCaseRepository implements CaseRepository {
    /** A filtered query may return few items per read; stop after this many reads and hand back a cursor. */
    private static final int MAX_READS_PER_PAGE = 30;
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCaseRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<CaseFile> find(ReferenceCode reference) {
        QueryResponse response = DynamoDbFailures.call("read case", () -> dynamoDb.query(q -> q.tableName(tableName)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", RequestItems.s(RequestItems.requestKey(reference))))
                .consistentRead(true)));
        Map<String, AttributeValue> meta = null;
        List<CaseEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            String sortKey = item.get(RequestItems.SK).s();
            if (sortKey.equals(RequestItems.META)) {
                meta = item;
            } else if (sortKey.startsWith(RequestItems.EVENT_PREFIX)) {
                events.add(RequestItems.caseEvent(item));
            }
        }
        if (meta == null) {
            return Optional.empty();
        }
        return Optional.of(new CaseFile(RequestItems.request(meta), RequestItems.clock(meta),
                RequestItems.registeredBy(meta), RequestItems.possibleDuplicates(meta), events));
    }

    @Override
    public void changeStatus(StatusChange change) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#version", "version"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", RequestItems.s(change.to().wireName()));
        values.put(":expected", AttributeValue.fromN(Long.toString(change.expectedVersion())));
        values.put(":next", AttributeValue.fromN(Long.toString(change.expectedVersion() + 1)));
        values.put(":now", RequestItems.s(change.at().toString()));
        values.put(":queue", RequestItems.s("STATUS#" + change.to().wireName()));
        values.put(":paused", AttributeValue.fromN(Long.toString(change.clockAfter().pausedMinutes())));
        StringBuilder set = new StringBuilder("SET #status = :to, #version = :next, updatedAt = :now, GSI1PK = :queue, "
                + "pausedMinutes = :paused");
        List<String> remove = new ArrayList<>();
        optionalTime(change.clockAfter().waitingSince(), "waitingSince", set, remove, values);
        optionalTime(change.clockAfter().firstActionAt(), "firstActionAt", set, remove, values);
        optionalTime(change.clockAfter().finishedAt(), "finishedAt", set, remove, values);
        String update = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));

        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(metaKey(change.reference()))
                .updateExpression(update)
                .conditionExpression("attribute_exists(PK) AND #version = :expected")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(tableName).item(RequestItems.caseEventItem(
                change.reference(), CaseEvent.status(change.at(), change.to(), Optional.of(change.by()))))).build());
        writes.add(ServiceCounters.changed(tableName, change));
        change.note().ifPresent(note -> writes.add(TransactWriteItem.builder().put(p -> p.tableName(tableName)
                .item(RequestItems.caseEventItem(change.reference(), CaseEvent.note(change.at(), note, change.by()))))
                .build()));
        try {
            DynamoDbFailures.call("change status", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
        } catch (TransactionCanceledException cancelled) {
            var reasons = cancelled.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
                throw new VersionConflictException();
            }
            throw new StorageUnavailableException("change status: transaction conflicted", cancelled);
        }
    }

    private static void optionalTime(Optional<java.time.Instant> value, String attribute, StringBuilder set,
            List<String> remove, Map<String, AttributeValue> values) {
        if (value.isPresent()) {
            set.append(", ").append(attribute).append(" = :").append(attribute);
            values.put(":" + attribute, RequestItems.s(value.get().toString()));
        } else {
            remove.add(attribute);
        }
    }

    @Override
    public void addNote(ReferenceCode reference, CaseEvent note) {
        try {
            DynamoDbFailures.call("add note", () -> dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(tableName).key(metaKey(reference))
                            .conditionExpression("attribute_exists(PK)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(RequestItems.caseEventItem(reference, note))).build())));
        } catch (TransactionCanceledException cancelled) {
            var reasons = cancelled.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
                throw new RequestNotFoundException();
            }
            throw new StorageUnavailableException("add note: transaction conflicted", cancelled);
        }
    }

    @Override
    public void addReply(ReferenceCode reference, CaseEvent reply) {
        // A new version of the request carrying the reply: the stream hands it to the notifier, whose
        // claim on MSG#<ref>#v<version> makes the send exactly-once like every other message.
        String at = reply.at().toString();
        try {
            DynamoDbFailures.call("add reply", () -> dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(tableName).key(metaKey(reference))
                            .updateExpression("SET #version = #version + :one, updatedAt = :at, lastReplyAt = :at, "
                                    + "lastReplyText = :text")
                            .conditionExpression("attribute_exists(PK)")
                            .expressionAttributeNames(Map.of("#version", "version"))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                    ":at", RequestItems.s(at), ":text", RequestItems.s(reply.text().orElseThrow()))))
                            .build(),
                    TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(RequestItems.caseEventItem(reference, reply))).build())));
        } catch (TransactionCanceledException cancelled) {
            var reasons = cancelled.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
                throw new RequestNotFoundException();
            }
            throw new StorageUnavailableException("add reply: transaction conflicted", cancelled);
        }
    }

    /** What an erased request says instead of its personal data. */
    static final String ERASED = "—";

    @Override
    public void erase(ReferenceCode reference, java.time.Instant at) {
        Map<String, AttributeValue> meta = DynamoDbFailures.call("read for erasure", () -> dynamoDb.getItem(g -> g
                .tableName(tableName).key(metaKey(reference)).consistentRead(true))).item();
        if (meta == null || meta.isEmpty()) {
            throw new RequestNotFoundException();
        }
        String oldMobileHash = meta.get("mobileHash").s();
        // A fresh random hash: the request can no longer be matched to the person, and its "no
        // messages" preference (below) makes sure nothing is ever sent to it again.
        String erasedHash = "erased-" + java.util.UUID.randomUUID();
        DynamoDbFailures.call("erase request", () -> dynamoDb.updateItem(u -> u.tableName(tableName).key(metaKey(reference))
                .updateExpression("SET #name = :erased, mobile = :erasedMobile, description = :erased, city = :erased, "
                        + "mobileHash = :hash, erasedAt = :at REMOVE lastReplyText, email, nationalIdHash, nationalIdLast4, onBehalfName, "
                        + "onBehalfRelationship, GSI2PK, GSI2SK, GSI4PK, GSI4SK")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":erased", RequestItems.s(ERASED),
                        ":erasedMobile", RequestItems.s("erased"),
                        ":hash", RequestItems.s(erasedHash), ":at", RequestItems.s(at.toString())))));
        new DynamoDbContactPreferences(dynamoDb, tableName).stopMessages(erasedHash);
        for (Map<String, AttributeValue> item : DynamoDbFailures.call("read notes", () -> dynamoDb.query(q -> q
                .tableName(tableName).keyConditionExpression("PK = :pk AND begins_with(SK, :evt)")
                .expressionAttributeValues(Map.of(":pk", RequestItems.s(RequestItems.requestKey(reference)),
                        ":evt", RequestItems.s(RequestItems.EVENT_PREFIX))))).items()) {
            if (item.containsKey("text")) {
                DynamoDbFailures.call("erase note", () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(Map.of(RequestItems.PK, item.get(RequestItems.PK), RequestItems.SK, item.get(RequestItems.SK)))
                        .updateExpression("SET #text = :erased")
                        .expressionAttributeNames(Map.of("#text", "text"))
                        .expressionAttributeValues(Map.of(":erased", RequestItems.s(ERASED)))));
            }
        }
        for (String prefix : List.of("PREF#", "SURVEYPREF#")) {
            String sk = prefix.equals("PREF#") ? "CONTACT" : "COOLDOWN";
            DynamoDbFailures.call("erase preference", () -> dynamoDb.deleteItem(d -> d.tableName(tableName).key(Map.of(
                    RequestItems.PK, RequestItems.s(prefix + oldMobileHash), RequestItems.SK, RequestItems.s(sk)))));
        }
    }

    @Override
    public QueuePage queue(QueueQuery query) {
        Cursor cursor = query.cursor().map(Cursor::decode).orElse(Cursor.START);
        List<String> partitions = partitions(query);
        int partitionIndex = cursor.partition().isEmpty() ? 0 : partitions.indexOf(cursor.partition());
        if (partitionIndex < 0) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
        List<CaseSummary> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = cursor.lastKey();
        int reads = 0;
        while (partitionIndex < partitions.size() && items.size() < query.pageSize() && reads < MAX_READS_PER_PAGE) {
            String partition = partitions.get(partitionIndex);
            QueryRequest request = queueRequest(query, partition, startKey.isEmpty() ? null : startKey,
                    query.pageSize() - items.size());
            QueryResponse page = DynamoDbFailures.call("read queue", () -> dynamoDb.query(request));
            reads++;
            for (Map<String, AttributeValue> item : page.items()) {
                items.add(new CaseSummary(RequestItems.request(item), RequestItems.clock(item),
                        RequestItems.possibleDuplicates(item)));
            }
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                startKey = page.lastEvaluatedKey();
                if (items.size() >= query.pageSize() || reads >= MAX_READS_PER_PAGE) {
                    return new QueuePage(items, Optional.of(new Cursor(partition, startKey).encode()));
                }
            } else {
                startKey = Map.of();
                partitionIndex++;
            }
        }
        if (partitionIndex < partitions.size()) {
            return new QueuePage(items, Optional.of(new Cursor(partitions.get(partitionIndex), startKey).encode()));
        }
        return new QueuePage(items, Optional.empty());
    }

    /** The index partitions to read, in the order the page walks them. */
    private static List<String> partitions(QueueQuery query) {
        if (query.status().isPresent()) {
            return List.of("STATUS#" + query.status().get().wireName());
        }
        List<String> months = new ArrayList<>();
        YearMonth first = YearMonth.from(query.from());
        YearMonth last = YearMonth.from(query.to());
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add("MONTH#" + m);
        }
        if (query.newestFirst()) {
            java.util.Collections.reverse(months);
        }
        return months;
    }

    private QueryRequest queueRequest(QueueQuery query, String partition, Map<String, AttributeValue> startKey,
            int limit) {
        boolean byStatus = partition.startsWith("STATUS#");
        String index = byStatus ? "GSI1" : "GSI3";
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":p", RequestItems.s(partition));
        values.put(":from", RequestItems.s(query.from().toString()));
        values.put(":to", RequestItems.s(query.to().plusDays(1).toString()));
        List<String> filters = new ArrayList<>();
        query.category().ifPresent(c -> {
            filters.add("category = :category");
            values.put(":category", RequestItems.s(c.wireName()));
        });
        query.channel().ifPresent(c -> {
            filters.add("channel = :channel");
            values.put(":channel", RequestItems.s(c.wireName()));
        });
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(index)
                .keyConditionExpression(index + "PK = :p AND " + index + "SK BETWEEN :from AND :to")
                .expressionAttributeValues(values)
                .scanIndexForward(!query.newestFirst())
                .limit(Math.max(1, limit));
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request.build();
    }

    @Override
    public List<ReferenceCode> byMobileHash(String mobileHash) {
        return references("GSI2", "GSI2PK", "BEN#" + mobileHash);
    }

    @Override
    public List<ReferenceCode> byNationalIdHash(String nationalIdHash) {
        return references("GSI4", "GSI4PK", "NID#" + nationalIdHash);
    }

    private List<ReferenceCode> references(String index, String attribute, String partition) {
        return DynamoDbFailures.call("search", () -> dynamoDb.query(q -> q.tableName(tableName).indexName(index)
                .keyConditionExpression(attribute + " = :p")
                .expressionAttributeValues(Map.of(":p", RequestItems.s(partition)))
                .projectionExpression("#reference")
                .expressionAttributeNames(Map.of("#reference", "reference"))
                .scanIndexForward(false)
                .limit(50))).items().stream().map(i -> new ReferenceCode(i.get("reference").s())).toList();
    }

    private static Map<String, AttributeValue> metaKey(ReferenceCode reference) {
        return Map.of(RequestItems.PK, RequestItems.s(RequestItems.requestKey(reference)),
                RequestItems.SK, RequestItems.s(RequestItems.META));
    }

    /** Where a page stopped: the index partition and the last key read in it, as an opaque string. */
    record Cursor(String partition, Map<String, AttributeValue> lastKey) {
        static final Cursor START = new Cursor("", Map.of());
        private static final char SEPARATOR = '\u001F';

        String encode() {
            StringBuilder text = new StringBuilder(partition);
            lastKey.forEach((name, value) -> text.append(SEPARATOR).append(name).append('=').append(value.s()));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String encoded) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                String[] parts = text.split(String.valueOf(SEPARATOR));
                Map<String, AttributeValue> key = new HashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("bad key part");
                    }
                    key.put(parts[i].substring(0, eq), AttributeValue.fromS(parts[i].substring(eq + 1)));
                }
                if (!parts[0].startsWith("STATUS#") && !parts[0].startsWith("MONTH#")) {
                    throw new IllegalArgumentException("bad partition");
                }
                return new Cursor(parts[0], key);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
            }
        }
    }
}
