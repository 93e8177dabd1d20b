package sa.mustafeed.core.fakes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.VersionConflictException;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.ports.ServiceStatistics;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.Registration;
import sa.mustafeed.core.request.RequestWithTimeline;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.StatusMachine;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.core.staff.CaseClock;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSearch;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueQuery;
import sa.mustafeed.core.staff.ServiceTally;
import sa.mustafeed.core.staff.StatusChange;

/**
 * {@link RequestRepository} and {@link CaseRepository} in memory with the same conditions as the
 * DynamoDB ones, serialised the way DynamoDB serialises transactions on an item (moto does not, so
 * concurrency is proven here). It keeps the service counters the same writes keep in DynamoDB and
 * reads them as {@link ServiceStatistics}, so the port's promise that a created request is counted
 * holds here too (RequestRepositoryContract).
 */
public final class InMemoryRequestRepository
        implements RequestRepository, CaseRepository, ServiceStatistics, sa.mustafeed.core.ports.Complaints {
    private final Map<ReferenceCode, ServiceRequest> requests = new HashMap<>();
    private final Map<ReferenceCode, CaseClock> clocks = new HashMap<>();
    private final Map<ReferenceCode, Registration> registrations = new HashMap<>();
    private final Map<ReferenceCode, List<CaseEvent>> events = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    private final Map<Group, Counters> counters = new HashMap<>();
    /** Whether a request's latest message missed the person: kept on the request item in DynamoDB. */
    private java.util.function.Predicate<ReferenceCode> notReached = reference -> false;

    /** One service-counter group: the requests of one submission month, channel and category. */
    private record Group(YearMonth month, Channel channel, Category category) {}

    /** The same counters as the DynamoDB service-tally items (ServiceCounters), unsharded. */
    private static final class Counters {
        long received;
        final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        long firstActions;
        long firstActionMinutes;
        final long[] firstActionBuckets = new long[ServiceTally.HOUR_BUCKETS.length + 1];
        long completed;
        long completionMinutes;
        final long[] completionBuckets = new long[ServiceTally.HOUR_BUCKETS.length + 1];
        long finished;
        long met;
    }

    private Counters counters(YearMonth month, Channel channel, Category category) {
        return counters.computeIfAbsent(new Group(month, channel, category), g -> new Counters());
    }

    @Override
    public synchronized CreateOutcome create(
            ServiceRequest request,
            TimelineEntry firstEntry,
            Optional<IdempotencyRecord> record,
            Registration registration) {
        if (record.isPresent()) {
            IdempotencyRecord existing = idempotency.get(record.get().key());
            if (existing != null && existing.isLiveAt(request.submittedAt())) {
                return CreateOutcome.IDEMPOTENCY_KEY_TAKEN;
            }
        }
        if (requests.containsKey(request.reference())) {
            return CreateOutcome.REFERENCE_TAKEN;
        }
        requests.put(request.reference(), request);
        clocks.put(request.reference(), CaseClock.NEW);
        registrations.put(request.reference(), registration);
        events.computeIfAbsent(request.reference(), r -> new ArrayList<>())
                .add(CaseEvent.status(firstEntry.at(), firstEntry.status(), registration.registeredBy()));
        record.ifPresent(r -> idempotency.put(r.key(), r));
        Counters counted = counters(
                YearMonth.from(request.submittedAt().atZone(ZoneOffset.UTC)), request.channel(), request.category());
        counted.received++;
        counted.byStatus.merge(Status.RECEIVED, 1L, Long::sum);
        return CreateOutcome.CREATED;
    }

    /** Puts {@code request} in place of the stored one with its reference, keeping its history (tests' shortcut). */
    public synchronized void replace(ServiceRequest request) {
        if (!requests.containsKey(request.reference())) {
            throw new IllegalArgumentException("no request " + request.reference());
        }
        requests.put(request.reference(), request);
    }

    @Override
    public synchronized List<ReferenceCode> openRequestsOf(String mobileHash, Optional<String> nationalIdHash) {
        return requests.values().stream()
                .filter(r -> StatusMachine.isOpen(r.status()))
                // As the table's beneficiary index: anonymous requests are in no group.
                .filter(r -> !r.anonymous() && r.mobileHash().equals(mobileHash)
                        || nationalIdHash.isPresent() && r.nationalIdHash().equals(nationalIdHash))
                .sorted(Comparator.comparing(ServiceRequest::submittedAt).reversed())
                .map(ServiceRequest::reference)
                .toList();
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findIdempotency(String key) {
        return Optional.ofNullable(idempotency.get(key));
    }

    @Override
    public synchronized Optional<RequestWithTimeline> findWithTimeline(ReferenceCode reference) {
        ServiceRequest request = requests.get(reference);
        if (request == null) {
            return Optional.empty();
        }
        List<TimelineEntry> timeline = events.get(reference).stream()
                .flatMap(e -> e.publicEntry().stream())
                .sorted(Comparator.comparing(TimelineEntry::at))
                .toList();
        return Optional.of(new RequestWithTimeline(request, timeline));
    }

    /**
     * Reads whether each request's latest message reached the person from the fake delivery log, as
     * the DynamoDB repository reads {@code notReachedVersion} off the request item the log writes.
     */
    public synchronized void readReachFrom(InMemoryMessaging messaging) {
        notReached = reference -> messaging.notReached(reference.value());
    }

    @Override
    public synchronized ContactChange changeContact(ReferenceCode reference, ContactMethod to) {
        ServiceRequest r = requests.get(reference);
        if (r == null) {
            return ContactChange.NO_SUCH_REQUEST;
        }
        if (to == ContactMethod.EMAIL && r.email().isEmpty()) {
            return ContactChange.NO_EMAIL;
        }
        requests.put(
                reference,
                new ServiceRequest(
                        r.reference(),
                        r.category(),
                        r.channel(),
                        r.status(),
                        r.name(),
                        r.mobile(),
                        r.mobileHash(),
                        r.email(),
                        r.nationalIdHash(),
                        r.nationalIdLast4(),
                        r.city(),
                        r.description(),
                        to,
                        r.language(),
                        r.onBehalf(),
                        r.consentVersion(),
                        r.consentAt(),
                        r.submittedAt(),
                        r.updatedAt(),
                        r.version()));
        return ContactChange.CHANGED;
    }

    @Override
    public synchronized Optional<CaseFile> find(ReferenceCode reference) {
        ServiceRequest request = requests.get(reference);
        if (request == null) {
            return Optional.empty();
        }
        Registration registration = registrations.get(reference);
        return Optional.of(new CaseFile(
                        request,
                        clocks.get(reference),
                        registration.registeredBy(),
                        registration.possibleDuplicates(),
                        events.get(reference),
                        notReached.test(reference)))
                .map(f -> f.withAssignee(Optional.ofNullable(owners.get(reference))));
    }

    /** Who owns each request, as the work queue fake assigns them (DynamoDB keeps it on the request item). */
    private final Map<ReferenceCode, sa.mustafeed.core.staff.Assignee> owners = new HashMap<>();

    public synchronized void assigned(ReferenceCode reference, Optional<sa.mustafeed.core.staff.Assignee> to) {
        to.ifPresentOrElse(a -> owners.put(reference, a), () -> owners.remove(reference));
    }

    @Override
    public synchronized void changeStatus(StatusChange change) {
        ServiceRequest r = requests.get(change.reference());
        if (r == null || r.version() != change.expectedVersion()) {
            throw new VersionConflictException();
        }
        requests.put(
                r.reference(),
                new ServiceRequest(
                        r.reference(),
                        r.category(),
                        r.channel(),
                        change.to(),
                        r.name(),
                        r.mobile(),
                        r.mobileHash(),
                        r.email(),
                        r.nationalIdHash(),
                        r.nationalIdLast4(),
                        r.city(),
                        r.description(),
                        r.preferredContact(),
                        r.language(),
                        r.onBehalf(),
                        r.consentVersion(),
                        r.consentAt(),
                        r.submittedAt(),
                        change.at(),
                        r.version() + 1));
        clocks.put(r.reference(), change.clockAfter());
        count(change);
        events.get(r.reference()).add(CaseEvent.status(change.at(), change.to(), Optional.of(change.by())));
        change.note().ifPresent(n -> events.get(r.reference()).add(CaseEvent.note(change.at(), n, change.by())));
    }

    /** What DynamoDbCaseRepository adds to the counters in the change's transaction. */
    private void count(StatusChange change) {
        StatusChange.Counted c = change.counted();
        Counters counted = counters(c.month(), c.channel(), c.category());
        counted.byStatus.merge(change.from(), -1L, Long::sum);
        counted.byStatus.merge(change.to(), 1L, Long::sum);
        c.firstActionMinutes().ifPresent(m -> {
            counted.firstActions++;
            counted.firstActionMinutes += m;
            counted.firstActionBuckets[ServiceTally.bucketOf(m)]++;
        });
        c.completionMinutes().ifPresent(m -> {
            counted.completed++;
            counted.completionMinutes += m;
            counted.completionBuckets[ServiceTally.bucketOf(m)]++;
        });
        c.finishedWithinTarget().ifPresent(met -> {
            counted.finished++;
            counted.met += met ? 1 : 0;
        });
    }

    /** The counters of the months asked for, as DynamoDbServiceStatistics reads them (a status at zero left out). */
    @Override
    public synchronized List<ServiceTally> tallies(YearMonth first, YearMonth last) {
        List<ServiceTally> out = new ArrayList<>();
        counters.forEach((group, c) -> {
            if (!group.month().isBefore(first) && !group.month().isAfter(last)) {
                Map<Status, Long> byStatus = new EnumMap<>(Status.class);
                c.byStatus.forEach((status, count) -> {
                    if (count != 0) {
                        byStatus.put(status, count);
                    }
                });
                out.add(new ServiceTally(
                        group.month(),
                        group.channel(),
                        group.category(),
                        c.received,
                        byStatus,
                        c.firstActions,
                        c.firstActionMinutes,
                        c.firstActionBuckets,
                        c.completed,
                        c.completionMinutes,
                        c.completionBuckets,
                        c.finished,
                        c.met));
            }
        });
        return out;
    }

    @Override
    public synchronized void addNote(ReferenceCode reference, CaseEvent note) {
        if (!requests.containsKey(reference)) {
            throw new RequestNotFoundException();
        }
        events.get(reference).add(note);
    }

    @Override
    public synchronized void addReply(ReferenceCode reference, CaseEvent reply) {
        ServiceRequest r = requests.get(reference);
        if (r == null) {
            throw new RequestNotFoundException();
        }
        requests.put(
                reference,
                new ServiceRequest(
                        r.reference(),
                        r.category(),
                        r.channel(),
                        r.status(),
                        r.name(),
                        r.mobile(),
                        r.mobileHash(),
                        r.email(),
                        r.nationalIdHash(),
                        r.nationalIdLast4(),
                        r.city(),
                        r.description(),
                        r.preferredContact(),
                        r.language(),
                        r.onBehalf(),
                        r.consentVersion(),
                        r.consentAt(),
                        r.submittedAt(),
                        reply.at(),
                        r.version() + 1,
                        r.aboutStaff()));
        events.get(reference).add(reply);
        replies.add(new Reply(reference, r.version() + 1, reply.text().orElseThrow()));
    }

    // Complaints: the outcome and rating beside the request, counted by month of submission.
    private final Map<ReferenceCode, sa.mustafeed.core.complaints.ComplaintOutcome> outcomes = new HashMap<>();
    private final Map<ReferenceCode, sa.mustafeed.core.complaints.HandlingRating> ratings = new HashMap<>();

    @Override
    public synchronized sa.mustafeed.core.complaints.ComplaintHandling handling(ReferenceCode reference) {
        return new sa.mustafeed.core.complaints.ComplaintHandling(
                java.util.Optional.ofNullable(outcomes.get(reference)),
                java.util.Optional.ofNullable(ratings.get(reference)));
    }

    @Override
    public synchronized Recording recordOutcome(
            ServiceRequest complaint, sa.mustafeed.core.complaints.ComplaintOutcome outcome, CaseEvent reply) {
        ReferenceCode reference = complaint.reference();
        if (!requests.containsKey(reference)) {
            throw new RequestNotFoundException();
        }
        if (outcomes.containsKey(reference)) {
            return Recording.ALREADY_RECORDED;
        }
        outcomes.put(reference, outcome);
        clocks.put(reference, clocks.get(reference).withRespondedAt(outcome.at()));
        addReply(reference, reply);
        return Recording.RECORDED;
    }

    @Override
    public synchronized Recording rate(ServiceRequest complaint, sa.mustafeed.core.complaints.HandlingRating rating) {
        ReferenceCode reference = complaint.reference();
        if (!requests.containsKey(reference)) {
            throw new RequestNotFoundException();
        }
        if (!outcomes.containsKey(reference)) {
            return Recording.NO_OUTCOME;
        }
        if (ratings.containsKey(reference)) {
            return Recording.ALREADY_RECORDED;
        }
        ratings.put(reference, rating);
        return Recording.RECORDED;
    }

    @Override
    public synchronized List<sa.mustafeed.core.complaints.ComplaintTally> complaintTallies(
            YearMonth first, YearMonth last) {
        Map<YearMonth, List<ReferenceCode>> byMonth = new java.util.TreeMap<>();
        for (ReferenceCode reference : outcomes.keySet()) {
            YearMonth month =
                    YearMonth.from(requests.get(reference).submittedAt().atZone(java.time.ZoneOffset.UTC));
            if (!month.isBefore(first) && !month.isAfter(last)) {
                byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(reference);
            }
        }
        List<sa.mustafeed.core.complaints.ComplaintTally> out = new ArrayList<>();
        byMonth.forEach((month, refs) -> {
            Map<sa.mustafeed.core.complaints.OutcomeResult, Long> byResult = new HashMap<>();
            Map<sa.mustafeed.core.complaints.HandlingAnswer, Long> byAnswer = new HashMap<>();
            long onTime = 0;
            for (ReferenceCode ref : refs) {
                byResult.merge(outcomes.get(ref).result(), 1L, Long::sum);
                onTime += outcomes.get(ref).onTime() ? 1 : 0;
                if (ratings.containsKey(ref)) {
                    byAnswer.merge(ratings.get(ref).answer(), 1L, Long::sum);
                }
            }
            out.add(new sa.mustafeed.core.complaints.ComplaintTally(month, byResult, onTime, byAnswer));
        });
        return out;
    }

    /** A reply as the stream would announce it: the request version it made and its text. */
    public record Reply(ReferenceCode reference, long version, String text) {}

    private final List<Reply> replies = new ArrayList<>();

    public synchronized List<Reply> replies() {
        return List.copyOf(replies);
    }

    @Override
    public synchronized void erase(ReferenceCode reference, java.time.Instant at) {
        ServiceRequest r = requests.get(reference);
        if (r == null) {
            throw new RequestNotFoundException();
        }
        requests.put(
                reference,
                new ServiceRequest(
                        reference,
                        r.category(),
                        r.channel(),
                        r.status(),
                        "—",
                        "erased",
                        "erased-" + reference.value(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "—",
                        "—",
                        r.preferredContact(),
                        r.language(),
                        Optional.empty(),
                        r.consentVersion(),
                        r.consentAt(),
                        r.submittedAt(),
                        r.updatedAt(),
                        r.version()));
        events.put(
                reference,
                new ArrayList<>(events.get(reference).stream()
                        .map(e -> e.text().isPresent()
                                ? new CaseEvent(e.at(), e.kind(), e.status(), Optional.of("—"), e.by(), e.isPublic())
                                : e)
                        .toList()));
    }

    /** Pages by offset; the cursor is the offset as text. */
    @Override
    public synchronized QueuePage queue(QueueQuery query) {
        int offset;
        try {
            offset = query.cursor().map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
        Comparator<ServiceRequest> order = Comparator.comparing(ServiceRequest::submittedAt);
        List<ServiceRequest> matching = requests.values().stream()
                .filter(r -> query.status().map(s -> s == r.status()).orElse(true))
                .filter(r -> query.category().map(c -> c == r.category()).orElse(true))
                .filter(r -> query.channel().map(c -> c == r.channel()).orElse(true))
                .filter(r -> {
                    LocalDate day = r.submittedAt().atZone(ZoneOffset.UTC).toLocalDate();
                    return !day.isBefore(query.from()) && !day.isAfter(query.to());
                })
                .sorted(query.newestFirst() ? order.reversed() : order)
                .toList();
        List<CaseSummary> page = matching.stream()
                .skip(offset)
                .limit(query.pageSize())
                .map(r -> new CaseSummary(
                        r,
                        clocks.get(r.reference()),
                        registrations.get(r.reference()).possibleDuplicates(),
                        notReached.test(r.reference())))
                .toList();
        int next = offset + page.size();
        return new QueuePage(page, next < matching.size() ? Optional.of(Integer.toString(next)) : Optional.empty());
    }

    @Override
    public synchronized List<ReferenceCode> byMobileHash(String mobileHash) {
        return requests.values().stream()
                .filter(r -> !r.anonymous() && r.mobileHash().equals(mobileHash))
                .map(ServiceRequest::reference)
                .toList();
    }

    @Override
    public synchronized List<ReferenceCode> byNationalIdHash(String nationalIdHash) {
        return requests.values().stream()
                .filter(r -> r.nationalIdHash().equals(Optional.of(nationalIdHash)))
                .map(ServiceRequest::reference)
                .toList();
    }

    /** Reads the fake's own pages, as the DynamoDB repository reads its index pages. */
    @Override
    public synchronized List<CaseSummary> allMatching(QueueQuery query, int atLeast) {
        List<CaseSummary> out = new ArrayList<>();
        Optional<String> cursor = query.cursor();
        do {
            QueuePage page = queue(new QueueQuery(
                    query.status(),
                    query.category(),
                    query.channel(),
                    query.from(),
                    query.to(),
                    query.newestFirst(),
                    cursor,
                    query.pageSize()));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && out.size() < atLeast);
        return out;
    }

    @Override
    public synchronized QueuePage search(CaseSearch search) {
        java.util.function.Predicate<ServiceRequest> hit = switch (search) {
            case CaseSearch.ByReference r -> request -> request.reference().equals(r.reference());
            case CaseSearch.ByMobileHash m -> request -> request.mobileHash().equals(m.mobileHash());
            case CaseSearch.ByNationalIdHash n ->
                request -> request.nationalIdHash().equals(Optional.of(n.nationalIdHash()));
        };
        List<CaseSummary> found = requests.values().stream()
                .filter(hit)
                .sorted(Comparator.comparing(ServiceRequest::submittedAt).reversed())
                .limit(SEARCH_LIMIT)
                .map(r -> new CaseSummary(
                        r,
                        clocks.get(r.reference()),
                        registrations.get(r.reference()).possibleDuplicates(),
                        notReached.test(r.reference())))
                .toList();
        return new QueuePage(found, Optional.empty());
    }

    /** Pages by offset over the registrar's requests, newest first; the cursor is the offset as text. */
    @Override
    public synchronized QueuePage registeredBy(String registrarId, Optional<String> cursor, int pageSize) {
        int offset;
        try {
            offset = cursor.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
        List<ServiceRequest> theirs = requests.values().stream()
                .filter(r -> registrations.get(r.reference()).registrarId().equals(Optional.of(registrarId)))
                .sorted(Comparator.comparing(ServiceRequest::submittedAt)
                        .thenComparing(r -> r.reference().value())
                        .reversed())
                .toList();
        List<CaseSummary> page = theirs.stream()
                .skip(offset)
                .limit(pageSize)
                .map(r -> new CaseSummary(
                        r,
                        clocks.get(r.reference()),
                        registrations.get(r.reference()).possibleDuplicates(),
                        notReached.test(r.reference())))
                .toList();
        int next = offset + page.size();
        return new QueuePage(page, next < theirs.size() ? Optional.of(Integer.toString(next)) : Optional.empty());
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized List<ServiceRequest> all() {
        return List.copyOf(requests.values());
    }
}
