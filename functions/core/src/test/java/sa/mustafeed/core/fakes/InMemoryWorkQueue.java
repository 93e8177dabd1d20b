package sa.mustafeed.core.fakes;

import java.time.Instant;
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
import sa.mustafeed.core.ports.WorkQueue;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.StatusMachine;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.staff.Assignee;
import sa.mustafeed.core.staff.CaseEvent;
import sa.mustafeed.core.staff.CaseFile;
import sa.mustafeed.core.staff.CaseSummary;
import sa.mustafeed.core.staff.QueueCounts;
import sa.mustafeed.core.staff.QueuePage;
import sa.mustafeed.core.staff.QueueView;

/**
 * {@link WorkQueue} over an {@link InMemoryRequestRepository}: the open requests in due order
 * (waiting ones last), owners and the directory kept here. The cursor is an offset.
 */
public final class InMemoryWorkQueue implements WorkQueue {
    private final InMemoryRequestRepository requests;
    private final ServiceLevels levels;
    private final Map<ReferenceCode, Assignee> owners = new HashMap<>();
    private final Map<ReferenceCode, List<CaseEvent>> entries = new HashMap<>();
    private final Map<String, Assignee> directory = new HashMap<>();

    public InMemoryWorkQueue(InMemoryRequestRepository requests, ServiceLevels levels) {
        this.requests = requests;
        this.levels = levels;
    }

    @Override
    public synchronized QueuePage page(
            QueueView view, String me, Optional<Status> status, Optional<String> cursor, int pageSize) {
        int offset;
        try {
            offset = cursor.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
        List<CaseSummary> matching = open().stream()
                .filter(c -> switch (view) {
                    case OPEN -> true;
                    case MINE -> c.assignee().map(a -> a.id().equals(me)).orElse(false);
                    case UNASSIGNED -> c.assignee().isEmpty();
                    case ESCALATED ->
                        c.request().category() == sa.mustafeed.core.request.Category.COMPLAINT
                                && c.clock().respondedAt().isEmpty();
                })
                .filter(c -> status.map(s -> s == c.request().status()).orElse(true))
                .toList();
        List<CaseSummary> page = matching.stream().skip(offset).limit(pageSize).toList();
        int next = offset + page.size();
        return new QueuePage(page, next < matching.size() ? Optional.of(Integer.toString(next)) : Optional.empty());
    }

    @Override
    public synchronized QueueCounts counts(String me) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        long mine = 0;
        long unassigned = 0;
        List<CaseSummary> open = open();
        for (CaseSummary c : open) {
            byStatus.merge(c.request().status(), 1L, Long::sum);
            if (c.assignee().isEmpty()) {
                unassigned++;
            } else if (c.assignee().get().id().equals(me)) {
                mine++;
            }
        }
        return new QueueCounts(open.size(), mine, unassigned, byStatus);
    }

    @Override
    public synchronized void assign(ReferenceCode reference, Optional<Assignee> to, CaseEvent entry) {
        if (requests.find(reference).isEmpty()) {
            throw new RequestNotFoundException();
        }
        to.ifPresentOrElse(a -> owners.put(reference, a), () -> owners.remove(reference));
        requests.assigned(reference, to);
        entries.computeIfAbsent(reference, r -> new ArrayList<>()).add(entry);
    }

    /** The assignment entries written for a request (the repository's timeline holds the rest). */
    public synchronized List<CaseEvent> entriesOf(ReferenceCode reference) {
        return List.copyOf(entries.getOrDefault(reference, List.of()));
    }

    @Override
    public void clearMarks(ReferenceCode reference) {
        // the fake repository keeps no marks
    }

    @Override
    public synchronized void remember(Assignee staff, Instant at) {
        directory.put(staff.id(), staff);
    }

    @Override
    public synchronized List<Assignee> colleagues() {
        return directory.values().stream()
                .sorted(Comparator.comparing(Assignee::name))
                .toList();
    }

    @Override
    public synchronized Optional<Assignee> colleague(String id) {
        return Optional.ofNullable(directory.get(id));
    }

    private List<CaseSummary> open() {
        return requests.all().stream()
                .filter(r -> StatusMachine.isOpen(r.status()))
                .map(r -> requests.find(r.reference()).orElseThrow())
                .map(CaseFile::summary)
                .map(c -> new CaseSummary(
                        c.request(),
                        c.clock(),
                        c.possibleDuplicates(),
                        c.notReached(),
                        Optional.ofNullable(owners.get(c.request().reference())),
                        false,
                        false))
                .sorted(Comparator.comparing((CaseSummary c) -> c.request().status() == Status.WAITING_FOR_BENEFICIARY)
                        .thenComparing(c -> levels.dueAt(
                                c.request().category(),
                                c.request().submittedAt(),
                                c.clock().pausedMinutes())))
                .toList();
    }
}
