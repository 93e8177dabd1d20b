package sa.mustafeed.core.staff;

import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * A beneficiary already known when staff register a new request: their latest request (whose
 * contact details prefill the form) and the references of every request they have.
 */
public record ReturningBeneficiary(ServiceRequest latest, List<ReferenceCode> requests) {
    public ReturningBeneficiary {
        requests = List.copyOf(requests);
    }
}
