package sa.mustafeed.core.request;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * What a beneficiary typed to follow a request, as it arrived: the reference and either the last four
 * digits of the mobile or, for an anonymous request, its tracking code; each null when absent.
 * {@code shapeErrors} carries what the edge already found unreadable (a number where text belongs),
 * so one answer lists every problem at once.
 */
public record LookupQuery(String reference, String mobileLast4, String trackingCode, List<FieldError> shapeErrors) {

    public LookupQuery {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** A query proved by the mobile's digits. */
    public LookupQuery(String reference, String mobileLast4, List<FieldError> shapeErrors) {
        this(reference, mobileLast4, null, shapeErrors);
    }

    /** True when the caller offers a tracking code: the request must then be an anonymous one. */
    public boolean byTrackingCode() {
        return trackingCode != null && !trackingCode.isBlank();
    }

    /** A query that arrived as text in every field. */
    public static LookupQuery of(String reference, String mobileLast4) {
        return new LookupQuery(reference, mobileLast4, List.of());
    }
}
