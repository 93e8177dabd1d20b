package sa.mustafeed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private static RequestStreamHandler answering(AtomicInteger calls, int changesAfter) {
        return (input, output, context) -> {
            input.readAllBytes();
            int status = calls.incrementAndGet() <= changesAfter ? 200 : 500;
            output.write(("{\"statusCode\":" + status + "}").getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void beforeCheckpoint_runsTheSampleEveryRound_throughOneHandler() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger built = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming(
                () -> {
                    built.incrementAndGet();
                    return answering(calls, Integer.MAX_VALUE);
                },
                EVENT);

        priming.beforeCheckpoint(null);

        assertEquals(SnapStartPriming.ROUNDS, priming.rounds());
        assertEquals(SnapStartPriming.ROUNDS, calls.get());
        assertEquals(1, built.get());
        assertEquals(200, priming.lastStatus());
    }

    @Test
    void beforeCheckpoint_stopsWhenTheAnswerChanges_andReportsIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming(() -> answering(calls, 3), EVENT);

        priming.beforeCheckpoint(null);

        assertEquals(4, priming.rounds());
        assertEquals(500, priming.lastStatus());
    }
}
