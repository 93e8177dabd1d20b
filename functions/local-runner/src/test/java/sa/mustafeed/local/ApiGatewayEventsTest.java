package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.RepositoryRoot;

/** The payload 2.0 event the runner builds, and the answer it makes of a function's output, as API Gateway does. */
class ApiGatewayEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:30:05.123Z");

    private static ApiGatewayEvents.Incoming request(
            String method, String uri, Map<String, List<String>> headers, byte[] body) {
        return new ApiGatewayEvents.Incoming(method, URI.create(uri), headers, "127.0.0.1", body);
    }

    private static Map<String, Object> build(ApiGatewayEvents.Incoming request) {
        return ApiGatewayEvents.event(request, "POST /requests/lookup", Map.of(), Optional.empty(), "req-1", NOW);
    }

    @Test
    void theEvent_hasTheShapeOfTheSampleEventsTheHandlerTestsFeed() throws Exception {
        Map<String, Object> sample =
                Json.readObject(Files.readAllBytes(RepositoryRoot.resolve("events/lookup-request/found.json")));
        Map<String, Object> event = build(request(
                "post",
                "/requests/lookup",
                Map.of("Content-Type", List.of("application/json")),
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(sample.keySet(), event.keySet());
        assertEquals(
                ((Map<?, ?>) sample.get("requestContext")).keySet(),
                ((Map<?, ?>) event.get("requestContext")).keySet());
        assertEquals("2.0", event.get("version"));
        Map<?, ?> context = (Map<?, ?>) event.get("requestContext");
        assertEquals("25/Nov/2026:08:30:05 +0000", context.get("time"));
        assertEquals(NOW.toEpochMilli(), context.get("timeEpoch"));
        assertEquals("req-1", context.get("requestId"));
        assertEquals("POST /requests/lookup", context.get("routeKey"));
        assertEquals(
                Map.of(
                        "method",
                        "POST",
                        "path",
                        "/requests/lookup",
                        "protocol",
                        "HTTP/1.1",
                        "sourceIp",
                        "127.0.0.1",
                        "userAgent",
                        ""),
                context.get("http"));
    }

    @Test
    void headers_areLowerCased_andRepeatsJoinedWithCommas() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", List.of("10.0.0.1", "10.0.0.2"));
        headers.put("User-Agent", List.of("kiosk/1"));
        headers.put("Host", List.of("127.0.0.1:3000"));
        Map<String, Object> event = build(request("GET", "/staff/requests", headers, new byte[0]));

        assertEquals(
                Map.of("x-forwarded-for", "10.0.0.1,10.0.0.2", "user-agent", "kiosk/1", "host", "127.0.0.1:3000"),
                event.get("headers"));
        Map<?, ?> context = (Map<?, ?>) event.get("requestContext");
        assertEquals("127.0.0.1:3000", context.get("domainName"));
        assertEquals("kiosk/1", ((Map<?, ?>) context.get("http")).get("userAgent"));
    }

    @Test
    void theQuery_isKeptRaw_andDecodedWithRepeatsJoinedWithCommas() {
        Map<String, Object> event = build(request(
                "GET",
                "/staff/requests?q=%D8%B3%D8%A7%D8%B1%D8%A9&status=received" + "&status=in_review&empty",
                Map.of(),
                new byte[0]));

        assertEquals("q=%D8%B3%D8%A7%D8%B1%D8%A9&status=received&status=in_review&empty", event.get("rawQueryString"));
        assertEquals(
                Map.of("q", "سارة", "status", "received,in_review", "empty", ""), event.get("queryStringParameters"));
        assertFalse(
                build(request("GET", "/staff/requests", Map.of(), new byte[0])).containsKey("queryStringParameters"));
        assertEquals(
                "",
                build(request("GET", "/staff/requests", Map.of(), new byte[0])).get("rawQueryString"));
    }

    @Test
    void pathParametersAndClaims_appearOnlyWhenThereAreSome() {
        Map<String, Object> withBoth = ApiGatewayEvents.event(
                request("GET", "/staff/requests/MHF5-Q2N7", Map.of(), new byte[0]),
                "GET /staff/requests/{reference}",
                Map.of("reference", "MHF5-Q2N7"),
                Optional.of(Map.of("sub", "u-1", "cognito:groups", "[staff]")),
                "req-2",
                NOW);

        assertEquals(Map.of("reference", "MHF5-Q2N7"), withBoth.get("pathParameters"));
        assertEquals(
                Map.of("jwt", Map.of("claims", Map.of("sub", "u-1", "cognito:groups", "[staff]"), "scopes", List.of())),
                ((Map<?, ?>) withBoth.get("requestContext")).get("authorizer"));
        Map<String, Object> without = build(request("GET", "/requests/lookup", Map.of(), new byte[0]));
        assertFalse(without.containsKey("pathParameters"));
        assertFalse(((Map<?, ?>) without.get("requestContext")).containsKey("authorizer"));
    }

    @Test
    void textBodies_travelAsText_otherBodiesAsBase64_noBodyAsNone() {
        byte[] json = "{\"name\":\"سارة\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> text = build(
                request("POST", "/requests", Map.of("content-type", List.of("application/json; charset=utf-8")), json));
        assertEquals("{\"name\":\"سارة\"}", text.get("body"));
        assertEquals(false, text.get("isBase64Encoded"));

        byte[] pdf = {0x25, 0x50, 0x44, 0x46, (byte) 0xFF, 0x00};
        Map<String, Object> binary =
                build(request("POST", "/x", Map.of("content-type", List.of("application/pdf")), pdf));
        assertEquals(Base64.getEncoder().encodeToString(pdf), binary.get("body"));
        assertEquals(true, binary.get("isBase64Encoded"));

        Map<String, Object> none =
                build(request("POST", "/x", Map.of("content-type", List.of("application/pdf")), new byte[0]));
        assertFalse(none.containsKey("body"));
        assertEquals(false, none.get("isBase64Encoded"));
        for (String type : List.of("", "text/csv", "application/xml", "application/x-www-form-urlencoded")) {
            Map<String, List<String>> headers = type.isEmpty() ? Map.of() : Map.of("content-type", List.of(type));
            assertEquals(false, build(request("POST", "/x", headers, json)).get("isBase64Encoded"), type);
        }
    }

    @Test
    void theAnswer_isTheFunctionsStatusHeadersAndBody_base64Decoded() throws Exception {
        ApiGatewayEvents.Answer json = ApiGatewayEvents.answer(Json.write(Map.of(
                        "statusCode",
                        201,
                        "headers",
                        Map.of("content-type", "application/json"),
                        "body",
                        "{\"ok\":true}"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, json.status());
        assertEquals(Map.of("content-type", "application/json"), json.headers());
        assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), json.body());

        byte[] pdf = {0x25, 0x50, 0x44, 0x46, (byte) 0xFF};
        ApiGatewayEvents.Answer binary = ApiGatewayEvents.answer(Json.write(Map.of(
                        "statusCode", 200, "body", Base64.getEncoder().encodeToString(pdf), "isBase64Encoded", true))
                .getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(pdf, binary.body());

        ApiGatewayEvents.Answer bare = ApiGatewayEvents.answer("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, bare.status(), "API Gateway's default when the function names no status");
        assertTrue(bare.headers().isEmpty());
        assertEquals(0, bare.body().length);
    }
}
