package sa.mustafeed.aws;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.Status;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the one table, written once: the partition and sort keys of each kind of item and
 * the index partitions (docs/ARCHITECTURE.md, "Data"). The IAM conditions in template.yaml pin
 * functions to these prefixes ({@code dynamodb:LeadingKeys}), so a prefix changed here must change
 * there too. Public for the development tools that read the table (the local outbox).
 */
public final class TableKeys {
    public static final String PK = "PK";
    public static final String SK = "SK";

    /** A request's partition; its item is {@link #META}, its timeline {@link #EVENT_PREFIX}, its documents {@link #DOCUMENT_PREFIX}. */
    static final String REQUEST_PREFIX = "REQ#";

    static final String META = "META";
    static final String EVENT_PREFIX = "EVT#";
    static final String DOCUMENT_PREFIX = "DOC#";
    static final String IDEMPOTENCY_PREFIX = "IDEM#";
    static final String IDEMPOTENCY_SORT = "IDEM";
    static final String ATTEMPTS_PREFIX = "RATE#";
    static final String WINDOW_PREFIX = "W#";
    /** A reference's live unlock code, in its own partition so the lookup's grant never reaches a request. */
    static final String UNLOCK_PREFIX = "UNLOCK#";

    public static final String UNLOCK_SORT = "UNLOCK";
    public static final String MESSAGE_PREFIX = "MSG#";
    static final String MESSAGE_SORT = "MSG";
    /** Provider message id → the message and leg it belongs to, for delivery receipts. */
    static final String DELIVERY_PREFIX = "DLV#";

    static final String DELIVERY_SORT = "DLV";
    /** Delivery counters by month of sending, sharded; sort key {@code <channel>#<provider>}. */
    static final String DELIVERY_COUNTERS_PREFIX = "DLVAGG#";

    static final String CONTACT_PREFIX = "PREF#";
    static final String CONTACT_SORT = "CONTACT";
    static final String SURVEY_PREFIX = "SURVEY#";
    static final String SURVEY_SORT = "SURVEY";
    static final String COOLDOWN_PREFIX = "SURVEYPREF#";
    static final String COOLDOWN_SORT = "COOLDOWN";
    static final String ANSWERS_PREFIX = "ANSWER#";
    static final String SERVICE_COUNTERS_PREFIX = "SVCAGG#";
    static final String SATISFACTION_COUNTERS_PREFIX = "SURVEYAGG#";
    /** A service counter shard's sort key ends with this and the shard number. */
    static final String SHARD_MARK = "#S#";

    /** Index partitions: GSI1 by status, GSI2 by mobile hash, GSI3 by month of submission, GSI4 by ID hash. */
    static final String STATUS_PREFIX = "STATUS#";

    static final String BENEFICIARY_PREFIX = "BEN#";
    static final String MONTH_PREFIX = "MONTH#";
    static final String NATIONAL_ID_PREFIX = "NID#";
    /**
     * GSI5, the work queue: one partition of the open requests only (closed ones leave it), sorted
     * by due time ({@code <dueAt>#<ref>}); a request waiting for the beneficiary sorts after every
     * running one ({@code W#<dueAt once resumed>#<ref>}).
     */
    static final String OPEN_QUEUE = "OPEN";

    static final String WAITING_MARK = "W#";
    /** The staff directory: one partition, one item per staff member who used the queue ({@code <id>}). */
    static final String STAFF_DIRECTORY = "STAFFDIR";
    /** The PDPL audit log: one partition a month ({@code AUDIT#<yyyy-MM>}, UTC), sort key {@code <instant>#<unique>}. */
    static final String AUDIT_PREFIX = "AUDIT#";

    /**
     * One person's registrations: {@code REGBY#<registrar id>} / {@code <submittedAt>#<ref>}, holding
     * the reference, category and date only (the rest is read from the request items), so a
     * volunteer's list is one Query of their own partition.
     */
    static final String REGISTRATIONS_PREFIX = "REGBY#";
    /** The saved replies: one partition, one item per reply ({@code <id>}), read whole by a Query. */
    static final String SAVED_REPLIES = "SAVEDREPLY";
    /**
     * Service-recovery follow-ups: the open ones in one partition sorted by due time
     * ({@code FOLLOWUPS} / {@code <due>#<surveyId>}, a few a day, read whole); each follow-up, open
     * or recorded, in its request's own partition ({@code FOLLOWUP#<ref>} / {@code <surveyId>}), not
     * under {@code REQ#}, so the survey function that creates them never touches a request item; the
     * month's counts ({@code FOLLOWUPAGG#<yyyy-MM>}, month created, UTC: {@code CREATED} and one
     * {@code DONE#<surveyId>} with its working minutes per recorded call).
     */
    static final String OPEN_FOLLOW_UPS = "FOLLOWUPS";

    static final String FOLLOW_UP_PREFIX = "FOLLOWUP#";
    static final String FOLLOW_UP_COUNTERS_PREFIX = "FOLLOWUPAGG#";
    static final String FOLLOW_UPS_CREATED = "CREATED";
    static final String FOLLOW_UP_DONE_MARK = "DONE#";
    /** The kiosk registry: one partition, one item per lobby tablet ({@code <kiosk id>}), listed by a Query. */
    static final String KIOSKS = "KIOSK";

    private TableKeys() {}

    static Map<String, AttributeValue> openFollowUp(Instant due, String surveyId) {
        return key(OPEN_FOLLOW_UPS, due + "#" + surveyId);
    }

    static String followUps(ReferenceCode reference) {
        return FOLLOW_UP_PREFIX + reference.value();
    }

    static Map<String, AttributeValue> followUp(ReferenceCode reference, String surveyId) {
        return key(followUps(reference), surveyId);
    }

    static String followUpCounters(YearMonth created) {
        return FOLLOW_UP_COUNTERS_PREFIX + created;
    }

    static String registrations(String registrarId) {
        return REGISTRATIONS_PREFIX + registrarId;
    }

    /** A primary key as DynamoDB takes it. */
    static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(PK, AttributeValue.fromS(partition), SK, AttributeValue.fromS(sort));
    }

    static String request(ReferenceCode reference) {
        return REQUEST_PREFIX + reference.value();
    }

    /** The request item itself ({@code REQ#<ref>} / {@code META}). */
    static Map<String, AttributeValue> requestItem(ReferenceCode reference) {
        return key(request(reference), META);
    }

    /** Tells a request item from its timeline, documents and every other kind of item. */
    static boolean isRequestItem(String partition, String sort) {
        return META.equals(sort) && partition != null && partition.startsWith(REQUEST_PREFIX);
    }

    /** A timeline entry's sort key; {@code tail} keeps two entries of one millisecond apart. */
    static String event(Instant at, String type, String tail) {
        return EVENT_PREFIX + at + "#" + type + "#" + tail;
    }

    static Map<String, AttributeValue> document(ReferenceCode reference, String documentId) {
        return key(request(reference), DOCUMENT_PREFIX + documentId);
    }

    static Map<String, AttributeValue> idempotency(String idempotencyKey) {
        return key(IDEMPOTENCY_PREFIX + idempotencyKey, IDEMPOTENCY_SORT);
    }

    static Map<String, AttributeValue> attempts(String subject, Instant windowStart) {
        return key(ATTEMPTS_PREFIX + subject, WINDOW_PREFIX + windowStart.getEpochSecond());
    }

    static Map<String, AttributeValue> unlockCode(ReferenceCode reference) {
        return key(UNLOCK_PREFIX + reference.value(), UNLOCK_SORT);
    }

    static Map<String, AttributeValue> sentMessage(String messageKey) {
        return key(MESSAGE_PREFIX + messageKey, MESSAGE_SORT);
    }

    static Map<String, AttributeValue> deliveryIndex(String provider, String providerMessageId) {
        return key(DELIVERY_PREFIX + provider + "#" + providerMessageId, DELIVERY_SORT);
    }

    /**
     * One shard of a channel and provider's counters in a month: {@code <channel>#<provider>#S#<n>}
     * in the month's one partition, so a report reads a month in one Query (the shard in the
     * partition key cost eight Queries a month: 104 for a year's report, ./bench --scale).
     */
    static Map<String, AttributeValue> deliveryCounter(
            java.time.YearMonth month, int shard, String channel, String provider) {
        return key(deliveryCounters(month), channel + "#" + provider + SHARD_MARK + shard);
    }

    /** A month's delivery counters: one partition, an item per channel, provider and shard. */
    static String deliveryCounters(java.time.YearMonth month) {
        return DELIVERY_COUNTERS_PREFIX + month;
    }

    static Map<String, AttributeValue> contactPreference(String mobileHash) {
        return key(CONTACT_PREFIX + mobileHash, CONTACT_SORT);
    }

    static Map<String, AttributeValue> surveyInvitation(String surveyId) {
        return key(SURVEY_PREFIX + surveyId, SURVEY_SORT);
    }

    static Map<String, AttributeValue> surveyCooldown(String mobileHash) {
        return key(COOLDOWN_PREFIX + mobileHash, COOLDOWN_SORT);
    }

    /** Answers are partitioned by the month they were given in. */
    static String answers(Instant answeredAt) {
        return ANSWERS_PREFIX + YearMonth.from(answeredAt.atZone(ZoneOffset.UTC));
    }

    /** A survey's answer, sorted by when it was given. */
    static Map<String, AttributeValue> answer(Instant answeredAt, String surveyId) {
        return key(answers(answeredAt), answeredAt + "#" + surveyId);
    }

    /** A kiosk tap; {@code tail} keeps two taps of one millisecond apart. */
    static Map<String, AttributeValue> kioskAnswer(Instant at, String tail) {
        return key(answers(at), at + "#kiosk#" + tail);
    }

    static String serviceCounters(YearMonth submitted) {
        return SERVICE_COUNTERS_PREFIX + submitted;
    }

    /** One shard of a channel × category's service counters. */
    static String serviceCounterShard(Channel channel, Category category, int shard) {
        return "CH#" + channel.wireName() + "#CAT#" + category.wireName() + SHARD_MARK + shard;
    }

    static String satisfactionCounters(YearMonth answered) {
        return SATISFACTION_COUNTERS_PREFIX + answered;
    }

    /** A question's counters for a channel and (kiosk taps have none) a category. */
    static String satisfactionCounter(String question, Channel channel, Optional<Category> category) {
        return SATISFACTION_QUESTION_MARK + question + "#CH#" + channel.wireName() + "#CAT#"
                + category.map(Category::wireName).orElse("none");
    }

    /** Where a question's counters start: the month's partition also holds {@link #surveyLinksCounter}s. */
    static final String SATISFACTION_QUESTION_MARK = "Q#";

    static final String SURVEY_LINKS_MARK = "SENT#";

    /** Survey links sent (and answered) in a month for requests of one channel. */
    static String surveyLinksCounter(Channel channel) {
        return SURVEY_LINKS_MARK + "CH#" + channel.wireName();
    }

    static String statusQueue(Status status) {
        return STATUS_PREFIX + status.wireName();
    }

    /** A request's place in the open queue (GSI5SK). */
    static String openQueueSort(Instant dueAt, boolean waiting, ReferenceCode reference) {
        return (waiting ? WAITING_MARK : "") + dueAt + "#" + reference.value();
    }

    static String beneficiary(String mobileHash) {
        return BENEFICIARY_PREFIX + mobileHash;
    }

    static String nationalId(String nationalIdHash) {
        return NATIONAL_ID_PREFIX + nationalIdHash;
    }

    static String month(YearMonth month) {
        return MONTH_PREFIX + month;
    }

    /** Months of submission partition GSI3, so a date-range listing reads only the months it needs. */
    static String month(Instant submittedAt) {
        return month(YearMonth.from(submittedAt.atZone(ZoneOffset.UTC)));
    }

    /** The queue's own index partitions, the only ones a cursor may name. */
    static boolean isQueuePartition(String partition) {
        return partition.startsWith(STATUS_PREFIX)
                || partition.startsWith(MONTH_PREFIX)
                || partition.equals(OPEN_QUEUE);
    }

    /** The message key of a sent-message record's partition (what the outbox shows). */
    /** The reference whose unlock code this partition holds, if it is one. */
    static Optional<ReferenceCode> unlockReferenceOf(String partition) {
        return partition != null && partition.startsWith(UNLOCK_PREFIX)
                ? ReferenceCode.parse(partition.substring(UNLOCK_PREFIX.length()))
                : Optional.empty();
    }

    public static Optional<String> messageKeyOf(String partition) {
        return partition != null && partition.startsWith(MESSAGE_PREFIX)
                ? Optional.of(partition.substring(MESSAGE_PREFIX.length()))
                : Optional.empty();
    }
}
