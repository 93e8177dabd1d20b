package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.request.LookupQuery;

class LookupQueriesTest {

    private static Map<String, Object> json(String text) throws Exception {
        return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiEvent withReference(String reference) {
        return new ApiEvent(
                "POST",
                "/requests/x/messages",
                Map.of(),
                new byte[0],
                "10.0.0.1",
                "id",
                "POST /requests/{reference}/messages",
                reference == null ? Map.of() : Map.of("reference", reference),
                Map.of(),
                Map.of());
    }

    @Test
    void fromJson_readsTheTypedText() throws Exception {
        assertEquals(
                LookupQuery.of("MHF5-Q2N7", "٤٥٦٧"),
                LookupQueries.fromJson(json("{\"reference\":\"MHF5-Q2N7\",\"mobileLast4\":\"٤٥٦٧\"}")));
        assertEquals(LookupQuery.of(null, null), LookupQueries.fromJson(json("{}")));
    }

    @Test
    void fromJson_numbersAreNotText_andAreAnsweredAsMalformed() throws Exception {
        // 23456789 is made of reference characters: read as text it could name a real request
        LookupQuery query = LookupQueries.fromJson(json("{\"reference\":23456789,\"mobileLast4\":4567}"));
        assertEquals(
                new LookupQuery(
                        null,
                        null,
                        List.of(
                                FieldError.of("reference", ErrorCode.INVALID_REFERENCE),
                                FieldError.of("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4))),
                query);
    }

    @Test
    void forRequest_takesTheReferenceFromThePath_andTheDigitsFromTheBody() throws Exception {
        assertEquals(
                LookupQuery.of("MHF5Q2N7", "4567"),
                LookupQueries.forRequest(
                        withReference("MHF5Q2N7"), json("{\"mobileLast4\":\"4567\",\"reference\":\"X\"}")));
        assertEquals(LookupQuery.of("", null), LookupQueries.forRequest(withReference(null), json("{}")));
        assertEquals(
                new LookupQuery(
                        "MHF5Q2N7", null, List.of(FieldError.of("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4))),
                LookupQueries.forRequest(withReference("MHF5Q2N7"), json("{\"mobileLast4\":[4,5,6,7]}")));
    }
}
