package sa.mustafeed.core.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every problem of one command, listed in the order of its fields however they were found. The
 * parser at the edge reports the fields whose JSON type was wrong (a command's {@code shapeErrors});
 * the rules here add the rest. An answer lists them field by field, as a person reads the form, and
 * as the routes did when both checks lived in one place: without this, a parser's error would jump
 * ahead of the rule's error on an earlier field.
 */
public final class FieldErrors {
    private final List<String> fieldOrder;
    private final List<FieldError> errors;
    private final Set<String> unreadable = new HashSet<>();

    /**
     * @param shapeErrors what the parser found (each names a field)
     * @param fieldOrder the command's fields in the order the form shows them; {@code answers} also
     *     places {@code answers.speed}
     */
    public FieldErrors(List<FieldError> shapeErrors, String... fieldOrder) {
        this.fieldOrder = List.of(fieldOrder);
        this.errors = new ArrayList<>(shapeErrors);
        shapeErrors.forEach(e -> e.field().ifPresent(unreadable::add));
    }

    /** False when the parser already refused this field: the rules leave it alone (one error per field). */
    public boolean readable(String field) {
        return !unreadable.contains(field);
    }

    public void add(String field, ErrorCode code) {
        errors.add(FieldError.of(field, code));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws InvalidInputException listing every error in field order, when there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            List<FieldError> ordered = new ArrayList<>(errors);
            // List.sort is stable: errors of one field keep the order they were found in.
            ordered.sort(Comparator.comparingInt(this::rank));
            throw new InvalidInputException(ordered);
        }
    }

    private int rank(FieldError error) {
        String field = error.field().orElse("");
        for (int i = 0; i < fieldOrder.size(); i++) {
            String known = fieldOrder.get(i);
            if (field.equals(known) || field.startsWith(known + ".")) {
                return i;
            }
        }
        return fieldOrder.size();
    }
}
