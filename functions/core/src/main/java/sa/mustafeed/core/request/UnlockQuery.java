package sa.mustafeed.core.request;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * What an owner sent to reopen a locked lookup, as it arrived: the reference and, once it came by
 * SMS, the unlock code; each null when absent. {@code shapeErrors} as in {@link LookupQuery}.
 */
public record UnlockQuery(String reference, String code, List<FieldError> shapeErrors) {

    public UnlockQuery {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** An ask for a code: the reference only. */
    public static UnlockQuery of(String reference) {
        return new UnlockQuery(reference, null, List.of());
    }

    /** A query that arrived as text in every field. */
    public static UnlockQuery of(String reference, String code) {
        return new UnlockQuery(reference, code, List.of());
    }
}
