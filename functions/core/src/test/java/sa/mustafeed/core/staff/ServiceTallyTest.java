package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The working-hour buckets: where a duration falls, and the codes the report's API names them by. */
class ServiceTallyTest {

    @Test
    void bucketOf_putsEachDurationBelowItsUpperBound() {
        assertEquals(0, ServiceTally.bucketOf(59));
        assertEquals(1, ServiceTally.bucketOf(60));
        assertEquals(5, ServiceTally.bucketOf(23 * 60 + 59));
        assertEquals(ServiceTally.HOUR_BUCKETS.length, ServiceTally.bucketOf(160 * 60));
    }

    @Test
    void bucketCodes_areTheApisCodes_fastestFirst() {
        // The report's completionHistogram labels and the keys bucket.<code> in functions/messages/labels/.
        assertEquals(
                List.of("<1h", "1-2h", "2-4h", "4-8h", "8-16h", "16-24h", "24-40h", "40-80h", "80-160h", ">160h"),
                ServiceTally.bucketCodes());
        assertEquals("16-24h", ServiceTally.bucketCode(ServiceTally.bucketOf(20 * 60)));
    }
}
