package sa.mustafeed.core.errors;

import java.util.List;

/** The input broke one or more rules; nothing was stored. */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: "
                + errors.stream()
                        .map(e -> e.field().orElse("-") + "=" + e.code().code())
                        .toList());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
