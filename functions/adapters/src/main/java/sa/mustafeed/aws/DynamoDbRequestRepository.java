package sa.mustafeed.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.RequestWithTimeline;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.TimelineEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link RequestRepository} on one DynamoDB table (layout in {@link RequestItems}). */
public final class DynamoDbRequestRepository implements RequestRepository {
    /** DynamoDB cancels a transaction that races another on the same item; a short retry settles it. */
    private static final int CONFLICT_RETRIES = 3;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRequestRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public CreateOutcome create(
            ServiceRequest request,
            TimelineEntry firstEntry,
            Optional<IdempotencyRecord> idempotency,
            Registration registration) {
        List<TransactWriteItem> writes = new ArrayList<>(5);
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(tableName)
                        .item(RequestItems.requestItem(request, registration))
                        .conditionExpression("attribute_not_exists(PK)"))
                .build());
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(tableName).item(RequestItems.timelineItem(request.reference(), firstEntry)))
                .build());
        writes.add(ServiceCounters.received(
                tableName,
                java.time.YearMonth.from(request.submittedAt().atZone(java.time.ZoneOffset.UTC)),
                request.channel(),
                request.category()));
        registration
                .registrarId()
                .ifPresent(registrar -> writes.add(TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(RequestItems.registrationItem(registrar, request)))
                        .build()));
        idempotency.ifPresent(record -> writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(tableName)
                        .item(RequestItems.idempotencyItem(record))
                        // A stale record (past expiresAt) is replaced: TTL deletion may lag by days.
                        .conditionExpression("attribute_not_exists(PK) OR expiresAt < :now")
                        .expressionAttributeValues(Map.of(
                                ":now",
                                AttributeValue.fromN(
                                        Long.toString(request.submittedAt().toEpochMilli())))))
                .build()));

        for (int attempt = 1; ; attempt++) {
            try {
                DynamoDbFailures.call(
                        "create request", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
                return CreateOutcome.CREATED;
            } catch (TransactionCanceledException cancelled) {
                CancelledTransaction why = new CancelledTransaction(writes, cancelled);
                // The key is asked first: a retry after the answer must get the stored answer, even
                // when its reference also collided.
                if (idempotency.isPresent()
                        && why.conditionFailedOn(
                                TableKeys.idempotency(idempotency.get().key()))) {
                    return CreateOutcome.IDEMPOTENCY_KEY_TAKEN;
                }
                if (why.conditionFailedOn(TableKeys.requestItem(request.reference()))) {
                    return CreateOutcome.REFERENCE_TAKEN;
                }
                if (attempt >= CONFLICT_RETRIES) {
                    throw new StorageUnavailableException("create request: transaction kept conflicting", cancelled);
                }
                pause(attempt);
            }
        }
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read idempotency",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(TableKeys.idempotency(key))
                                .consistentRead(true)))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(RequestItems.idempotencyRecord(key, item));
    }

    @Override
    public Optional<RequestWithTimeline> findWithTimeline(ReferenceCode reference) {
        // The filter keeps staff notes, their authors and document records in DynamoDB: the public
        // lookup never receives them (they are still read, and paid for, within the partition).
        QueryResponse response = DynamoDbFailures.call(
                "read request",
                () -> dynamoDb.query(q -> q.tableName(tableName)
                        .keyConditionExpression("PK = :pk")
                        .filterExpression("#entity = :request OR (#public = :public AND attribute_exists(#status))")
                        .expressionAttributeNames(Map.of("#entity", "entity", "#public", "public", "#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                RequestItems.s(TableKeys.request(reference)),
                                ":request",
                                RequestItems.s("request"),
                                ":public",
                                AttributeValue.fromBool(true)))
                        .consistentRead(true)));
        ServiceRequest request = null;
        List<TimelineEntry> timeline = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            String sortKey = item.get(RequestItems.SK).s();
            if (sortKey.equals(RequestItems.META)) {
                request = RequestItems.request(item);
            } else if (sortKey.startsWith(RequestItems.EVENT_PREFIX) && RequestItems.isPublicStatusEntry(item)) {
                timeline.add(RequestItems.timelineEntry(item));
            }
        }
        return request == null ? Optional.empty() : Optional.of(new RequestWithTimeline(request, timeline));
    }

    @Override
    public ContactChange changeContact(ReferenceCode reference, ContactMethod to) {
        // One UpdateItem of the request item: without attribute_exists it would create a bare item
        // for an unknown reference. The version and updatedAt are left alone on purpose (the port says
        // why). A refusal returns the item as it was, which tells "no request" from "no address"
        // without a second read.
        String condition =
                to == ContactMethod.EMAIL ? "attribute_exists(PK) AND attribute_exists(email)" : "attribute_exists(PK)";
        try {
            DynamoDbFailures.call(
                    "change contact",
                    () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                            .key(TableKeys.requestItem(reference))
                            .updateExpression("SET preferredContact = :to")
                            .conditionExpression(condition)
                            .expressionAttributeValues(Map.of(":to", RequestItems.s(to.wireName())))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return ContactChange.CHANGED;
        } catch (ConditionalCheckFailedException refused) {
            return refused.hasItem() && !refused.item().isEmpty()
                    ? ContactChange.NO_EMAIL
                    : ContactChange.NO_SUCH_REQUEST;
        }
    }

    @Override
    public List<ReferenceCode> openRequestsOf(String mobileHash, Optional<String> nationalIdHash) {
        java.util.LinkedHashSet<ReferenceCode> open = new java.util.LinkedHashSet<>();
        open.addAll(openIn("GSI2", "GSI2PK", TableKeys.beneficiary(mobileHash)));
        nationalIdHash.ifPresent(hash -> open.addAll(openIn("GSI4", "GSI4PK", TableKeys.nationalId(hash))));
        return List.copyOf(open);
    }

    private List<ReferenceCode> openIn(String index, String partitionAttribute, String partition) {
        return DynamoDbFailures.call(
                        "read beneficiary requests",
                        () -> dynamoDb.query(q -> q.tableName(tableName)
                                .indexName(index)
                                .keyConditionExpression(partitionAttribute + " = :p")
                                .expressionAttributeValues(Map.of(":p", RequestItems.s(partition)))
                                .projectionExpression("#reference, #status")
                                .expressionAttributeNames(Map.of("#reference", "reference", "#status", "status"))
                                .scanIndexForward(false)
                                .limit(50)))
                .items()
                .stream()
                .filter(i -> sa.mustafeed.core.request.Status.fromWireName(
                                i.get("status").s())
                        .map(sa.mustafeed.core.request.StatusMachine::isOpen)
                        .orElse(false))
                .map(i -> new ReferenceCode(i.get("reference").s()))
                .toList();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted", e);
        }
    }
}
