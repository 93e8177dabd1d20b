package sa.mustafeed.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.request.RequestDraft;

/** Reads the JSON body of a new request into a draft, noting every field that has the wrong JSON type. */
public final class RequestDrafts {
    private RequestDrafts() {}

    /** A public submission: a {@code receivedAt} in the body is ignored (the clock starts on arrival). */
    public static RequestDraft fromJson(Map<String, Object> body) {
        return read(body, false);
    }

    /** A request registered by staff, who may say when a letter, call or visit reached them. */
    public static RequestDraft fromStaffJson(Map<String, Object> body) {
        return read(body, true);
    }

    private static RequestDraft read(Map<String, Object> body, boolean staff) {
        List<FieldError> shapeErrors = new ArrayList<>();
        Fields fields = new Fields(body, "", shapeErrors);
        RequestDraft.OnBehalfDraft onBehalf = null;
        Object rawOnBehalf = body.get("onBehalf");
        if (rawOnBehalf instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Fields nested = new Fields((Map<String, Object>) map, "onBehalf.", shapeErrors);
            onBehalf = new RequestDraft.OnBehalfDraft(nested.text("beneficiaryName"), nested.text("relationship"));
        } else if (rawOnBehalf != null) {
            shapeErrors.add(FieldError.of("onBehalf", ErrorCode.INVALID_TYPE));
        }
        return new RequestDraft(
                fields.text("category"),
                fields.text("channel"),
                fields.text("name"),
                fields.text("mobile"),
                fields.text("email"),
                fields.text("nationalId"),
                fields.text("city"),
                fields.text("description"),
                fields.text("preferredContact"),
                fields.text("language"),
                fields.bool("consent"),
                onBehalf,
                shapeErrors,
                staff ? fields.text("receivedAt") : null,
                fields.bool("anonymous"),
                fields.bool("aboutStaff"));
    }

    private record Fields(Map<String, Object> body, String prefix, List<FieldError> shapeErrors) {
        String text(String name) {
            Object value = body.get(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            // People type IDs and phones as numbers in hand-written clients; accept integral numbers.
            if ((name.equals("mobile") || name.equals("nationalId"))
                    && (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
                return value.toString();
            }
            shapeErrors.add(FieldError.of(prefix + name, ErrorCode.INVALID_TYPE));
            return null;
        }

        Boolean bool(String name) {
            Object value = body.get(name);
            if (value == null || value instanceof Boolean) {
                return (Boolean) value;
            }
            shapeErrors.add(FieldError.of(prefix + name, ErrorCode.INVALID_TYPE));
            return null;
        }
    }
}
