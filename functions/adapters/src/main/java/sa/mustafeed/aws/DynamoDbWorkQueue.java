package sa.mustafeed.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.WorkQueue;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.staff.Assignee;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueueCounts;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueView;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link WorkQueue} on the requests table. GSI5 holds the open requests only (a sparse index: a
 * request leaves it when it is finished), in one partition sorted by due time, so every view is a
 * Query of it: "all open" reads just the page; "mine", "unassigned" and a status are filters on
 * that Query (they read open requests only, never the table). Counts are one Query of the same
 * partition asking for status and owner only, page by page: bounded by the open work, not by the
 * years of requests. The staff directory is one partition ({@code STAFFDIR}).
 */
public final class DynamoDbWorkQueue implements WorkQueue {
    static final String INDEX = "GSI5";
    /** A filtered view may find few rows per read; stop after this many and hand back a cursor. */
    private static final int MAX_READS_PER_PAGE = 20;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbWorkQueue(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public QueuePage page(QueueView view, String me, Optional<Status> status, Optional<String> cursor, int pageSize) {
        Map<String, AttributeValue> startKey = cursor.map(QueueCursor::decode)
                .map(c -> {
                    if (!TableKeys.OPEN_QUEUE.equals(c.partition())) {
                        throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
                    }
                    return c.lastKey();
                })
                .orElse(Map.of());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", RequestItems.s(TableKeys.OPEN_QUEUE));
        List<String> filters = new ArrayList<>();
        switch (view) {
            case MINE -> {
                filters.add("#assignee = :me");
                names.put("#assignee", RequestItems.ASSIGNEE);
                values.put(":me", RequestItems.s(me));
            }
            case UNASSIGNED -> {
                filters.add("attribute_not_exists(#assignee)");
                names.put("#assignee", RequestItems.ASSIGNEE);
            }
            case ESCALATED -> {
                // Open complaints without an outcome; which of them are past respond-by is the
                // domain's reading of the calendar (a handful of rows, read due first).
                filters.add("#category = :complaint AND attribute_not_exists(#outcomeAt)");
                names.put("#category", "category");
                names.put("#outcomeAt", DynamoDbComplaints.OUTCOME_AT);
                values.put(":complaint", RequestItems.s(sa.mustafeed.core.request.Category.COMPLAINT.wireName()));
            }
            case OPEN -> {}
        }
        status.ifPresent(s -> {
            filters.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", RequestItems.s(s.wireName()));
        });
        List<CaseSummary> items = new ArrayList<>();
        for (int reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(INDEX)
                    .keyConditionExpression("GSI5PK = :open")
                    .expressionAttributeValues(values)
                    .scanIndexForward(true)
                    .limit(Math.max(1, pageSize - items.size()));
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
            }
            if (!startKey.isEmpty()) {
                request.exclusiveStartKey(startKey);
            }
            QueryRequest built = request.build();
            QueryResponse page = DynamoDbFailures.call("read work queue", () -> dynamoDb.query(built));
            page.items().forEach(item -> items.add(RequestItems.summary(item)));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new QueuePage(items, Optional.empty());
            }
            startKey = page.lastEvaluatedKey();
            if (items.size() >= pageSize) {
                break;
            }
        }
        return new QueuePage(items, Optional.of(new QueueCursor(TableKeys.OPEN_QUEUE, startKey).encode()));
    }

    @Override
    public QueueCounts counts(String me) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        long open = 0;
        long mine = 0;
        long unassigned = 0;
        Map<String, AttributeValue> startKey = Map.of();
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoDbFailures.call(
                    "count work queue",
                    () -> dynamoDb.query(q -> {
                        q.tableName(tableName)
                                .indexName(INDEX)
                                .keyConditionExpression("GSI5PK = :open")
                                .expressionAttributeValues(Map.of(":open", RequestItems.s(TableKeys.OPEN_QUEUE)))
                                .projectionExpression("#status, #assignee")
                                .expressionAttributeNames(
                                        Map.of("#status", "status", "#assignee", RequestItems.ASSIGNEE));
                        if (!from.isEmpty()) {
                            q.exclusiveStartKey(from);
                        }
                    }));
            for (Map<String, AttributeValue> item : page.items()) {
                open++;
                Optional<Status> status = Optional.ofNullable(item.get("status"))
                        .map(AttributeValue::s)
                        .flatMap(Status::fromWireName);
                status.ifPresent(s -> byStatus.merge(s, 1L, Long::sum));
                AttributeValue owner = item.get(RequestItems.ASSIGNEE);
                if (owner == null) {
                    unassigned++;
                } else if (me.equals(owner.s())) {
                    mine++;
                }
            }
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
        } while (!startKey.isEmpty());
        return new QueueCounts(open, mine, unassigned, byStatus);
    }

    @Override
    public void assign(ReferenceCode reference, Optional<Assignee> to, CaseEvent entry) {
        Map<String, AttributeValue> key = TableKeys.requestItem(reference);
        TransactWriteItem owner = TransactWriteItem.builder()
                .update(u -> {
                    u.tableName(tableName)
                            .key(key)
                            .conditionExpression("attribute_exists(PK)")
                            .expressionAttributeNames(
                                    Map.of("#assignee", RequestItems.ASSIGNEE, "#name", RequestItems.ASSIGNEE_NAME));
                    if (to.isPresent()) {
                        u.updateExpression("SET #assignee = :id, #name = :name")
                                .expressionAttributeValues(Map.of(
                                        ":id", RequestItems.s(to.get().id()),
                                        ":name", RequestItems.s(to.get().name())));
                    } else {
                        u.updateExpression("REMOVE #assignee, #name");
                    }
                })
                .build();
        List<TransactWriteItem> writes = List.of(
                owner,
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(RequestItems.caseEventItem(reference, entry)))
                        .build());
        try {
            DynamoDbFailures.call("assign", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
        } catch (TransactionCanceledException cancelled) {
            if (new CancelledTransaction(writes, cancelled).conditionFailedOn(key)) {
                throw new RequestNotFoundException();
            }
            throw new StorageUnavailableException("assign: transaction conflicted", cancelled);
        }
    }

    @Override
    public void clearMarks(ReferenceCode reference) {
        try {
            DynamoDbFailures.call(
                    "clear marks",
                    () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                            .key(TableKeys.requestItem(reference))
                            .updateExpression("REMOVE #replied, #document")
                            .conditionExpression("attribute_exists(#replied) OR attribute_exists(#document)")
                            .expressionAttributeNames(Map.of(
                                    "#replied", RequestItems.REPLIED_MARK, "#document", RequestItems.DOCUMENT_MARK))));
        } catch (ConditionalCheckFailedException nothingToClear) {
            // the usual case: no mark, nothing written
        }
    }

    @Override
    public void remember(Assignee staff, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.key(TableKeys.STAFF_DIRECTORY, staff.id()));
        item.put("entity", RequestItems.s("staff"));
        item.put("name", RequestItems.s(staff.name()));
        item.put("lastSeenAt", RequestItems.s(at.toString()));
        DynamoDbFailures.call(
                "remember staff",
                () -> dynamoDb.putItem(p -> p.tableName(tableName).item(item)));
    }

    @Override
    public List<Assignee> colleagues() {
        List<Assignee> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = Map.of();
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoDbFailures.call(
                    "read staff directory",
                    () -> dynamoDb.query(q -> {
                        q.tableName(tableName)
                                .keyConditionExpression("PK = :dir")
                                .expressionAttributeValues(Map.of(":dir", RequestItems.s(TableKeys.STAFF_DIRECTORY)));
                        if (!from.isEmpty()) {
                            q.exclusiveStartKey(from);
                        }
                    }));
            page.items().forEach(item -> out.add(staff(item)));
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
        } while (!startKey.isEmpty());
        out.sort(java.util.Comparator.comparing(Assignee::name));
        return out;
    }

    @Override
    public Optional<Assignee> colleague(String id) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read staff member",
                        () -> dynamoDb.getItem(
                                g -> g.tableName(tableName).key(TableKeys.key(TableKeys.STAFF_DIRECTORY, id))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(staff(item));
    }

    private static Assignee staff(Map<String, AttributeValue> item) {
        return new Assignee(item.get(TableKeys.SK).s(), item.get("name").s());
    }
}
