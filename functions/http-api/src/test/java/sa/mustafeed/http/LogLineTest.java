package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON log line every function writes: its fields in order, no nulls, one line on standard output. */
class LogLineTest {

    @Test
    void levelAndMessageComeFirst_thenTheFieldsInTheOrderAdded() {
        String json = LogLine.of("WARN", "notification")
                .with("reference", "MHF5-Q2N7")
                .with("version", 3L)
                .with("outcome", "RETRY")
                .toJson();

        assertEquals(
                "{\"level\":\"WARN\",\"message\":\"notification\",\"reference\":\"MHF5-Q2N7\",\"version\":3,"
                        + "\"outcome\":\"RETRY\"}",
                json);
    }

    @Test
    void aNullValue_leavesTheFieldOut() {
        assertEquals(
                "{\"level\":\"INFO\",\"message\":\"notification\",\"outcome\":\"SENT\"}",
                LogLine.of("INFO", "notification")
                        .with("error", null)
                        .with("outcome", "SENT")
                        .toJson());
    }

    @Test
    void print_writesExactlyOneLineOfJson() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogLine.of("ERROR", "request handled")
                    .with("status", 500)
                    .with("path", "/requests")
                    .print();
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size());
        assertEquals(
                Map.of("level", "ERROR", "message", "request handled", "status", 500, "path", "/requests"),
                Json.readObject(lines.getFirst().getBytes(StandardCharsets.UTF_8)));
    }
}
