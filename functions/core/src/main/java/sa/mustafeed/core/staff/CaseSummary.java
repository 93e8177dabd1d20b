package sa.mustafeed.core.staff;

import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * A queue row: the request with its clock and duplicate flags, without its history.
 * {@code notReached}: the latest message to the beneficiary did not reach them (someone should phone).
 */
public record CaseSummary(
        ServiceRequest request, CaseClock clock, List<ReferenceCode> possibleDuplicates, boolean notReached) {
    public CaseSummary {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }
}
