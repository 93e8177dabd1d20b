package sa.mustafeed.aws;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.Language;
import sa.mustafeed.core.request.OnBehalf;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseClock;
import sa.mustafeed.core.staff.CaseEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table layout. One partition per request holds the request ({@code META}) and its
 * timeline ({@code EVT#<time>}), so a lookup is one Query. GSI1 lists requests by status (the staff
 * queue, oldest first); GSI2 groups a beneficiary's requests by the keyed hash of their mobile.
 */
final class RequestItems {
    static final String PK = TableKeys.PK;
    static final String SK = TableKeys.SK;
    static final String META = TableKeys.META;
    static final String EVENT_PREFIX = TableKeys.EVENT_PREFIX;
    static final String TTL = "ttl";

    private RequestItems() {}

    static Map<String, AttributeValue> requestItem(ServiceRequest r, Registration registration) {
        Map<String, AttributeValue> item = requestItem(r);
        joinOpenQueue(item, r, registration.dueAt());
        registration.registeredBy().ifPresent(by -> item.put("registeredBy", s(by)));
        if (!registration.possibleDuplicates().isEmpty()) {
            item.put(
                    "possibleDuplicates",
                    AttributeValue.fromL(registration.possibleDuplicates().stream()
                            .map(ref -> s(ref.value()))
                            .toList()));
        }
        return item;
    }

    static Map<String, AttributeValue> requestItem(ServiceRequest r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.putAll(TableKeys.requestItem(r.reference()));
        item.put("entity", s("request"));
        item.put("reference", s(r.reference().value()));
        item.put("category", s(r.category().wireName()));
        item.put("channel", s(r.channel().wireName()));
        item.put("status", s(r.status().wireName()));
        // An anonymous request has no name, mobile or beneficiary group: the attributes are left out
        // rather than stored empty, so no index or search can gather anonymous senders together.
        if (!r.anonymous()) {
            item.put("name", s(r.name()));
            item.put("mobile", s(r.mobile()));
            item.put("mobileHash", s(r.mobileHash()));
        }
        r.email().ifPresent(v -> item.put("email", s(v)));
        r.nationalIdHash().ifPresent(v -> item.put("nationalIdHash", s(v)));
        r.nationalIdLast4().ifPresent(v -> item.put("nationalIdLast4", s(v)));
        item.put("city", s(r.city()));
        item.put("description", s(r.description()));
        item.put("preferredContact", s(r.preferredContact().wireName()));
        item.put("language", s(r.language().wireName()));
        r.onBehalf().ifPresent(o -> {
            item.put("onBehalfName", s(o.beneficiaryName()));
            item.put("onBehalfRelationship", s(o.relationship()));
        });
        item.put("consentVersion", s(r.consentVersion()));
        item.put("consentAt", s(r.consentAt().toString()));
        item.put("submittedAt", s(r.submittedAt().toString()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(r.version())));
        if (r.aboutStaff()) {
            // Copied into every index with the item: a queue or search row knows to hide it.
            item.put("aboutStaff", AttributeValue.fromBool(true));
        }
        String sortable = r.submittedAt() + "#" + r.reference().value();
        item.put("GSI1PK", s(TableKeys.statusQueue(r.status())));
        item.put("GSI1SK", s(sortable));
        if (!r.anonymous()) {
            item.put("GSI2PK", s(TableKeys.beneficiary(r.mobileHash())));
            item.put("GSI2SK", s(sortable));
        }
        item.put("GSI3PK", s(TableKeys.month(r.submittedAt())));
        item.put("GSI3SK", s(sortable));
        r.nationalIdHash().ifPresent(hash -> {
            item.put("GSI4PK", s(TableKeys.nationalId(hash)));
            item.put("GSI4SK", s(sortable));
        });
        return item;
    }

    /** A new request joins the open queue at its due time (without one: as due when it arrived). */
    static void joinOpenQueue(Map<String, AttributeValue> item, ServiceRequest r, Optional<Instant> dueAt) {
        if (sa.mustafeed.core.request.StatusMachine.isOpen(r.status())) {
            item.put("GSI5PK", s(TableKeys.OPEN_QUEUE));
            item.put(
                    "GSI5SK",
                    s(TableKeys.openQueueSort(
                            dueAt.orElse(r.submittedAt()),
                            r.status() == Status.WAITING_FOR_BENEFICIARY,
                            r.reference())));
        }
    }

    static ServiceRequest request(Map<String, AttributeValue> item) {
        Optional<OnBehalf> onBehalf = opt(item, "onBehalfName")
                .map(name ->
                        new OnBehalf(name, opt(item, "onBehalfRelationship").orElse("")));
        return new ServiceRequest(
                new ReferenceCode(str(item, "reference")),
                Category.fromWireName(str(item, "category")).orElseThrow(),
                Channel.fromWireName(str(item, "channel")).orElseThrow(),
                Status.fromWireName(str(item, "status")).orElseThrow(),
                opt(item, "name").orElse(""),
                opt(item, "mobile").orElse(""),
                opt(item, "mobileHash").orElse(""),
                opt(item, "email"),
                opt(item, "nationalIdHash"),
                opt(item, "nationalIdLast4"),
                str(item, "city"),
                str(item, "description"),
                ContactMethod.fromWireName(str(item, "preferredContact")).orElseThrow(),
                Language.fromWireName(str(item, "language")).orElseThrow(),
                onBehalf,
                str(item, "consentVersion"),
                Instant.parse(str(item, "consentAt")),
                Instant.parse(str(item, "submittedAt")),
                Instant.parse(str(item, "updatedAt")),
                Long.parseLong(item.get("version").n()),
                item.containsKey("aboutStaff")
                        && Boolean.TRUE.equals(item.get("aboutStaff").bool()));
    }

    static Map<String, AttributeValue> timelineItem(ReferenceCode reference, TimelineEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.request(reference)));
        item.put(SK, s(TableKeys.event(entry.at(), "status", entry.status().wireName())));
        item.put("entity", s("timeline"));
        item.put("type", s("status"));
        item.put("at", s(entry.at().toString()));
        item.put("status", s(entry.status().wireName()));
        item.put("public", AttributeValue.fromBool(true));
        return item;
    }

    static Map<String, AttributeValue> caseEventItem(ReferenceCode reference, CaseEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.request(reference)));
        String kind = event.kind().wireName();
        // A random tail: two notes in the same millisecond must not overwrite each other.
        item.put(
                SK,
                s(TableKeys.event(
                        event.at(), kind, java.util.UUID.randomUUID().toString().substring(0, 8))));
        item.put("entity", s("timeline"));
        item.put("type", s(kind));
        item.put("at", s(event.at().toString()));
        event.status().ifPresent(st -> item.put("status", s(st.wireName())));
        event.text().ifPresent(t -> item.put("text", s(t)));
        event.by().ifPresent(b -> item.put("by", s(b)));
        item.put("public", AttributeValue.fromBool(event.isPublic()));
        return item;
    }

    static boolean isPublicStatusEntry(Map<String, AttributeValue> item) {
        boolean isPublic = item.containsKey("public")
                && Boolean.TRUE.equals(item.get("public").bool());
        return isPublic && item.containsKey("status");
    }

    /**
     * The public timeline: status entries, replies, the beneficiary's messages and their documents'
     * names. {@code status} on the others is the status when they were written.
     */
    static TimelineEntry timelineEntry(Map<String, AttributeValue> item) {
        TimelineEntry.Kind kind = TimelineEntry.Kind.fromWireName(
                        opt(item, "type").orElse("status"))
                .orElse(TimelineEntry.Kind.STATUS);
        return new TimelineEntry(
                Instant.parse(str(item, "at")),
                Status.fromWireName(str(item, "status")).orElseThrow(),
                kind,
                kind == TimelineEntry.Kind.STATUS ? Optional.empty() : opt(item, "text"));
    }

    static CaseEvent caseEvent(Map<String, AttributeValue> item) {
        return new CaseEvent(
                Instant.parse(str(item, "at")),
                CaseEvent.Kind.fromWireName(opt(item, "type").orElse("status")),
                opt(item, "status").flatMap(Status::fromWireName),
                opt(item, "text"),
                opt(item, "by"),
                item.containsKey("public")
                        && Boolean.TRUE.equals(item.get("public").bool()));
    }

    static CaseClock clock(Map<String, AttributeValue> item) {
        return new CaseClock(
                item.containsKey("pausedMinutes")
                        ? Long.parseLong(item.get("pausedMinutes").n())
                        : 0,
                opt(item, "waitingSince").map(Instant::parse),
                opt(item, "firstActionAt").map(Instant::parse),
                opt(item, "finishedAt").map(Instant::parse),
                opt(item, DynamoDbComplaints.OUTCOME_AT).map(Instant::parse));
    }

    static java.util.List<ReferenceCode> possibleDuplicates(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("possibleDuplicates");
        return value == null || !value.hasL()
                ? java.util.List.of()
                : value.l().stream().map(v -> new ReferenceCode(v.s())).toList();
    }

    /**
     * Present on a request item while its latest message did not reach the person (the version of
     * that message, written by {@link DynamoDbDeliveryLog#recordReach}); removed once a later one does.
     */
    static final String NOT_REACHED_VERSION = "notReachedVersion";

    /** Whether the request's latest message failed to reach the beneficiary: staff should phone them. */
    static boolean notReached(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(NOT_REACHED_VERSION);
        return value != null && value.n() != null;
    }

    /** Who owns the request ({@code assignee} id, {@code assigneeName}), written by the work queue. */
    static final String ASSIGNEE = "assignee";

    static final String ASSIGNEE_NAME = "assigneeName";
    /**
     * Marks for staff, set when the beneficiary writes from the tracking page or sends a document
     * (the time it happened), removed when a staff member opens the request.
     */
    static final String REPLIED_MARK = "beneficiaryRepliedAt";

    static final String DOCUMENT_MARK = "newDocumentAt";

    static Optional<sa.mustafeed.core.staff.Assignee> assignee(Map<String, AttributeValue> item) {
        return opt(item, ASSIGNEE)
                .map(id -> new sa.mustafeed.core.staff.Assignee(
                        id, opt(item, ASSIGNEE_NAME).orElse(id)));
    }

    static sa.mustafeed.core.staff.CaseSummary summary(Map<String, AttributeValue> item) {
        return new sa.mustafeed.core.staff.CaseSummary(
                request(item),
                clock(item),
                possibleDuplicates(item),
                notReached(item),
                assignee(item),
                item.containsKey(REPLIED_MARK),
                item.containsKey(DOCUMENT_MARK));
    }

    /** The request's entry in its registrar's index (TableKeys.REGISTRATIONS_PREFIX): no personal data. */
    static Map<String, AttributeValue> registrationItem(String registrarId, ServiceRequest r) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put(PK, s(TableKeys.registrations(registrarId)));
        item.put(SK, s(r.submittedAt() + "#" + r.reference().value()));
        item.put("entity", s("registration"));
        item.put("reference", s(r.reference().value()));
        item.put("category", s(r.category().wireName()));
        item.put("createdAt", s(r.submittedAt().toString()));
        return item;
    }

    static Optional<String> registeredBy(Map<String, AttributeValue> item) {
        return opt(item, "registeredBy");
    }

    static Map<String, AttributeValue> idempotencyItem(IdempotencyRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.putAll(TableKeys.idempotency(r.key()));
        item.put("entity", s("idempotency"));
        item.put("fingerprint", s(r.fingerprint()));
        item.put("reference", s(r.reference().value()));
        item.put("category", s(r.category().wireName()));
        item.put("status", s(r.status().wireName()));
        item.put("submittedAt", s(r.submittedAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(r.expiresAt().toEpochMilli())));
        item.put(TTL, AttributeValue.fromN(Long.toString(r.expiresAt().getEpochSecond())));
        return item;
    }

    static IdempotencyRecord idempotencyRecord(String key, Map<String, AttributeValue> item) {
        return new IdempotencyRecord(
                key,
                str(item, "fingerprint"),
                new ReferenceCode(str(item, "reference")),
                Category.fromWireName(str(item, "category")).orElseThrow(),
                Status.fromWireName(str(item, "status")).orElseThrow(),
                Instant.parse(str(item, "submittedAt")),
                Instant.ofEpochMilli(Long.parseLong(item.get("expiresAt").n())));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("stored item lacks " + name);
        }
        return value.s();
    }

    private static Optional<String> opt(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
