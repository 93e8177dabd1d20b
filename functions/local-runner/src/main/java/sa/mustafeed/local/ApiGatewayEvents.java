package sa.mustafeed.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.http.Json;

/**
 * What API Gateway's HTTP API does around a function, as data: the payload format 2.0 event it
 * builds from an HTTP request, and the HTTP answer it makes of the function's output. The local
 * runner's own part is only moving bytes between these and the socket, so handler code cannot tell
 * the two apart.
 */
final class ApiGatewayEvents {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {}

    /** An HTTP request as it reached the runner; header names in any case, repeats as separate values. */
    record Incoming(String method, URI uri, Map<String, List<String>> headers, String sourceIp, byte[] body) {}

    /** The function's answer as HTTP: status, headers, body bytes (decoded when the function sent base64). */
    record Answer(int status, Map<String, String> headers, byte[] body) {}

    /**
     * The event for payload format 2.0: header names lower-case and repeats joined by commas,
     * repeated query parameters joined by commas, a body that is not text base64-encoded, and the
     * JWT authorizer's claims when the route has one.
     */
    static Map<String, Object> event(
            Incoming request,
            String routeKey,
            Map<String, String> pathParameters,
            Optional<Map<String, String>> claims,
            String requestId,
            Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty()
                || contentType.startsWith("text/")
                || contentType.contains("json")
                || contentType.contains("xml")
                || contentType.contains("x-www-form-urlencoded");
        String method = request.method().toUpperCase(Locale.ROOT);
        String path = request.uri().getRawPath();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        context.put("domainPrefix", "local");
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        claims.ifPresent(c -> context.put("authorizer", Map.of("jwt", Map.of("claims", c, "scopes", List.of()))));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        String rawQuery = Optional.ofNullable(request.uri().getRawQuery()).orElse("");
        event.put("rawQueryString", rawQuery);
        if (!rawQuery.isEmpty()) {
            event.put("queryStringParameters", queryParameters(rawQuery));
        }
        event.put("headers", headers);
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", context);
        byte[] body = request.body();
        if (body.length > 0) {
            event.put(
                    "body",
                    text
                            ? new String(body, StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", body.length > 0 && !text);
        return event;
    }

    /** Payload 2.0: repeated parameters are joined with commas. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** The function's output (statusCode, headers, body, isBase64Encoded) as an HTTP answer; 200 when unsaid. */
    static Answer answer(byte[] output) throws IOException {
        Map<String, Object> answer = Json.readObject(output);
        int status = ((Number) answer.getOrDefault("statusCode", 200)).intValue();
        Map<String, String> headers = new LinkedHashMap<>();
        if (answer.get("headers") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        }
        Object rawBody = answer.get("body");
        byte[] bytes = rawBody == null
                ? new byte[0]
                : Boolean.TRUE.equals(answer.get("isBase64Encoded"))
                        ? Base64.getDecoder().decode(rawBody.toString())
                        : rawBody.toString().getBytes(StandardCharsets.UTF_8);
        return new Answer(status, headers, bytes);
    }
}
