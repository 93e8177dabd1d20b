package sa.mustafeed.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemoryUnlockCodeStore;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.LookupService;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.request.TimelineEntry;
import sa.mustafeed.http.Json;

/**
 * {@code POST /requests/lookup} end to end through the handler for any reference and digits of any
 * JSON type: 200 only for the right pair, otherwise 400/404/429 with the error shape; never a 500,
 * and no answer ever carries the name, mobile or description.
 */
class LookupRequestHandlerPropertiesTest {
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 404, 413, 415, 429);
    private InMemoryRequestRepository repository;
    private LookupRequestHandler handler;
    private int clients;

    @BeforeProperty
    void storeTheSampleRequest() {
        repository = new InMemoryRequestRepository();
        handler =
                new LookupRequestHandler(LookupRequestHandlerTest.services(repository, new InMemoryUnlockCodeStore()));
        ServiceRequest request = SampleDrafts.sampleRequest(Status.RECEIVED, 1);
        repository.create(request, new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED), Optional.empty());
    }

    private Map<String, Object> invoke(String body, String sourceIp) throws Exception {
        Map<String, Object> http = Map.of("method", "POST", "path", "/requests/lookup", "sourceIp", sourceIp);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "POST /requests/lookup");
        event.put("rawPath", "/requests/lookup");
        event.put("headers", Map.of("content-type", "application/json"));
        event.put("requestContext", Map.of("http", http, "requestId", "prop"));
        event.put("body", body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }

    @Property(tries = 1500)
    @SuppressWarnings("unchecked")
    void anyReferenceAndDigits_answerTheRequestOnlyForTheRightPair(
            @ForAll("values") Object reference, @ForAll("values") Object digits) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("mobileLast4", digits);
        // A fresh client address per try: the per-client limit is its own property, below.
        Map<String, Object> response = invoke(Json.write(body), "198.51.100." + (clients++ % 250));
        int status = ((Number) response.get("statusCode")).intValue();
        String text = (String) response.get("body");
        assertTrue(EXPECTED.contains(status), "status " + status + ": " + text);
        for (String secret : List.of("سارة", "0501234567", "501234567", "وصف خاص", "مكة")) {
            assertFalse(text.contains(secret), "answer reveals " + secret);
        }
        Map<String, Object> answer = Json.readObject(text.getBytes(StandardCharsets.UTF_8));
        if (status == 200) {
            assertEquals("MHF5-Q2N7", answer.get("reference"));
            assertTrue(ReferenceCode.parse((String) reference)
                    .map(r -> r.value().equals("MHF5Q2N7"))
                    .orElse(false));
        } else {
            assertFalse(((List<Object>) answer.get("errors")).isEmpty());
        }
    }

    @Property(tries = 200)
    void guessingDigitsFromOneClient_isStoppedBeforeTheFourDigitSpaceIsCovered(@ForAll("guesses") List<String> guesses)
            throws Exception {
        String client = "192.0.2." + (clients++ % 250);
        int answered404 = 0;
        for (String guess : guesses) {
            int status = ((Number) invoke(Json.write(Map.of("reference", "MHF5-Q2N7", "mobileLast4", guess)), client)
                            .get("statusCode"))
                    .intValue();
            if (status == 404) {
                answered404++;
            }
        }
        assertTrue(answered404 <= LookupService.MAX_FAILURES_PER_REFERENCE, answered404 + " wrong guesses answered");
    }

    @Provide
    static Arbitrary<List<String>> guesses() {
        return Arbitraries.strings()
                .numeric()
                .ofLength(4)
                .filter(s -> !s.equals("4567"))
                .list()
                .ofMinSize(6)
                .ofMaxSize(30);
    }

    @Provide
    static Arbitrary<Object> values() {
        Arbitrary<String> typed = Arbitraries.of(
                "MHF5-Q2N7",
                "mhf5 q2n7",
                "MHF5Q2N7",
                "MHF5-Q2N8",
                "٤٥٦٧",
                "4567",
                "4568",
                "",
                " ",
                "MHF5-Q2N7\u0000",
                "ＭＨＦ５-Ｑ２Ｎ７",
                "MHF5–Q2N7",
                "😀😀😀😀",
                "\uD800\uD800\uD800\uD800");
        return Arbitraries.oneOf(
                typed.map(s -> (Object) s),
                Arbitraries.strings().all().ofMaxLength(60).map(s -> (Object) s),
                Arbitraries.strings()
                        .all()
                        .ofMinLength(1000)
                        .ofMaxLength(15_000)
                        .map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.of(List.of("MHF5-Q2N7"), Map.of("$ne", ""), List.of())
                        .map(v -> (Object) v));
    }
}
