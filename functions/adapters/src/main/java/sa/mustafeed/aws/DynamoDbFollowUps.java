package sa.mustafeed.aws;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.FollowUps;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpOutcome;
import sa.mustafeed.core.recovery.FollowUpRecord;
import sa.mustafeed.core.recovery.FollowUpTally;
import sa.mustafeed.core.reference.ReferenceCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Follow-ups as employees read and record them (items in {@link FollowUpItems}). The open list is one
 * Query of {@code FOLLOWUPS}, a request's follow-ups one Query of {@code FOLLOWUP#<ref>}, a month's
 * figures one Query of {@code FOLLOWUPAGG#<month>}. No index, no scan.
 */
public final class DynamoDbFollowUps implements FollowUps {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFollowUps(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<FollowUp> open() {
        List<FollowUp> out = new ArrayList<>();
        partition("read open follow-ups", TableKeys.OPEN_FOLLOW_UPS, item -> out.add(FollowUpItems.read(item)));
        // The sort key orders by due then survey id; the port promises ties by reference.
        out.sort(Comparator.comparing(FollowUp::due)
                .thenComparing(f -> f.reference().value()));
        return out;
    }

    @Override
    public List<Entry> ofRequest(ReferenceCode reference) {
        List<Entry> out = new ArrayList<>();
        partition("read follow-ups of a request", TableKeys.followUps(reference), item -> out.add(entry(item)));
        out.sort(Comparator.comparing(e -> e.followUp().createdAt()));
        return out;
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        Optional<FollowUpRecord> record = Optional.ofNullable(item.get(FollowUpItems.OUTCOME))
                .map(outcome -> new FollowUpRecord(
                        FollowUpOutcome.fromWireName(outcome.s()).orElseThrow(),
                        item.get("note").s(),
                        item.get("byId").s(),
                        item.get("byName").s(),
                        Instant.parse(item.get("recordedAt").s()),
                        Long.parseLong(item.get("workingMinutes").n())));
        return new Entry(FollowUpItems.read(item), record);
    }

    @Override
    public Recording record(FollowUp followUp, FollowUpRecord record) {
        Map<String, AttributeValue> requestKey = FollowUpItems.requestKey(followUp);
        Map<String, AttributeValue> done = new java.util.HashMap<>(TableKeys.key(
                TableKeys.followUpCounters(FollowUpItems.month(followUp.createdAt())),
                TableKeys.FOLLOW_UP_DONE_MARK + followUp.surveyId()));
        done.put("entity", RequestItems.s("follow-up-done"));
        done.put("minutes", AttributeValue.fromN(Long.toString(record.workingMinutes())));
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .update(u -> u.tableName(tableName)
                                .key(requestKey)
                                .updateExpression("SET #outcome = :outcome, note = :note, byId = :byId,"
                                        + " byName = :byName, recordedAt = :at, workingMinutes = :minutes")
                                .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#outcome)")
                                .expressionAttributeNames(Map.of("#outcome", FollowUpItems.OUTCOME))
                                .expressionAttributeValues(Map.of(
                                        ":outcome",
                                                RequestItems.s(record.outcome().wireName()),
                                        ":note", RequestItems.s(record.note()),
                                        ":byId", RequestItems.s(record.byId()),
                                        ":byName", RequestItems.s(record.byName()),
                                        ":at", RequestItems.s(record.at().toString()),
                                        ":minutes", AttributeValue.fromN(Long.toString(record.workingMinutes())))))
                        .build(),
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(tableName).key(FollowUpItems.openKey(followUp)))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(done))
                        .build());
        try {
            DynamoDbFailures.call("record follow-up", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return Recording.RECORDED;
        } catch (TransactionCanceledException cancelled) {
            if (new CancelledTransaction(writes, cancelled).conditionFailedOn(requestKey)) {
                return Recording.ALREADY_RECORDED;
            }
            throw new StorageUnavailableException("record follow-up: transaction conflicted", cancelled);
        }
    }

    @Override
    public List<FollowUpTally> followUpTallies(YearMonth first, YearMonth last) {
        List<FollowUpTally> out = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long[] created = {0};
            boolean[] any = {false};
            List<Long> minutes = new ArrayList<>();
            partition("read follow-up counts", TableKeys.followUpCounters(month), item -> {
                any[0] = true;
                String sort = item.get(TableKeys.SK).s();
                if (sort.equals(TableKeys.FOLLOW_UPS_CREATED)) {
                    created[0] = Long.parseLong(item.get("created").n());
                } else if (sort.startsWith(TableKeys.FOLLOW_UP_DONE_MARK)) {
                    minutes.add(Long.parseLong(item.get("minutes").n()));
                }
            });
            if (any[0]) {
                out.add(new FollowUpTally(month, created[0], minutes));
            }
        }
        return out;
    }

    /** Every item of one partition, page by page; consistent, so a record just made is seen. */
    private void partition(String what, String partition, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> startKey = Map.of();
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoDbFailures.call(
                    what,
                    () -> dynamoDb.query(q -> {
                        q.tableName(tableName)
                                .consistentRead(true)
                                .keyConditionExpression("PK = :pk")
                                .expressionAttributeValues(Map.of(":pk", RequestItems.s(partition)));
                        if (!from.isEmpty()) {
                            q.exclusiveStartKey(from);
                        }
                    }));
            page.items().forEach(each);
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
        } while (!startKey.isEmpty());
    }
}
