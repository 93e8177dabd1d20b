package sa.mustafeed.core.errors;

import java.util.Objects;
import java.util.Optional;

/** One thing wrong with the input; {@code field} is the JSON field name, absent for the body as a whole. */
public record FieldError(Optional<String> field, ErrorCode code) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }

    public static FieldError of(String field, ErrorCode code) {
        return new FieldError(Optional.of(field), code);
    }

    public static FieldError general(ErrorCode code) {
        return new FieldError(Optional.empty(), code);
    }
}
