package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.request.RequestDraft;
import sa.mustafeed.core.request.RequestRules;

/**
 * The body parsers for anything a client sends: {@link JsonBodies#object} gives a JSON object or a
 * 400/413/415 reason, {@link RequestDrafts#fromJson} reads any JSON object into a draft (noting
 * wrong types), and the rules then accept it or name every field at fault. Never another exception.
 */
class JsonBodyPropertiesTest {
    private static final Set<String> FIELDS = Set.of(
            "category",
            "channel",
            "name",
            "mobile",
            "email",
            "nationalId",
            "city",
            "description",
            "preferredContact",
            "language",
            "consent",
            "onBehalf",
            "onBehalf.beneficiaryName",
            "onBehalf.relationship");

    private static ApiEvent event(String contentType, byte[] body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return new ApiEvent(
                "POST",
                "/requests",
                headers,
                body,
                "203.0.113.10",
                "r",
                "POST /requests",
                Map.of(),
                Map.of(),
                Map.of());
    }

    // ------------------------------------------------------------------ raw bytes

    @Property(tries = 2000)
    void object_anyBytes_giveAnObjectOrAClearRefusal(
            @ForAll("bodies") byte[] body, @ForAll("contentTypes") String type) {
        try {
            Map<String, Object> parsed = JsonBodies.object(event(type, body));
            assertTrue(parsed != null);
        } catch (InvalidInputException refused) {
            assertEquals(1, refused.errors().size());
            ErrorCode code = refused.errors().getFirst().code();
            assertTrue(
                    Set.of(ErrorCode.MALFORMED_JSON, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE)
                            .contains(code),
                    code.code());
            int status = ErrorAnswers.of(refused).statusCode();
            assertTrue(status == 400 || status == 413 || status == 415, "status " + status);
        }
    }

    @Property
    void object_nonJsonContentType_isAlways415(@ForAll("bodies") byte[] body, @ForAll("otherTypes") String type) {
        try {
            JsonBodies.object(event(type, body));
            fail("accepted content type " + type);
        } catch (InvalidInputException refused) {
            assertEquals(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    refused.errors().getFirst().code());
        }
    }

    // ------------------------------------------------------------------ JSON-ish objects

    @Property(tries = 2000)
    void drafts_anyJsonObject_isValidOrEveryFaultIsNamed(@ForAll("submissions") Map<String, Object> body) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> parsed;
        try {
            parsed = JsonBodies.object(event("application/json", bytes));
        } catch (InvalidInputException tooLarge) {
            assertEquals(
                    ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.errors().getFirst().code());
            assertTrue(bytes.length > JsonBodies.MAX_BODY_BYTES);
            return;
        }
        RequestDraft draft = RequestDrafts.fromJson(parsed);
        for (FieldError shape : draft.shapeErrors()) {
            assertEquals(ErrorCode.INVALID_TYPE, shape.code());
            assertTrue(FIELDS.contains(shape.field().orElseThrow()), shape.toString());
        }
        try {
            RequestRules.forPublicChannels().validate(draft);
            assertTrue(draft.shapeErrors().isEmpty(), "valid despite wrong types");
        } catch (InvalidInputException refused) {
            assertFalse(refused.errors().isEmpty());
            for (FieldError error : refused.errors()) {
                assertTrue(error.field().map(FIELDS::contains).orElse(false), "unexpected " + error);
            }
            assertEquals(400, ErrorAnswers.of(refused).statusCode());
        }
    }

    @Property
    void drafts_oneFieldReplacedByAnything_isAcceptedOrThatFieldIsNamed(
            @ForAll("fieldNames") String field, @ForAll("jsonValues") Object value) {
        Map<String, Object> body = validBody();
        if (field.startsWith("onBehalf.")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = new LinkedHashMap<>((Map<String, Object>) body.get("onBehalf"));
            nested.put(field.substring("onBehalf.".length()), value);
            body.put("onBehalf", nested);
        } else {
            body.put(field, value);
        }
        try {
            RequestRules.forPublicChannels().validate(RequestDrafts.fromJson(body));
        } catch (InvalidInputException refused) {
            List<String> named =
                    refused.errors().stream().map(e -> e.field().orElse("")).toList();
            assertTrue(
                    named.stream()
                            .allMatch(f -> f.equals(field)
                                    || f.startsWith(field + ".")
                                    || (field.equals("preferredContact") || field.equals("email"))
                                            && f.equals("email")),
                    "changing " + field + " blamed " + named);
        }
    }

    // ------------------------------------------------------------------ generators

    static Map<String, Object> validBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "service");
        body.put("channel", "kiosk");
        body.put("name", "سارة العتيبي");
        body.put("mobile", "٠٥٠١٢٣٤٥٦٧");
        body.put("email", "sara@example.org");
        body.put("nationalId", "1526018153");
        body.put("city", "مكة المكرمة");
        body.put("description", "أحتاج إلى كرسي متحرك لابني.");
        body.put("preferredContact", "sms");
        body.put("language", "ar");
        body.put("consent", true);
        body.put("onBehalf", Map.of("beneficiaryName", "يوسف العتيبي", "relationship", "أم"));
        return body;
    }

    @Provide
    static Arbitrary<String> nastyStrings() {
        Arbitrary<String> pieces = Arbitraries.of(
                "سارة",
                "Sara",
                "٠٥٠١٢٣٤٥٦٧",
                "+966501234567",
                "😀",
                "\u0000",
                "\u202E",
                "\n",
                "\r\n",
                "\t",
                "<img src=x onerror=alert(1)>",
                "\"",
                "\\",
                "\uD800",
                "\u0301",
                " ",
                "a@b.sa",
                "1526018153",
                "service",
                "kiosk",
                "sms",
                "email",
                "ar");
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(2001).ofMaxLength(6000),
                pieces.list().ofMaxSize(12).map(p -> String.join("", p)));
    }

    @Provide
    static Arbitrary<Object> jsonValues() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.just(null),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> Arbitraries.integers().map(i -> (Object) i),
                () -> Arbitraries.longs().map(l -> (Object) l),
                () -> Arbitraries.doubles().map(d -> (Object) d),
                () -> Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(20).negate(), java.math.BigInteger.TEN.pow(20))
                        .map(b -> (Object) b),
                () -> nastyStrings().map(s -> (Object) s),
                () -> Arbitraries.of(501234567L, 1526018153L, 0L, -1L).map(l -> (Object) l),
                () -> jsonValues().list().ofMaxSize(3).map(l -> (Object) l),
                () -> Arbitraries.maps(Arbitraries.of("beneficiaryName", "relationship", "x", ""), jsonValues())
                        .ofMaxSize(3)
                        .map(m -> (Object) m));
    }

    @Provide
    static Arbitrary<Map<String, Object>> submissions() {
        // A key with a lone surrogate cannot be sent as UTF-8 (it becomes "?"), and two such keys
        // become one duplicate key: a malformed body, not the arbitrary object this property means.
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of(FIELDS.toArray(String[]::new)),
                Arbitraries.strings()
                        .all()
                        .ofMaxLength(10)
                        .filter(key -> key.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE)));
        return Arbitraries.oneOf(
                Arbitraries.maps(keys, jsonValues()).ofMaxSize(14),
                Arbitraries.maps(Arbitraries.of(FIELDS.toArray(String[]::new)), jsonValues())
                        .ofMaxSize(14)
                        .map(changes -> {
                            Map<String, Object> body = validBody();
                            body.putAll(changes);
                            return body;
                        }));
    }

    @Provide
    static Arbitrary<String> fieldNames() {
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
                "language",
                "consent",
                "onBehalf",
                "onBehalf.beneficiaryName",
                "onBehalf.relationship");
    }

    @Provide
    static Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> json = submissions().map(m -> Json.write(m).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> broken = json.map(b -> java.util.Arrays.copyOf(b, Math.max(0, b.length / 2)));
        Arbitrary<byte[]> text =
                Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> deep =
                Arbitraries.integers().between(1, 20_000).map(n -> "[".repeat(n).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> deepObject = Arbitraries.integers()
                .between(1, 3_000)
                .map(n -> ("{\"a\":".repeat(n) + "1" + "}".repeat(n)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> huge = Arbitraries.integers()
                .between(JsonBodies.MAX_BODY_BYTES - 10, JsonBodies.MAX_BODY_BYTES + 10)
                .map(n -> ("{\"description\":\"" + "ب".repeat(n / 2) + "\"}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> scalars = Arbitraries.of(
                        "null",
                        "true",
                        "1",
                        "\"text\"",
                        "[]",
                        "[{}]",
                        "",
                        " ",
                        "{}",
                        "{\"a\":NaN}",
                        "{\"a\":1e99999}",
                        "{\"a\":-0}",
                        "{\"a\":\"\\ud800\"}",
                        "{\"a\":1}{\"b\":2}",
                        "\uFEFF{}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(json, broken, text, raw, deep, deepObject, huge, scalars);
    }

    @Provide
    static Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "application/json",
                        "application/json; charset=utf-8",
                        "APPLICATION/JSON",
                        " application/json ",
                        "application/json;"),
                otherTypes(),
                Arbitraries.just(null));
    }

    @Provide
    static Arbitrary<String> otherTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data",
                        "application/jsonp",
                        "application/json-patch+json",
                        "",
                        "application/xml",
                        "json"),
                Arbitraries.strings().all().ofMaxLength(30).filter(s -> {
                    String t = s.toLowerCase(java.util.Locale.ROOT).strip();
                    return !t.equals("application/json") && !t.startsWith("application/json;");
                }));
    }
}
