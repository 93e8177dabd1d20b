package sa.mustafeed.core.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.IdempotencyRecord;
import sa.mustafeed.core.request.RequestWithTimeline;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.TimelineEntry;

/**
 * {@link RequestRepository} in memory with the same conditions as the DynamoDB one, serialised the
 * way DynamoDB serialises transactions on an item (moto does not, so concurrency is proven here).
 */
public final class InMemoryRequestRepository implements RequestRepository {
    private final Map<ReferenceCode, ServiceRequest> requests = new HashMap<>();
    private final Map<ReferenceCode, List<TimelineEntry>> timelines = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();

    @Override
    public synchronized CreateOutcome create(ServiceRequest request, TimelineEntry firstEntry,
            Optional<IdempotencyRecord> record) {
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
        timelines.computeIfAbsent(request.reference(), r -> new ArrayList<>()).add(firstEntry);
        record.ifPresent(r -> idempotency.put(r.key(), r));
        return CreateOutcome.CREATED;
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
        List<TimelineEntry> timeline = new ArrayList<>(timelines.getOrDefault(reference, List.of()));
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return Optional.of(new RequestWithTimeline(request, timeline));
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized List<ServiceRequest> all() {
        return List.copyOf(requests.values());
    }
}
