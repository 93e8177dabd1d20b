package sa.mustafeed.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;

/** Reads a request body as a JSON object, refusing anything else with a clear error before parsing. */
public final class JsonBodies {
    /** A full request is about 3 KB of UTF-8 at the longest description; 16 KB leaves room, not abuse. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private JsonBodies() {}

    public static Map<String, Object> object(ApiEvent event) {
        String contentType =
                event.header("content-type").orElse("").toLowerCase(Locale.ROOT).strip();
        if (!(contentType.equals("application/json") || contentType.startsWith("application/json;"))) {
            throw new InvalidInputException(FieldError.general(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
        }
        if (event.body().length > MAX_BODY_BYTES) {
            throw new InvalidInputException(FieldError.general(ErrorCode.PAYLOAD_TOO_LARGE));
        }
        try {
            Map<String, Object> body = Json.readObject(event.body());
            if (body == null) {
                throw new InvalidInputException(FieldError.general(ErrorCode.MALFORMED_JSON));
            }
            return body;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(FieldError.general(ErrorCode.MALFORMED_JSON));
        }
    }
}
