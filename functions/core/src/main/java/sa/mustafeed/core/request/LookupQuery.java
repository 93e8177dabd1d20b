package sa.mustafeed.core.request;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * What a beneficiary typed to follow a request, as it arrived: the reference and the last four
 * digits of the mobile, each null when absent. {@code shapeErrors} carries what the edge already
 * found unreadable (a number where text belongs), so one answer lists every problem at once.
 */
public record LookupQuery(String reference, String mobileLast4, List<FieldError> shapeErrors) {

    public LookupQuery {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** A query that arrived as text in every field. */
    public static LookupQuery of(String reference, String mobileLast4) {
        return new LookupQuery(reference, mobileLast4, List.of());
    }
}
