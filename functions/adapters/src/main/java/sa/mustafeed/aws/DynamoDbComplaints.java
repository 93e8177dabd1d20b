package sa.mustafeed.aws;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.complaints.ComplaintHandling;
import sa.mustafeed.core.complaints.ComplaintOutcome;
import sa.mustafeed.core.complaints.ComplaintTally;
import sa.mustafeed.core.complaints.HandlingAnswer;
import sa.mustafeed.core.complaints.HandlingRating;
import sa.mustafeed.core.complaints.OutcomeResult;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.Complaints;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.staff.CaseEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link Complaints} on the requests table. The outcome and the rating are attributes of the request
 * item ({@code outcome*}, {@code rating*}): the lookup's one Query of the request's partition already
 * reads it, a condition on the same item makes each once-only, and {@code outcomeAt} is the clock's
 * {@code respondedAt} that the queue rows carry. Read here by a Query of that one item (the lookup
 * function may Query, not GetItem, the table). Counters go on the service counter shards of the
 * complaint's month, channel and category ({@link ServiceCounters#complaint}).
 */
public final class DynamoDbComplaints implements Complaints {
    static final String OUTCOME_AT = "outcomeAt";
    static final String RATING_AT = "ratingAt";
    private static final String PROJECTION = "outcomeAt, outcomeResult, outcomeAction, outcomeById, "
            + "outcomeByName, outcomeOnTime, ratingAt, ratingAnswer, ratingComment";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbComplaints(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public ComplaintHandling handling(ReferenceCode reference) {
        return read(reference).map(DynamoDbComplaints::handling).orElse(ComplaintHandling.NONE);
    }

    private Optional<Map<String, AttributeValue>> read(ReferenceCode reference) {
        QueryResponse response = DynamoDbFailures.call(
                "read complaint",
                () -> dynamoDb.query(q -> q.tableName(tableName)
                        .keyConditionExpression("PK = :pk AND SK = :meta")
                        .expressionAttributeValues(Map.of(
                                ":pk", RequestItems.s(TableKeys.request(reference)),
                                ":meta", RequestItems.s(RequestItems.META)))
                        .projectionExpression(PROJECTION + ", PK")
                        .consistentRead(true)));
        return response.items().stream().findFirst();
    }

    static ComplaintHandling handling(Map<String, AttributeValue> item) {
        Optional<ComplaintOutcome> outcome = s(item, OUTCOME_AT)
                .map(at -> new ComplaintOutcome(
                        OutcomeResult.fromWireName(s(item, "outcomeResult").orElse(""))
                                .orElse(OutcomeResult.NOT_UPHELD),
                        s(item, "outcomeAction").orElse(""),
                        Instant.parse(at),
                        s(item, "outcomeById").orElse(""),
                        s(item, "outcomeByName").orElse(""),
                        item.containsKey("outcomeOnTime")
                                && Boolean.TRUE.equals(item.get("outcomeOnTime").bool())));
        Optional<HandlingRating> rating = s(item, RATING_AT)
                .flatMap(at -> HandlingAnswer.fromWireName(
                                s(item, "ratingAnswer").orElse(""))
                        .map(answer -> new HandlingRating(answer, s(item, "ratingComment"), Instant.parse(at))));
        return new ComplaintHandling(outcome, rating);
    }

    @Override
    public Recording recordOutcome(ServiceRequest complaint, ComplaintOutcome outcome, CaseEvent reply) {
        ReferenceCode reference = complaint.reference();
        Map<String, AttributeValue> key = TableKeys.requestItem(reference);
        String at = outcome.at().toString();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":at", RequestItems.s(at));
        values.put(":text", RequestItems.s(reply.text().orElseThrow()));
        values.put(":result", RequestItems.s(outcome.result().wireName()));
        values.put(":action", RequestItems.s(outcome.actionTaken()));
        values.put(":byId", RequestItems.s(outcome.byId()));
        values.put(":byName", RequestItems.s(outcome.byName()));
        values.put(":onTime", AttributeValue.fromBool(outcome.onTime()));
        // As a reply (DynamoDbCaseRepository#addReply): a new version carrying the text, so the
        // stream's notifier sends it exactly once; the outcome rides on the same update, once only.
        TransactWriteItem request = TransactWriteItem.builder()
                .update(u -> u.tableName(tableName)
                        .key(key)
                        .updateExpression("SET #version = #version + :one, updatedAt = :at, lastReplyAt = :at, "
                                + "lastReplyText = :text, outcomeAt = :at, outcomeResult = :result, "
                                + "outcomeAction = :action, outcomeById = :byId, outcomeByName = :byName, "
                                + "outcomeOnTime = :onTime")
                        .conditionExpression("attribute_exists(PK) AND attribute_not_exists(outcomeAt)")
                        .expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(values))
                .build();
        Map<String, Long> counts = new HashMap<>();
        counts.put("cmp_" + outcome.result().wireName(), 1L);
        counts.put("cmp_on_time", outcome.onTime() ? 1L : 0L);
        List<TransactWriteItem> writes = List.of(
                request,
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(RequestItems.caseEventItem(reference, reply)))
                        .build(),
                ServiceCounters.complaint(tableName, month(complaint), complaint.channel(), counts));
        return write("record outcome", writes, key, reference, false);
    }

    @Override
    public Recording rate(ServiceRequest complaint, HandlingRating rating) {
        ReferenceCode reference = complaint.reference();
        Map<String, AttributeValue> key = TableKeys.requestItem(reference);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":at", RequestItems.s(rating.at().toString()));
        values.put(":answer", RequestItems.s(rating.answer().wireName()));
        StringBuilder set = new StringBuilder("SET ratingAt = :at, ratingAnswer = :answer");
        rating.comment().ifPresent(c -> {
            set.append(", ratingComment = :comment");
            values.put(":comment", RequestItems.s(c));
        });
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .update(u -> u.tableName(tableName)
                                .key(key)
                                .updateExpression(set.toString())
                                .conditionExpression(
                                        "attribute_exists(PK) AND attribute_exists(outcomeAt) AND attribute_not_exists(ratingAt)")
                                .expressionAttributeValues(values))
                        .build(),
                ServiceCounters.complaint(
                        tableName,
                        month(complaint),
                        complaint.channel(),
                        Map.of("cmp_rate_" + rating.answer().wireName(), 1L)));
        return write("rate handling", writes, key, reference, true);
    }

    private Recording write(
            String what,
            List<TransactWriteItem> writes,
            Map<String, AttributeValue> key,
            ReferenceCode reference,
            boolean rating) {
        try {
            DynamoDbFailures.call(what, () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return Recording.RECORDED;
        } catch (TransactionCanceledException cancelled) {
            if (!new CancelledTransaction(writes, cancelled).conditionFailedOn(key)) {
                throw new StorageUnavailableException(what + ": transaction conflicted", cancelled);
            }
            // Which condition failed: read the item once to say why.
            Map<String, AttributeValue> item = read(reference).orElseThrow(RequestNotFoundException::new);
            if (rating && !item.containsKey(OUTCOME_AT)) {
                return Recording.NO_OUTCOME;
            }
            return Recording.ALREADY_RECORDED;
        }
    }

    @Override
    public List<ComplaintTally> complaintTallies(YearMonth first, YearMonth last) {
        return MonthReads.each(first, last, this::month);
    }

    private List<ComplaintTally> month(YearMonth m) {
        List<Map<String, AttributeValue>> shards = DynamoDbFailures.call(
                "read complaint tallies",
                () -> dynamoDb
                        .queryPaginator(q -> q.tableName(tableName)
                                .keyConditionExpression("PK = :p")
                                .expressionAttributeValues(Map.of(":p", RequestItems.s(TableKeys.serviceCounters(m)))))
                        .items()
                        .stream()
                        .filter(item -> item.get(RequestItems.SK).s().contains("#CAT#complaint#"))
                        .toList());
        Map<OutcomeResult, Long> outcomes = new EnumMap<>(OutcomeResult.class);
        Map<HandlingAnswer, Long> ratings = new EnumMap<>(HandlingAnswer.class);
        long any = 0;
        for (OutcomeResult r : OutcomeResult.values()) {
            long n = sum(shards, "cmp_" + r.wireName());
            outcomes.put(r, n);
            any += n;
        }
        for (HandlingAnswer a : HandlingAnswer.values()) {
            long n = sum(shards, "cmp_rate_" + a.wireName());
            ratings.put(a, n);
            any += n;
        }
        return any == 0 ? List.of() : List.of(new ComplaintTally(m, outcomes, sum(shards, "cmp_on_time"), ratings));
    }

    private static long sum(List<Map<String, AttributeValue>> shards, String attribute) {
        long total = 0;
        for (Map<String, AttributeValue> shard : shards) {
            AttributeValue value = shard.get(attribute);
            if (value != null && value.n() != null) {
                total += Long.parseLong(value.n());
            }
        }
        return total;
    }

    private static YearMonth month(ServiceRequest r) {
        return YearMonth.from(r.submittedAt().atZone(ZoneOffset.UTC));
    }

    private static Optional<String> s(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
