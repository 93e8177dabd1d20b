package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", " {\"a\":1} ", "{\"a\":1}\n", "\t{\"a\":1}\r\n"})
    void readObject_oneObjectWithWhitespaceAround_isRead(String text) throws IOException {
        assertEquals(Map.of("a", 1), Json.readObject(utf8(text)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1} garbage",
                "{\"a\":1}{\"b\":2}",
                "{\"a\":1} 5",
                "{\"a\":1} \"x\"",
                "{\"a\":1}]",
                "{\"a\":1},",
                "{\"a\":1} []"
            })
    void readObject_anythingAfterTheObject_isRefused(String text) {
        assertThrows(IOException.class, () -> Json.readObject(utf8(text)));
    }
}
