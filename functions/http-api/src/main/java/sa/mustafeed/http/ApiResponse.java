package sa.mustafeed.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway HTTP API (payload 2.0) answer: status, headers, JSON body. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

    static final Map<String, String> BASE_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            // Answers carry personal data or per-request state: never cache them anywhere.
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    public static ApiResponse json(int statusCode, String body) {
        return new ApiResponse(statusCode, BASE_HEADERS, body);
    }

    /** A download (CSV): never cached, offered as a file with this name. */
    public static ApiResponse download(String contentType, String fileName, String body) {
        return new ApiResponse(
                200,
                Map.of(
                        "content-type",
                        contentType,
                        "cache-control",
                        "no-store",
                        "x-content-type-options",
                        "nosniff",
                        "content-disposition",
                        "attachment; filename=\"" + fileName + "\""),
                body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, Map.copyOf(copy), body);
    }

    Map<String, Object> toMap() {
        return Map.of("statusCode", statusCode, "headers", headers, "body", body, "isBase64Encoded", false);
    }
}
