package sa.mustafeed.core.request;

import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * Facts about how a request was registered: the employee who entered it (absent for the public
 * channels) and the beneficiary's other open requests, flagged so staff can merge or answer together.
 */
public record Registration(
        Optional<String> registeredBy,
        List<ReferenceCode> possibleDuplicates,
        Optional<java.time.Instant> dueAt,
        Optional<String> registrarId) {
    public static final Registration PUBLIC = new Registration(Optional.empty(), List.of());

    /**
     * @param registrarId the identity provider's id of whoever registered it: the request is then
     *     listed among their registrations ({@code CaseRepository#registeredBy})
     */
    public Registration(
            Optional<String> registeredBy, List<ReferenceCode> possibleDuplicates, Optional<java.time.Instant> dueAt) {
        this(registeredBy, possibleDuplicates, dueAt, Optional.empty());
    }

    public Registration {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    /** Without a due time: the work queue then sorts the request as due when it arrived. */
    public Registration(Optional<String> registeredBy, List<ReferenceCode> possibleDuplicates) {
        this(registeredBy, possibleDuplicates, Optional.empty());
    }
}
