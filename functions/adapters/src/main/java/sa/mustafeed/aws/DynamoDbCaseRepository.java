package sa.mustafeed.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.errors.VersionConflictException;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSearch;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.StatusChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link CaseRepository} on the requests table: a request's file and its changes here; the queue
 * ({@link DynamoDbCaseQueue}), search ({@link DynamoDbCaseSearch}) and PDPL erasure
 * ({@link DynamoDbErasure}) in rooms of their own.
 */
public final class DynamoDbCaseRepository implements CaseRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbCaseQueue queue;
    private final DynamoDbCaseSearch search;
    private final DynamoDbErasure erasure;
    private final DynamoDbRegistrations registrations;

    public DynamoDbCaseRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.queue = new DynamoDbCaseQueue(dynamoDb, tableName);
        this.search = new DynamoDbCaseSearch(dynamoDb, tableName);
        this.erasure = new DynamoDbErasure(dynamoDb, tableName);
        this.registrations = new DynamoDbRegistrations(dynamoDb, tableName);
    }

    @Override
    public Optional<CaseFile> find(ReferenceCode reference) {
        QueryResponse response = DynamoDbFailures.call(
                "read case",
                () -> dynamoDb.query(q -> q.tableName(tableName)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", RequestItems.s(TableKeys.request(reference))))
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
        return Optional.of(new CaseFile(
                        RequestItems.request(meta),
                        RequestItems.clock(meta),
                        RequestItems.registeredBy(meta),
                        RequestItems.possibleDuplicates(meta),
                        events,
                        RequestItems.notReached(meta))
                .withAssignee(RequestItems.assignee(meta)));
    }

    @Override
    public void changeStatus(StatusChange change) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#version", "version"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", RequestItems.s(change.to().wireName()));
        values.put(":expected", AttributeValue.fromN(Long.toString(change.expectedVersion())));
        values.put(":next", AttributeValue.fromN(Long.toString(change.expectedVersion() + 1)));
        values.put(":now", RequestItems.s(change.at().toString()));
        values.put(":queue", RequestItems.s(TableKeys.statusQueue(change.to())));
        values.put(
                ":paused",
                AttributeValue.fromN(Long.toString(change.clockAfter().pausedMinutes())));
        StringBuilder set = new StringBuilder(
                "SET #status = :to, #version = :next, updatedAt = :now, GSI1PK = :queue, " + "pausedMinutes = :paused");
        List<String> remove = new ArrayList<>();
        // The work queue (GSI5): an open request moves to its new due time (a wait sorts after the
        // running ones, at the time it will be due once it resumes); a finished one leaves it.
        if (!sa.mustafeed.core.request.StatusMachine.isOpen(change.to())) {
            remove.add("GSI5PK");
            remove.add("GSI5SK");
        } else if (change.dueAt().isPresent()) {
            set.append(", GSI5PK = :open, GSI5SK = :due");
            values.put(":open", RequestItems.s(TableKeys.OPEN_QUEUE));
            values.put(
                    ":due",
                    RequestItems.s(TableKeys.openQueueSort(
                            change.dueAt().get(),
                            change.to() == sa.mustafeed.core.request.Status.WAITING_FOR_BENEFICIARY,
                            change.reference())));
        }
        optionalTime(change.clockAfter().waitingSince(), "waitingSince", set, remove, values);
        optionalTime(change.clockAfter().firstActionAt(), "firstActionAt", set, remove, values);
        optionalTime(change.clockAfter().finishedAt(), "finishedAt", set, remove, values);
        String update = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));

        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .update(u -> u.tableName(tableName)
                        .key(metaKey(change.reference()))
                        .updateExpression(update)
                        .conditionExpression("attribute_exists(PK) AND #version = :expected")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .build());
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(tableName)
                        .item(RequestItems.caseEventItem(
                                change.reference(),
                                CaseEvent.status(change.at(), change.to(), Optional.of(change.by())))))
                .build());
        writes.add(ServiceCounters.changed(tableName, change));
        change.note()
                .ifPresent(note -> writes.add(TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName)
                                .item(RequestItems.caseEventItem(
                                        change.reference(), CaseEvent.note(change.at(), note, change.by()))))
                        .build()));
        try {
            DynamoDbFailures.call("change status", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
        } catch (TransactionCanceledException cancelled) {
            if (new CancelledTransaction(writes, cancelled).conditionFailedOn(metaKey(change.reference()))) {
                throw new VersionConflictException();
            }
            throw new StorageUnavailableException("change status: transaction conflicted", cancelled);
        }
    }

    private static void optionalTime(
            Optional<java.time.Instant> value,
            String attribute,
            StringBuilder set,
            List<String> remove,
            Map<String, AttributeValue> values) {
        if (value.isPresent()) {
            set.append(", ").append(attribute).append(" = :").append(attribute);
            values.put(":" + attribute, RequestItems.s(value.get().toString()));
        } else {
            remove.add(attribute);
        }
    }

    @Override
    public void addNote(ReferenceCode reference, CaseEvent note) {
        List<TransactWriteItem> writes = List.of(
                requestExistsAndMarked(tableName, reference, note),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(RequestItems.caseEventItem(reference, note)))
                        .build());
        try {
            DynamoDbFailures.call("add note", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
        } catch (TransactionCanceledException cancelled) {
            if (new CancelledTransaction(writes, cancelled).conditionFailedOn(metaKey(reference))) {
                throw new RequestNotFoundException();
            }
            throw new StorageUnavailableException("add note: transaction conflicted", cancelled);
        }
    }

    /**
     * The transaction's write on the request item when an entry joins its timeline: the request must
     * exist, and what the beneficiary sends marks it for staff (the queue row says so until someone
     * opens it). The mark is the only attribute this writes.
     */
    static TransactWriteItem requestExistsAndMarked(String tableName, ReferenceCode reference, CaseEvent entry) {
        Optional<String> mark = fromBeneficiary(entry);
        if (mark.isEmpty()) {
            return TransactWriteItem.builder()
                    .conditionCheck(c ->
                            c.tableName(tableName).key(metaKey(reference)).conditionExpression("attribute_exists(PK)"))
                    .build();
        }
        return TransactWriteItem.builder()
                .update(u -> u.tableName(tableName)
                        .key(metaKey(reference))
                        .updateExpression("SET " + mark.get() + " = :at")
                        .conditionExpression("attribute_exists(PK)")
                        .expressionAttributeValues(
                                Map.of(":at", RequestItems.s(entry.at().toString()))))
                .build();
    }

    /** The mark a beneficiary's message or document leaves on the request item, if this entry is one. */
    static Optional<String> fromBeneficiary(CaseEvent entry) {
        if (!entry.by().filter(CaseEvent.BENEFICIARY::equals).isPresent()) {
            return Optional.empty();
        }
        return switch (entry.kind()) {
            case MESSAGE -> Optional.of(RequestItems.REPLIED_MARK);
            case DOCUMENT -> Optional.of(RequestItems.DOCUMENT_MARK);
            default -> Optional.empty();
        };
    }

    @Override
    public void addReply(ReferenceCode reference, CaseEvent reply) {
        // A new version of the request carrying the reply: the stream hands it to the notifier, whose
        // claim on MSG#<ref>#v<version> makes the send exactly-once like every other message.
        String at = reply.at().toString();
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .update(u -> u.tableName(tableName)
                                .key(metaKey(reference))
                                .updateExpression("SET #version = #version + :one, updatedAt = :at, lastReplyAt = :at, "
                                        + "lastReplyText = :text")
                                .conditionExpression("attribute_exists(PK)")
                                .expressionAttributeNames(Map.of("#version", "version"))
                                .expressionAttributeValues(Map.of(
                                        ":one",
                                        AttributeValue.fromN("1"),
                                        ":at",
                                        RequestItems.s(at),
                                        ":text",
                                        RequestItems.s(reply.text().orElseThrow()))))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(RequestItems.caseEventItem(reference, reply)))
                        .build());
        try {
            DynamoDbFailures.call("add reply", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
        } catch (TransactionCanceledException cancelled) {
            if (new CancelledTransaction(writes, cancelled).conditionFailedOn(metaKey(reference))) {
                throw new RequestNotFoundException();
            }
            throw new StorageUnavailableException("add reply: transaction conflicted", cancelled);
        }
    }

    @Override
    public void erase(ReferenceCode reference, java.time.Instant at) {
        erasure.erase(reference, at);
    }

    @Override
    public QueuePage queue(QueueQuery query) {
        return queue.page(query);
    }

    @Override
    public List<CaseSummary> allMatching(QueueQuery query, int atLeast) {
        return queue.all(query, atLeast);
    }

    @Override
    public QueuePage registeredBy(String registrarId, Optional<String> cursor, int pageSize) {
        return registrations.page(registrarId, cursor, pageSize);
    }

    @Override
    public QueuePage search(CaseSearch search) {
        return this.search.search(search);
    }

    @Override
    public List<ReferenceCode> byMobileHash(String mobileHash) {
        return search.references("GSI2", TableKeys.beneficiary(mobileHash));
    }

    @Override
    public List<ReferenceCode> byNationalIdHash(String nationalIdHash) {
        return search.references("GSI4", TableKeys.nationalId(nationalIdHash));
    }

    private static Map<String, AttributeValue> metaKey(ReferenceCode reference) {
        return TableKeys.requestItem(reference);
    }
}
