package sa.mustafeed.core.staff;

import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * A queue row: the request with its clock and duplicate flags, without its history.
 * {@code notReached}: the latest message to the beneficiary did not reach them (someone should phone);
 * {@code beneficiaryReplied} / {@code newDocument}: they wrote or sent a document since staff last
 * opened it; {@code assignee}: who owns it.
 */
public record CaseSummary(
        ServiceRequest request,
        CaseClock clock,
        List<ReferenceCode> possibleDuplicates,
        boolean notReached,
        java.util.Optional<Assignee> assignee,
        boolean beneficiaryReplied,
        boolean newDocument) {
    public CaseSummary {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    /** A row nobody owns, without marks from the beneficiary. */
    public CaseSummary(
            ServiceRequest request, CaseClock clock, List<ReferenceCode> possibleDuplicates, boolean notReached) {
        this(request, clock, possibleDuplicates, notReached, java.util.Optional.empty(), false, false);
    }
}
