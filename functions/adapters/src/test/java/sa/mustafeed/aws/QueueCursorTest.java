package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.InvalidInputException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The queue's cursor: what it encodes comes back exactly; anything else is the visitor's bad input. */
class QueueCursorTest {
    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursor_decodesToWhatWasEncoded() {
        Map<String, AttributeValue> lastKey = Map.of(
                "PK",
                AttributeValue.fromS("REQ#MHF5Q2N7"),
                "SK",
                AttributeValue.fromS("META"),
                "GSI3PK",
                AttributeValue.fromS("MONTH#2026-11"),
                "GSI3SK",
                AttributeValue.fromS("2026-11-25T08:30:00Z#MHF5Q2N7"));
        QueueCursor cursor = new QueueCursor("MONTH#2026-11", lastKey);

        String text = cursor.encode();

        assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe, no padding: " + text);
        assertEquals(cursor, QueueCursor.decode(text));
        assertEquals(
                new QueueCursor("STATUS#received", Map.of()),
                QueueCursor.decode(new QueueCursor("STATUS#received", Map.of()).encode()));
    }

    @Test
    void anythingElse_isAnInvalidCursor() {
        for (String bad : new String[] {
            "%%%",
            encoded("BEN#someone"),
            encoded("REQ#MHF5Q2N7"),
            encoded("MONTH#2026-11\u001Fnoequals"),
            encoded("MONTH#2026-11\u001F=value"),
            ""
        }) {
            InvalidInputException refused =
                    assertThrows(InvalidInputException.class, () -> QueueCursor.decode(bad), bad);
            assertEquals(ErrorCode.INVALID_CURSOR, refused.errors().getFirst().code(), bad);
        }
    }
}
