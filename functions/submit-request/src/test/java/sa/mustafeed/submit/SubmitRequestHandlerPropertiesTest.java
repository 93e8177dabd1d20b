package sa.mustafeed.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.request.RequestRules;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.SubmissionService;
import sa.mustafeed.http.Json;

/**
 * {@code POST /requests} end to end through the handler (real event JSON in, API Gateway answer out)
 * against the in-memory store, for bodies and headers no kiosk would send: every answer is a 201 with
 * a correct receipt or a 4xx with the public error shape; nothing escapes, nothing is a 500, and a
 * refused submission stores nothing.
 */
class SubmitRequestHandlerPropertiesTest {
    private static final Set<Integer> EXPECTED = Set.of(201, 400, 409, 413, 415);

    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final SubmitRequestHandler handler = new SubmitRequestHandler(new SubmissionService(
            RequestRules.forPublicChannels(),
            repository,
            SampleDrafts.HASHER,
            SampleDrafts.clockAt(SampleDrafts.NOW),
            new SecureRandom(),
            "2026-11"));

    static byte[] event(String body, Map<String, String> headers) {
        Map<String, Object> http = Map.of(
                "method",
                "POST",
                "path",
                "/requests",
                "protocol",
                "HTTP/1.1",
                "sourceIp",
                "203.0.113.10",
                "userAgent",
                "kiosk");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "POST /requests");
        event.put("rawPath", "/requests");
        event.put("headers", headers);
        event.put("requestContext", Map.of("http", http, "requestId", "prop", "routeKey", "POST /requests"));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    @SuppressWarnings("unchecked")
    private static void assertAnswerShape(Map<String, Object> response) throws Exception {
        int status = ((Number) response.get("statusCode")).intValue();
        assertTrue(EXPECTED.contains(status), "status " + status + ": " + response.get("body"));
        Map<String, Object> body = Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
        if (status == 201) {
            assertTrue(((String) body.get("reference")).matches("[2-9A-HJKMNP-TV-Y]{4}-[2-9A-HJKMNP-TV-Y]{4}"));
            assertEquals("received", body.get("status"));
            return;
        }
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertFalse(errors.isEmpty());
        for (Map<String, Object> error : errors) {
            assertTrue(((String) error.get("code")).matches("[a-z0-9_]+"));
            Map<String, String> message = (Map<String, String>) error.get("message");
            assertFalse(message.get("ar").isBlank());
            assertFalse(message.get("en").isBlank());
        }
    }

    @Property(tries = 1000)
    void anyBodyAndKey_answerAReceiptOrAClearRefusal(
            @ForAll("bodies") String body, @ForAll("keys") String key, @ForAll("contentTypes") String contentType)
            throws Exception {
        int before = repository.size();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        if (!key.isEmpty()) {
            headers.put("idempotency-key", key);
        }
        Map<String, Object> response = invoke(event(body, headers));
        assertAnswerShape(response);
        int status = ((Number) response.get("statusCode")).intValue();
        boolean replay = "true".equals(((Map<?, ?>) response.get("headers")).get("idempotent-replayed"));
        assertEquals(status == 201 && !replay ? before + 1 : before, repository.size(), "stored count after " + status);
    }

    @Property(tries = 500)
    void oneFieldOfAValidBody_replacedByNastyText_isStoredCleanOrRefused(
            @ForAll("fields") String field, @ForAll("nastyText") String value) throws Exception {
        Map<String, Object> body = valid();
        body.put(field, value);
        Map<String, Object> response = invoke(event(Json.write(body), Map.of("content-type", "application/json")));
        assertAnswerShape(response);
        if (((Number) response.get("statusCode")).intValue() == 201) {
            ServiceRequest stored = repository.all().getLast();
            for (String text : List.of(stored.name(), stored.city(), stored.description())) {
                assertTrue(
                        text.codePoints()
                                .noneMatch(
                                        cp -> Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t'),
                        "control character stored in " + field);
            }
            assertTrue(stored.mobile().matches("\\+[1-9][0-9]{7,14}"));
        }
    }

    static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "service");
        body.put("channel", "kiosk");
        body.put("name", "سارة العتيبي");
        body.put("mobile", "٠٥٠١٢٣٤٥٦٧");
        body.put("city", "مكة المكرمة");
        body.put("description", "أحتاج إلى كرسي متحرك لابني.");
        body.put("preferredContact", "sms");
        body.put("language", "ar");
        body.put("consent", true);
        return body;
    }

    @Provide
    static Arbitrary<String> nastyText() {
        Arbitrary<String> pieces = Arbitraries.of(
                "سارة",
                "Sara",
                "😀",
                "👩🏽‍⚕️",
                "\u0000",
                "\u0007",
                "\u202E",
                "\u200F",
                "\n",
                "\r\n",
                "\t",
                "<script>alert(1)</script>",
                "\"",
                "\\",
                "\uD800",
                "\uDC00",
                "\u0301",
                " ",
                "٠٥",
                "0501234567",
                "+966501234567",
                "١٥٢٦٠١٨١٥٣",
                "a@b.sa",
                "\uFEFF",
                "ﷺ",
                "𝕏");
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings().all().ofMinLength(1990).ofMaxLength(8000),
                pieces.list().ofMaxSize(20).map(p -> String.join("", p)));
    }

    @Provide
    static Arbitrary<String> fields() {
        return Arbitraries.of(
                "category",
                "channel",
                "name",
                "mobile",
                "email",
                "nationalId",
                "city",
                "description",
                "preferredContact",
                "language");
    }

    @Provide
    static Arbitrary<String> bodies() {
        Arbitrary<String> mutated = Arbitraries.maps(fields(), nastyText().map(s -> (Object) s))
                .ofMaxSize(5)
                .map(changes -> {
                    Map<String, Object> body = valid();
                    body.putAll(changes);
                    return Json.write(body);
                });
        return Arbitraries.oneOf(
                mutated,
                Arbitraries.just(Json.write(valid())),
                nastyText(),
                Arbitraries.of(
                        "",
                        "null",
                        "[]",
                        "{}",
                        "{\"consent\":\"true\"}",
                        "{\"onBehalf\":[]}",
                        "{\"mobile\":501234567}",
                        "{\"mobile\":1e308}",
                        "{\"name\":{\"$ne\":null}}"),
                Arbitraries.integers().between(1, 40_000).map(n -> "{\"description\":\"" + "x".repeat(n) + "\"}"));
    }

    @Provide
    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(140),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("same-key", "same-key", "k\u0000", "k y"));
    }

    @Provide
    static Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                        Arbitraries.just("application/json"),
                        Arbitraries.of(
                                "application/json; charset=utf-8",
                                "text/plain",
                                "",
                                "application/x-www-form-urlencoded"),
                        Arbitraries.strings().all().ofMaxLength(20))
                .injectDuplicates(0.5);
    }
}
