package sa.mustafeed.core.request;

import java.util.List;
import sa.mustafeed.core.errors.FieldError;

/**
 * A beneficiary's new answer to "how should we contact you?", as it arrived from the tracking page:
 * the wire name of a {@link ContactMethod}, null when absent. {@code shapeErrors} carries what the
 * edge already found unreadable (a number where text belongs), so one answer lists every problem.
 */
public record ContactChoice(String preferredContact, List<FieldError> shapeErrors) {

    public ContactChoice {
        shapeErrors = shapeErrors == null ? List.of() : List.copyOf(shapeErrors);
    }

    /** A choice that arrived as text. */
    public static ContactChoice of(String preferredContact) {
        return new ContactChoice(preferredContact, List.of());
    }
}
