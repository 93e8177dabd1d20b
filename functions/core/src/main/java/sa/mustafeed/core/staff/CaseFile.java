package sa.mustafeed.core.staff;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.notification.MessageDelivery;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * Everything staff see about one request: the request, its clock, who registered it, its whole
 * history, whether its latest message reached the beneficiary ({@code notReached}: it did not, so
 * someone should phone them) and what became of each message sent for it ({@code deliveries}, oldest
 * first). The case repository reads the request's own partition and leaves {@code deliveries} empty;
 * {@link CaseService#view} adds them from the delivery log.
 */
public record CaseFile(
        ServiceRequest request,
        CaseClock clock,
        Optional<String> registeredBy,
        List<ReferenceCode> possibleDuplicates,
        List<CaseEvent> events,
        boolean notReached,
        List<MessageDelivery> deliveries,
        Optional<Assignee> assignee) {

    public CaseFile {
        possibleDuplicates = List.copyOf(possibleDuplicates);
        events = List.copyOf(events);
        deliveries = List.copyOf(deliveries);
    }

    /** The file as the repository reads it: no deliveries yet. */
    public CaseFile(
            ServiceRequest request,
            CaseClock clock,
            Optional<String> registeredBy,
            List<ReferenceCode> possibleDuplicates,
            List<CaseEvent> events,
            boolean notReached) {
        this(request, clock, registeredBy, possibleDuplicates, events, notReached, List.of(), Optional.empty());
    }

    /** The file with its owner ({@code assignee}: who works on it; empty: nobody yet). */
    public CaseFile withAssignee(Optional<Assignee> owner) {
        return new CaseFile(request, clock, registeredBy, possibleDuplicates, events, notReached, deliveries, owner);
    }

    public CaseFile withDeliveries(List<MessageDelivery> messages) {
        return new CaseFile(request, clock, registeredBy, possibleDuplicates, events, notReached, messages, assignee);
    }

    /** The queue row of this request. */
    public CaseSummary summary() {
        return new CaseSummary(request, clock, possibleDuplicates, notReached, assignee, false, false);
    }
}
