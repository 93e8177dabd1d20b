package sa.mustafeed.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpPlan;
import sa.mustafeed.core.recovery.FollowUpReason;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The follow-up items (see {@link TableKeys#OPEN_FOLLOW_UPS}) and the writes that carry out a
 * {@link FollowUpPlan} inside the survey answer's transaction. Every condition sits on the item in
 * the request's partition: it exists once per answer, and loses its way back to "open" once recorded.
 */
final class FollowUpItems {
    /** Kept a year after creation, like the answers they come from; the open list is never tidied by TTL. */
    static final Duration KEEP = Duration.ofDays(365);

    static final String OUTCOME = "outcome";

    private FollowUpItems() {}

    static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    static Map<String, AttributeValue> requestKey(FollowUp f) {
        return TableKeys.followUp(f.reference(), f.surveyId());
    }

    static Map<String, AttributeValue> openKey(FollowUp f) {
        return TableKeys.openFollowUp(f.due(), f.surveyId());
    }

    static Map<String, AttributeValue> createdCounter(FollowUp f) {
        return TableKeys.key(TableKeys.followUpCounters(month(f.createdAt())), TableKeys.FOLLOW_UPS_CREATED);
    }

    static Map<String, AttributeValue> attributes(FollowUp f, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("entity", RequestItems.s("follow-up"));
        item.put("reference", RequestItems.s(f.reference().value()));
        item.put("surveyId", RequestItems.s(f.surveyId()));
        item.put("reasons", reasons(f));
        item.put("score", AttributeValue.fromN(Integer.toString(f.score())));
        item.put("channel", RequestItems.s(f.channel().wireName()));
        item.put("category", RequestItems.s(f.category().wireName()));
        item.put("createdAt", RequestItems.s(f.createdAt().toString()));
        item.put("due", RequestItems.s(f.due().toString()));
        item.put("settled", AttributeValue.fromBool(f.settled()));
        return item;
    }

    private static AttributeValue reasons(FollowUp f) {
        return AttributeValue.fromSs(
                f.reasons().stream().map(FollowUpReason::wireName).sorted().toList());
    }

    static FollowUp read(Map<String, AttributeValue> item) {
        return new FollowUp(
                new ReferenceCode(item.get("reference").s()),
                item.get("surveyId").s(),
                item.get("reasons").ss().stream()
                        .map(r -> FollowUpReason.fromWireName(r).orElseThrow())
                        .collect(Collectors.toSet()),
                Integer.parseInt(item.get("score").n()),
                Channel.fromWireName(item.get("channel").s()).orElseThrow(),
                Category.fromWireName(item.get("category").s()).orElseThrow(),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("due").s()),
                Boolean.TRUE.equals(item.get("settled").bool()));
    }

    /** The item of the request's partition whose condition may refuse the plan; empty for no plan. */
    static Optional<Map<String, AttributeValue>> guarded(FollowUpPlan plan) {
        return switch (plan) {
            case FollowUpPlan.None none -> Optional.empty();
            case FollowUpPlan.Create create -> Optional.of(requestKey(create.followUp()));
            case FollowUpPlan.Settle settle -> Optional.of(requestKey(settle.followUp()));
            case FollowUpPlan.Withdraw withdraw -> Optional.of(requestKey(withdraw.followUp()));
        };
    }

    static List<TransactWriteItem> writes(String table, FollowUpPlan plan) {
        return switch (plan) {
            case FollowUpPlan.None none -> List.of();
            case FollowUpPlan.Create create -> create(table, create.followUp());
            case FollowUpPlan.Settle settle -> settle(table, settle.followUp());
            case FollowUpPlan.Withdraw withdraw -> withdraw(table, withdraw.followUp());
        };
    }

    private static List<TransactWriteItem> create(String table, FollowUp f) {
        Map<String, AttributeValue> kept = attributes(f, requestKey(f));
        kept.put(
                RequestItems.TTL,
                AttributeValue.fromN(Long.toString(f.createdAt().plus(KEEP).getEpochSecond())));
        return List.of(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(kept).conditionExpression("attribute_not_exists(PK)"))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(attributes(f, openKey(f))))
                        .build(),
                count(table, f, 1));
    }

    private static List<TransactWriteItem> settle(String table, FollowUp f) {
        Map<String, AttributeValue> values = Map.of(":reasons", reasons(f), ":yes", AttributeValue.fromBool(true));
        return List.of(
                TransactWriteItem.builder()
                        .update(u -> u.tableName(table)
                                .key(requestKey(f))
                                .updateExpression("SET reasons = :reasons, settled = :yes")
                                .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#outcome)")
                                .expressionAttributeNames(Map.of("#outcome", OUTCOME))
                                .expressionAttributeValues(values))
                        .build(),
                TransactWriteItem.builder()
                        .update(u -> u.tableName(table)
                                .key(openKey(f))
                                .updateExpression("SET reasons = :reasons, settled = :yes")
                                .conditionExpression("attribute_exists(PK)")
                                .expressionAttributeValues(values))
                        .build());
    }

    private static List<TransactWriteItem> withdraw(String table, FollowUp f) {
        return List.of(
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(table)
                                .key(requestKey(f))
                                .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#outcome)")
                                .expressionAttributeNames(Map.of("#outcome", OUTCOME)))
                        .build(),
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(table).key(openKey(f)))
                        .build(),
                count(table, f, -1));
    }

    /**
     * When {@link #withdraw} was refused because the call was recorded meanwhile: the record leaves
     * the request too (nothing may link an anonymous answer to it), while the month keeps counting
     * the follow-up and its call, which did happen.
     */
    static List<TransactWriteItem> withdrawRecorded(String table, FollowUp f) {
        return List.of(TransactWriteItem.builder()
                .delete(d -> d.tableName(table).key(requestKey(f)))
                .build());
    }

    private static TransactWriteItem count(String table, FollowUp f, int by) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(createdCounter(f))
                        .updateExpression("ADD created :by SET entity = :entity")
                        .expressionAttributeValues(Map.of(
                                ":by",
                                AttributeValue.fromN(Integer.toString(by)),
                                ":entity",
                                RequestItems.s("follow-up-count"))))
                .build();
    }
}
