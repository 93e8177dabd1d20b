package sa.mustafeed.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.StorageUnavailableException;
import sa.mustafeed.core.ports.SurveyStore;
import sa.mustafeed.core.recovery.FollowUp;
import sa.mustafeed.core.recovery.FollowUpPlan;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.survey.SurveyAnswer;
import sa.mustafeed.core.survey.SurveyInvitation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Surveys in the requests table: invitations {@code SURVEY#<id>}, the per-beneficiary cooldown
 * {@code SURVEYPREF#<mobileHash>}, answers by month {@code ANSWER#<yyyy-MM>}, and the counters
 * {@code SURVEYAGG#<yyyy-MM>} (see {@link DynamoDbSurveyStatistics}). An answer, its invitation
 * update and its counter increments commit in one transaction; so do an invitation and the count of
 * links sent that month, so the response rate counts each link once. An answer's service-recovery
 * follow-up ({@link FollowUpItems}) is written in the answer's transaction.
 */
public final class DynamoDbSurveyStore implements SurveyStore {
    /** Answers and invitations are kept a year after the link expires, then TTL tidies them. */
    private static final Duration KEEP = Duration.ofDays(365);

    private static final String OVERALL = "overall";
    private static final String NEED_MET = "needMet";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSurveyStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    private static Map<String, AttributeValue> invitationKey(String surveyId) {
        return TableKeys.surveyInvitation(surveyId);
    }

    @Override
    public Offer offer(SurveyInvitation invitation, String mobileHash, Instant cooldownStart) {
        Map<String, AttributeValue> item = new HashMap<>(invitationKey(invitation.surveyId()));
        item.put("entity", RequestItems.s("survey"));
        invitation.reference().ifPresent(r -> item.put("reference", RequestItems.s(r.value())));
        item.put("category", RequestItems.s(invitation.category().wireName()));
        item.put("channel", RequestItems.s(invitation.channel().wireName()));
        item.put("language", RequestItems.s(invitation.language().wireName()));
        item.put("offeredAt", RequestItems.s(invitation.offeredAt().toString()));
        item.put("expiresAt", RequestItems.s(invitation.expiresAt().toString()));
        item.put(
                RequestItems.TTL,
                AttributeValue.fromN(
                        Long.toString(invitation.expiresAt().plus(KEEP).getEpochSecond())));
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(tableName).item(item).conditionExpression("attribute_not_exists(PK)"))
                        .build(),
                TransactWriteItem.builder()
                        .update(u -> u.tableName(tableName)
                                .key(TableKeys.surveyCooldown(mobileHash))
                                .updateExpression("SET lastOfferedAt = :now, entity = :entity, #ttl = :ttl")
                                .conditionExpression("attribute_not_exists(PK) OR lastOfferedAt < :since")
                                .expressionAttributeNames(Map.of("#ttl", RequestItems.TTL))
                                .expressionAttributeValues(Map.of(
                                        ":now",
                                                RequestItems.s(
                                                        invitation.offeredAt().toString()),
                                        ":since", RequestItems.s(cooldownStart.toString()),
                                        ":entity", RequestItems.s("survey-cooldown"),
                                        ":ttl",
                                                AttributeValue.fromN(Long.toString(invitation
                                                        .expiresAt()
                                                        .plus(KEEP)
                                                        .getEpochSecond())))))
                        .build(),
                links(invitation, "sent"));
        try {
            DynamoDbFailures.call("offer survey", () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return Offer.OFFERED;
        } catch (TransactionCanceledException cancelled) {
            CancelledTransaction why = new CancelledTransaction(writes, cancelled);
            if (why.conditionFailedOn(invitationKey(invitation.surveyId()))) {
                return Offer.ALREADY_OFFERED;
            }
            if (why.conditionFailedOn(TableKeys.surveyCooldown(mobileHash))) {
                return Offer.COOLING_DOWN;
            }
            throw new StorageUnavailableException("offer survey: transaction conflicted", cancelled);
        }
    }

    @Override
    public Optional<SurveyInvitation> find(String surveyId) {
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read survey",
                        () -> dynamoDb.getItem(g -> g.tableName(tableName)
                                .key(invitationKey(surveyId))
                                .consistentRead(true)))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SurveyInvitation(
                surveyId,
                Optional.ofNullable(item.get("reference")).map(v -> new ReferenceCode(v.s())),
                Category.fromWireName(item.get("category").s()).orElseThrow(),
                Channel.fromWireName(item.get("channel").s()).orElseThrow(),
                Language.fromWireName(item.get("language").s()).orElseThrow(),
                Instant.parse(item.get("offeredAt").s()),
                Instant.parse(item.get("expiresAt").s()),
                Optional.ofNullable(item.get("answeredAt")).map(v -> Instant.parse(v.s())),
                Optional.ofNullable(item.get("overall")).map(v -> Integer.parseInt(v.n())),
                item.containsKey("detailsGiven")
                        && Boolean.TRUE.equals(item.get("detailsGiven").bool())));
    }

    @Override
    public Recorded recordAnswer(SurveyInvitation invitation, SurveyAnswer answer, Instant at, FollowUpPlan followUp) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":at", RequestItems.s(at.toString()),
                ":overall", AttributeValue.fromN(Integer.toString(answer.overall())),
                ":details", AttributeValue.fromBool(answer.hasDetails())));
        String update = "SET answeredAt = :at, overall = :overall, detailsGiven = :details"
                + (answer.anonymous() ? " REMOVE #reference" : "");
        writes.add(TransactWriteItem.builder()
                .update(u -> {
                    u.tableName(tableName)
                            .key(invitationKey(invitation.surveyId()))
                            .updateExpression(update)
                            .conditionExpression("attribute_exists(PK) AND attribute_not_exists(answeredAt)")
                            .expressionAttributeValues(values);
                    if (answer.anonymous()) {
                        u.expressionAttributeNames(Map.of("#reference", "reference"));
                    }
                })
                .build());
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(tableName).item(answerItem(invitation, answer, at)))
                .build());
        writes.add(tally(at, OVERALL, invitation.channel(), Optional.of(invitation.category()), answer.overall()));
        writes.add(links(invitation, "answered"));
        detailTallies(invitation, answer, at, writes);
        return commit(writes, followUp, invitation.surveyId(), "record answer");
    }

    @Override
    public Recorded recordDetails(SurveyInvitation invitation, SurveyAnswer answer, Instant at, FollowUpPlan followUp) {
        Instant answeredAt = invitation.answeredAt().orElseThrow();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .update(u -> {
                    u.tableName(tableName)
                            .key(invitationKey(invitation.surveyId()))
                            .updateExpression(
                                    "SET detailsGiven = :yes" + (answer.anonymous() ? " REMOVE #reference" : ""))
                            .conditionExpression(
                                    "attribute_exists(answeredAt) AND overall = :overall AND detailsGiven = :no")
                            .expressionAttributeValues(Map.of(
                                    ":yes",
                                    AttributeValue.fromBool(true),
                                    ":no",
                                    AttributeValue.fromBool(false),
                                    ":overall",
                                    AttributeValue.fromN(Integer.toString(answer.overall()))));
                    if (answer.anonymous()) {
                        u.expressionAttributeNames(Map.of("#reference", "reference"));
                    }
                })
                .build());
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(tableName).item(answerItem(invitation, answer, answeredAt)))
                .build());
        detailTallies(invitation, answer, answeredAt, writes);
        return commit(writes, followUp, invitation.surveyId(), "record answer details");
    }

    @Override
    public void forget(String surveyId) {
        Optional<SurveyInvitation> invitation = find(surveyId);
        if (invitation.isEmpty()) {
            return;
        }
        invitation.get().reference().ifPresent(reference -> forgetFollowUp(reference, surveyId));
        DynamoDbFailures.call(
                "forget survey",
                () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                        .key(invitationKey(surveyId))
                        .updateExpression("REMOVE #reference")
                        .expressionAttributeNames(Map.of("#reference", "reference"))));
        invitation
                .get()
                .answeredAt()
                .ifPresent(answeredAt -> DynamoDbFailures.call(
                        "forget answer",
                        () -> dynamoDb.updateItem(u -> u.tableName(tableName)
                                .key(TableKeys.answer(answeredAt, surveyId))
                                .updateExpression("REMOVE #reference, #comment")
                                .conditionExpression("attribute_exists(PK)")
                                .expressionAttributeNames(Map.of("#reference", "reference", "#comment", "comment")))));
    }

    /** The answer's follow-up, open (with its place in the open list) or recorded, if it has one. */
    private void forgetFollowUp(ReferenceCode reference, String surveyId) {
        Map<String, AttributeValue> key = TableKeys.followUp(reference, surveyId);
        Map<String, AttributeValue> item = DynamoDbFailures.call(
                        "read follow-up",
                        () -> dynamoDb.getItem(
                                g -> g.tableName(tableName).key(key).consistentRead(true)))
                .item();
        if (item == null || item.isEmpty()) {
            return;
        }
        FollowUp followUp = FollowUpItems.read(item);
        DynamoDbFailures.call(
                "forget follow-up",
                () -> dynamoDb.transactWriteItems(t -> t.transactItems(
                        TransactWriteItem.builder()
                                .delete(d -> d.tableName(tableName).key(FollowUpItems.openKey(followUp)))
                                .build(),
                        TransactWriteItem.builder()
                                .delete(d -> d.tableName(tableName).key(key))
                                .build())));
    }

    @Override
    public void recordKioskFeedback(String kioskId, int score, Instant at) {
        Map<String, AttributeValue> row = new HashMap<>(
                TableKeys.kioskAnswer(at, java.util.UUID.randomUUID().toString().substring(0, 8)));
        row.put("entity", RequestItems.s("kiosk-feedback"));
        row.put("kioskId", RequestItems.s(kioskId));
        row.put("channel", RequestItems.s(Channel.KIOSK.wireName()));
        row.put("overall", AttributeValue.fromN(Integer.toString(score)));
        row.put(
                RequestItems.TTL,
                AttributeValue.fromN(Long.toString(at.plus(KEEP).getEpochSecond())));
        commit(
                List.of(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(tableName).item(row))
                                .build(),
                        tally(at, OVERALL, Channel.KIOSK, Optional.empty(), score)),
                null,
                "record kiosk feedback");
    }

    /**
     * Commits the answer with its follow-up plan. A failed condition on the follow-up (it exists
     * already, or an employee recorded its call meanwhile) commits the answer without it; a recorded
     * follow-up the answer withdraws then leaves its request (see {@link FollowUpItems#withdrawRecorded}).
     */
    private Recorded commit(List<TransactWriteItem> answer, FollowUpPlan followUp, String surveyId, String what) {
        List<TransactWriteItem> writes = new ArrayList<>(answer);
        writes.addAll(FollowUpItems.writes(tableName, followUp));
        try {
            DynamoDbFailures.call(what, () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return Recorded.RECORDED;
        } catch (TransactionCanceledException cancelled) {
            CancelledTransaction why = new CancelledTransaction(writes, cancelled);
            if (why.conditionFailedOn(invitationKey(surveyId))) {
                return Recorded.ALREADY_ANSWERED;
            }
            if (FollowUpItems.guarded(followUp).filter(why::conditionFailedOn).isEmpty()) {
                throw new StorageUnavailableException(what + ": transaction conflicted", cancelled);
            }
        }
        List<TransactWriteItem> without = new ArrayList<>(answer);
        if (followUp instanceof FollowUpPlan.Withdraw withdraw) {
            without.addAll(FollowUpItems.withdrawRecorded(tableName, withdraw.followUp()));
        }
        return commit(without, surveyId, what);
    }

    /** Commits; a failed condition on the invitation (answered already, or details given) is a refusal. */
    private Recorded commit(List<TransactWriteItem> writes, String surveyId, String what) {
        try {
            DynamoDbFailures.call(what, () -> dynamoDb.transactWriteItems(t -> t.transactItems(writes)));
            return Recorded.RECORDED;
        } catch (TransactionCanceledException cancelled) {
            if (surveyId != null
                    && new CancelledTransaction(writes, cancelled).conditionFailedOn(invitationKey(surveyId))) {
                return Recorded.ALREADY_ANSWERED;
            }
            throw new StorageUnavailableException(what + ": transaction conflicted", cancelled);
        }
    }

    private void detailTallies(
            SurveyInvitation invitation, SurveyAnswer answer, Instant at, List<TransactWriteItem> writes) {
        answer.scores()
                .forEach((question, score) -> writes.add(
                        tally(at, question, invitation.channel(), Optional.of(invitation.category()), score)));
        // Need met is yes/no: counted as score 5 (yes) or 1 (no) of its own question.
        answer.needMet()
                .ifPresent(met -> writes.add(
                        tally(at, NEED_MET, invitation.channel(), Optional.of(invitation.category()), met ? 5 : 1)));
    }

    private Map<String, AttributeValue> answerItem(
            SurveyInvitation invitation, SurveyAnswer answer, Instant answeredAt) {
        Map<String, AttributeValue> row = new HashMap<>(TableKeys.answer(answeredAt, invitation.surveyId()));
        row.put("entity", RequestItems.s("survey-answer"));
        row.put("surveyId", RequestItems.s(invitation.surveyId()));
        if (!answer.anonymous()) {
            invitation.reference().ifPresent(r -> row.put("reference", RequestItems.s(r.value())));
        }
        row.put("category", RequestItems.s(invitation.category().wireName()));
        row.put("channel", RequestItems.s(invitation.channel().wireName()));
        row.put("overall", AttributeValue.fromN(Integer.toString(answer.overall())));
        answer.scores().forEach((q, v) -> row.put("score_" + q, AttributeValue.fromN(Integer.toString(v))));
        answer.needMet().ifPresent(v -> row.put("needMet", AttributeValue.fromBool(v)));
        answer.comment().ifPresent(c -> row.put("comment", RequestItems.s(c)));
        row.put("anonymous", AttributeValue.fromBool(answer.anonymous()));
        row.put("contactConsent", AttributeValue.fromBool(answer.contactConsent()));
        row.put(
                RequestItems.TTL,
                AttributeValue.fromN(Long.toString(answeredAt.plus(KEEP).getEpochSecond())));
        return row;
    }

    private TransactWriteItem tally(
            Instant at, String question, Channel channel, Optional<Category> category, int score) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(tableName)
                        .key(TableKeys.key(
                                TableKeys.satisfactionCounters(month(at)),
                                TableKeys.satisfactionCounter(question, channel, category)))
                        .updateExpression("ADD s" + score + " :one SET entity = :entity")
                        .expressionAttributeValues(
                                Map.of(":one", AttributeValue.fromN("1"), ":entity", RequestItems.s("survey-tally"))))
                .build();
    }

    /**
     * Adds one to the links counter ({@code sent} or {@code answered}) of the month the link was
     * sent, so the month's response rate compares its own links with their own answers.
     */
    private TransactWriteItem links(SurveyInvitation invitation, String counter) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(tableName)
                        .key(TableKeys.key(
                                TableKeys.satisfactionCounters(month(invitation.offeredAt())),
                                TableKeys.surveyLinksCounter(invitation.channel())))
                        .updateExpression("ADD #counter :one SET entity = :entity")
                        .expressionAttributeNames(Map.of("#counter", counter))
                        .expressionAttributeValues(
                                Map.of(":one", AttributeValue.fromN("1"), ":entity", RequestItems.s("survey-links"))))
                .build();
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
