package sa.mustafeed.core.staff;

import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;

/** A queue row: the request with its clock and duplicate flags, without its history. */
public record CaseSummary(ServiceRequest request, CaseClock clock, List<ReferenceCode> possibleDuplicates) {
    public CaseSummary {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }
}
