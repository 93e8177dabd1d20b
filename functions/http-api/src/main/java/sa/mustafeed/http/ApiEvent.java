package sa.mustafeed.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) event the handlers use. Header names are
 * lower-cased as API Gateway delivers them, so lookups are case-insensitive either way.
 */
public record ApiEvent(
        String method,
        String path,
        Map<String, String> headers,
        byte[] body,
        String sourceIp,
        String requestId,
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> claims) {

    /** A query-string parameter, absent when missing or empty. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @SuppressWarnings("unchecked")
    static ApiEvent fromMap(Map<String, Object> event) {
        Map<String, Object> context =
                event.get("requestContext") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> http = context.get("http") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, String> headers = new HashMap<>();
        if (event.get("headers") instanceof Map<?, ?> raw) {
            raw.forEach((k, v) -> headers.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        byte[] body = new byte[0];
        if (event.get("body") instanceof String text) {
            body = Boolean.TRUE.equals(event.get("isBase64Encoded"))
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> authorizer =
                context.get("authorizer") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> jwt = authorizer.get("jwt") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new ApiEvent(
                String.valueOf(http.getOrDefault("method", "")),
                String.valueOf(event.getOrDefault("rawPath", http.getOrDefault("path", ""))),
                Map.copyOf(headers),
                body,
                String.valueOf(http.getOrDefault("sourceIp", "")),
                String.valueOf(context.getOrDefault("requestId", "")),
                String.valueOf(event.getOrDefault("routeKey", "")),
                strings(event.get("pathParameters")),
                strings(event.get("queryStringParameters")),
                strings(jwt.get("claims")));
    }

    private static Map<String, String> strings(Object raw) {
        Map<String, String> out = new HashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return Map.copyOf(out);
    }
}
