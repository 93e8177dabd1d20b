package sa.mustafeed.core.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void onlyOneToFive_areScores() {
        for (int value = 1; value <= 5; value++) {
            assertEquals(Optional.of(new Score(value)), Score.of(value));
        }
        for (long off : new long[] {0, 6, -1, 7, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32 | 3}) {
            assertEquals(Optional.empty(), Score.of(off), Long.toString(off));
        }
        assertThrows(IllegalArgumentException.class, () -> new Score(0));
        assertThrows(IllegalArgumentException.class, () -> new Score(6));
    }
}
