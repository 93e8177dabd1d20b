package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;

class JsonFieldsTest {

    private static Map<String, Object> json(String text) throws Exception {
        return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void text_readsTextAndAbsence_andNotesAnyOtherTypeWithTheRoutesCode() throws Exception {
        JsonFields fields = new JsonFields(json("{\"a\":\"x\",\"b\":null,\"c\":5,\"d\":[\"x\"]}"));
        assertEquals("x", fields.text("a", ErrorCode.INVALID_TYPE));
        assertNull(fields.text("b", ErrorCode.INVALID_TYPE));
        assertNull(fields.text("missing", ErrorCode.INVALID_TYPE));
        assertNull(fields.text("c", ErrorCode.INVALID_REFERENCE));
        assertNull(fields.text("d", ErrorCode.INVALID_TYPE));
        assertEquals(
                List.of(FieldError.of("c", ErrorCode.INVALID_REFERENCE), FieldError.of("d", ErrorCode.INVALID_TYPE)),
                fields.shapeErrors());
    }

    @Test
    void textOrNull_treatsOtherTypesAsAbsent_withoutNotingThem() throws Exception {
        JsonFields fields = new JsonFields(json("{\"a\":\"x\",\"b\":5,\"c\":true}"));
        assertEquals("x", fields.textOrNull("a"));
        assertNull(fields.textOrNull("b"));
        assertNull(fields.textOrNull("c"));
        assertEquals(List.of(), fields.shapeErrors());
    }

    @Test
    void bool_readsTrueFalseAndAbsence_andNotesTextAsInvalidType() throws Exception {
        JsonFields fields = new JsonFields(json("{\"a\":true,\"b\":false,\"c\":\"yes\",\"d\":1}"));
        assertEquals(Boolean.TRUE, fields.bool("a"));
        assertEquals(Boolean.FALSE, fields.bool("b"));
        assertNull(fields.bool("c"));
        assertNull(fields.bool("d"));
        assertNull(fields.bool("missing"));
        assertEquals(
                List.of(FieldError.of("c", ErrorCode.INVALID_TYPE), FieldError.of("d", ErrorCode.INVALID_TYPE)),
                fields.shapeErrors());
    }

    @Test
    void wholeNumber_readsIntegersAndWholeDecimals_saturatesHugeOnes_andRefusesFractionsAndText() throws Exception {
        JsonFields fields = new JsonFields(json("{\"int\":10,\"long\":12345678901,\"whole\":5.0,\"huge\":1e30,"
                + "\"big\":123456789012345678901234567890,\"minus\":-123456789012345678901234567890,\"neg\":-1,"
                + "\"half\":1.5,\"text\":\"100\",\"bool\":true}"));
        assertEquals(10L, fields.wholeNumber("int"));
        assertEquals(12_345_678_901L, fields.wholeNumber("long"));
        assertEquals(5L, fields.wholeNumber("whole"));
        assertEquals(Long.MAX_VALUE, fields.wholeNumber("huge"));
        assertEquals(Long.MAX_VALUE, fields.wholeNumber("big"));
        assertEquals(Long.MIN_VALUE, fields.wholeNumber("minus"));
        assertEquals(-1L, fields.wholeNumber("neg"));
        assertNull(fields.wholeNumber("missing"));
        assertNull(fields.wholeNumber("half"));
        assertNull(fields.wholeNumber("text"));
        assertNull(fields.wholeNumber("bool"));
        assertEquals(
                List.of(
                        FieldError.of("half", ErrorCode.INVALID_TYPE),
                        FieldError.of("text", ErrorCode.INVALID_TYPE),
                        FieldError.of("bool", ErrorCode.INVALID_TYPE)),
                fields.shapeErrors());
    }

    @Test
    void integer_isOnlyAJsonIntegerThatFitsALong() {
        assertEquals(java.util.Optional.of(3L), JsonFields.integer(3));
        assertEquals(java.util.Optional.of(1L << 40), JsonFields.integer(1L << 40));
        assertEquals(java.util.Optional.empty(), JsonFields.integer(3.0));
        assertEquals(java.util.Optional.empty(), JsonFields.integer("3"));
        assertEquals(java.util.Optional.empty(), JsonFields.integer(BigInteger.TEN.pow(30)));
        assertEquals(java.util.Optional.empty(), JsonFields.integer(null));
    }

    @Test
    void requiredText_isRequiredWhenAbsent_andInvalidTypeWhenNotText() throws Exception {
        assertEquals("hello", JsonFields.requiredText(json("{\"text\":\"hello\"}"), "text"));
        assertEquals(
                List.of(FieldError.of("text", ErrorCode.REQUIRED)),
                assertThrows(InvalidInputException.class, () -> JsonFields.requiredText(json("{}"), "text"))
                        .errors());
        assertEquals(
                List.of(FieldError.of("text", ErrorCode.INVALID_TYPE)),
                assertThrows(InvalidInputException.class, () -> JsonFields.requiredText(json("{\"text\":5}"), "text"))
                        .errors());
    }
}
