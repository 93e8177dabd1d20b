package sa.mustafeed.core.staff;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;

/** Everything staff see about one request: the request, its clock, who registered it, and its whole history. */
public record CaseFile(
        ServiceRequest request,
        CaseClock clock,
        Optional<String> registeredBy,
        List<ReferenceCode> possibleDuplicates,
        List<CaseEvent> events) {

    public CaseFile {
        possibleDuplicates = List.copyOf(possibleDuplicates);
        events = List.copyOf(events);
    }
}
