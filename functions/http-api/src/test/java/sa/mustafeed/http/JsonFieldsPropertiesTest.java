package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.request.LookupQuery;

/** Any JSON value in any field reads as a value of the declared type, or as absent with one noted error; never a throw. */
class JsonFieldsPropertiesTest {

    private static Map<String, Object> bodyWith(String name, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, value);
        return body;
    }

    @Property(tries = 1000)
    void anyValue_readsAsItsTypeOrIsNotedOnce(@ForAll("jsonValues") Object value) {
        JsonFields fields = new JsonFields(bodyWith("f", value));
        String text = fields.text("f", ErrorCode.INVALID_TYPE);
        Boolean bool = fields.bool("f");
        Long number = fields.wholeNumber("f");
        List<FieldError> noted = fields.shapeErrors();
        boolean whole = value instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue());
        assertEquals(whole, number != null, String.valueOf(value));
        // exactly the readers whose type the value is not (and which are not absent) note it
        int expected = value == null
                ? 0
                : (value instanceof String ? 0 : 1) + (value instanceof Boolean ? 0 : 1) + (whole ? 0 : 1);
        assertEquals(expected, noted.size(), String.valueOf(value));
        assertTrue(noted.stream().allMatch(e -> e.equals(FieldError.of("f", ErrorCode.INVALID_TYPE))));
        assertEquals(value instanceof String s ? s : null, text);
        assertEquals(value instanceof Boolean b ? b : null, bool);
    }

    @Property(tries = 1000)
    void lookup_anyReferenceOrDigits_isTextOrNotedWithTheLookupsOwnCode(
            @ForAll("jsonValues") Object reference, @ForAll("jsonValues") Object digits) {
        Map<String, Object> body = bodyWith("reference", reference);
        body.put("mobileLast4", digits);
        LookupQuery query = LookupQueries.fromJson(body);
        for (FieldError noted : query.shapeErrors()) {
            String field = noted.field().orElseThrow();
            assertEquals(
                    field.equals("reference") ? ErrorCode.INVALID_REFERENCE : ErrorCode.INVALID_MOBILE_LAST4,
                    noted.code());
        }
        if (!(reference instanceof String) && reference != null) {
            assertNull(query.reference());
            assertTrue(query.shapeErrors().contains(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)));
        } else {
            assertEquals(reference, query.reference());
        }
    }

    @Provide
    static Arbitrary<Object> jsonValues() {
        return JsonBodyPropertiesTest.jsonValues();
    }
}
