package sa.mustafeed.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void errors_areListedInTheOrderOfTheFields_whoeverFoundThem() {
        // GIVEN the parser refused the second field, and the rules find a problem with the first
        FieldErrors errors = new FieldErrors(List.of(FieldError.of("b", ErrorCode.INVALID_TYPE)), "a", "b", "c");
        errors.add("c", ErrorCode.TOO_LONG);
        errors.add("a", ErrorCode.REQUIRED);
        // WHEN / THEN
        InvalidInputException e = assertThrows(InvalidInputException.class, errors::throwIfAny);
        assertEquals(
                List.of(
                        FieldError.of("a", ErrorCode.REQUIRED),
                        FieldError.of("b", ErrorCode.INVALID_TYPE),
                        FieldError.of("c", ErrorCode.TOO_LONG)),
                e.errors());
    }

    @Test
    void nestedFields_takeTheirParentsPlace_andKeepTheirOwnOrder() {
        FieldErrors errors = new FieldErrors(
                List.of(
                        FieldError.of("answers.mood", ErrorCode.INVALID_CHOICE),
                        FieldError.of("answers.speed", ErrorCode.INVALID_CHOICE)),
                "overall",
                "answers",
                "comment");
        errors.add("comment", ErrorCode.TOO_LONG);
        errors.add("overall", ErrorCode.REQUIRED);
        assertEquals(
                List.of("overall", "answers.mood", "answers.speed", "comment"),
                assertThrows(InvalidInputException.class, errors::throwIfAny).errors().stream()
                        .map(f -> f.field().orElseThrow())
                        .toList());
    }

    @Test
    void aFieldTheParserRefused_isNotReadable_andUnknownFieldsComeLast() {
        FieldErrors errors = new FieldErrors(List.of(FieldError.of("b", ErrorCode.INVALID_TYPE)), "a", "b");
        assertTrue(errors.readable("a"));
        assertFalse(errors.readable("b"));
        errors.add("zzz", ErrorCode.INVALID_CHOICE);
        errors.add("a", ErrorCode.REQUIRED);
        assertEquals(
                List.of("a", "b", "zzz"),
                assertThrows(InvalidInputException.class, errors::throwIfAny).errors().stream()
                        .map(f -> f.field().orElseThrow())
                        .toList());
    }

    @Test
    void noErrors_throwNothing() {
        FieldErrors errors = new FieldErrors(List.of(), "a");
        assertTrue(errors.isEmpty());
        errors.throwIfAny();
    }
}
