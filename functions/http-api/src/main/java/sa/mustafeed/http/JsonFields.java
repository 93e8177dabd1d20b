package sa.mustafeed.http;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;

/**
 * The fields of one JSON body, read into Java types for a command. A field of the wrong JSON type
 * is noted with the code the route answers for it and read as absent, so the rules in core (which
 * skip a field already noted) list every problem at once. Nothing here throws except
 * {@link #requiredText}, for routes whose only field is that text.
 */
public final class JsonFields {
    private final Map<String, Object> body;
    private final List<FieldError> shapeErrors = new ArrayList<>();

    public JsonFields(Map<String, Object> body) {
        this.body = body;
    }

    /** Text, or null when absent; anything else is noted as {@code whenNotText}. */
    public String text(String name, ErrorCode whenNotText) {
        Object value = body.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        shapeErrors.add(FieldError.of(name, whenNotText));
        return null;
    }

    /** Text, or null when absent or of another type (which this field's rules treat as absent). */
    public String textOrNull(String name) {
        return body.get(name) instanceof String s ? s : null;
    }

    /** True, false, or null when absent; anything else is noted as {@code invalid_type}. */
    public Boolean bool(String name) {
        Object value = body.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        shapeErrors.add(FieldError.of(name, ErrorCode.INVALID_TYPE));
        return null;
    }

    /**
     * A whole number (also one written {@code 5.0}), or null when absent; a fraction or another type
     * is noted as {@code invalid_type}. Beyond a {@code long} it reads as the nearest {@code long},
     * which no rule accepts either.
     */
    public Long wholeNumber(String name) {
        Object value = body.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue())) {
            return value instanceof Integer || value instanceof Long ? n.longValue() : saturated(n);
        }
        shapeErrors.add(FieldError.of(name, ErrorCode.INVALID_TYPE));
        return null;
    }

    /** A JSON integer (not {@code 5.0}) that fits a {@code long}, or empty. */
    public static java.util.Optional<Long> integer(Object value) {
        return value instanceof Integer || value instanceof Long
                ? java.util.Optional.of(((Number) value).longValue())
                : java.util.Optional.empty();
    }

    /** What this body's fields had of the wrong type, in the order they were read. */
    public List<FieldError> shapeErrors() {
        return List.copyOf(shapeErrors);
    }

    /**
     * The one text field a route needs: absent is {@code required}, another type {@code invalid_type}.
     *
     * @throws InvalidInputException when it is not text
     */
    public static String requiredText(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (!(value instanceof String text)) {
            throw new InvalidInputException(
                    FieldError.of(name, value == null ? ErrorCode.REQUIRED : ErrorCode.INVALID_TYPE));
        }
        return text;
    }

    private static long saturated(Number n) {
        if (n instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return (long) n.doubleValue(); // the cast saturates, and Infinity reads as Long.MAX_VALUE
    }
}
