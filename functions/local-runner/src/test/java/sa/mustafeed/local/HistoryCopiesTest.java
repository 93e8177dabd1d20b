package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.reference.ReferenceCode;

class HistoryCopiesTest {
    @Test
    void everyMonthBack_hasItsOwnValidReference() {
        SplittableRandom random = new SplittableRandom(7);
        for (int sample = 0; sample < 50; sample++) {
            String reference = ReferenceCode.random(random).value();
            Set<String> seen = new HashSet<>(Set.of(reference));
            for (int back = 1; back < 840; back++) {
                String copy = HistoryCopies.shifted(reference, back);
                assertTrue(ReferenceCode.parse(copy).isPresent(), copy);
                assertTrue(seen.add(copy), "month " + back + " repeats " + copy);
            }
        }
    }

    @Test
    void aCopiedText_movesItsTimesDatesAndMonths_andRenamesTheSeedsReferences() {
        String reference = ReferenceCode.random(new SplittableRandom(3)).value();
        String copy = HistoryCopies.shifted(reference, 2);
        Map<String, String> renamed = Map.of(reference, copy);

        assertEquals("MONTH#2026-01", HistoryCopies.movedText("MONTH#2026-03", 2, renamed));
        assertEquals(
                "2025-12-28T23:59:59.123Z#" + copy,
                HistoryCopies.movedText("2026-02-28T23:59:59.123Z#" + reference, 2, renamed));
        assertEquals("2026-01-15", HistoryCopies.movedText("2026-03-15", 2, renamed));
        assertEquals("REQ#" + copy, HistoryCopies.movedText("REQ#" + reference, 2, renamed));
        // Not one of the seed's references, and a mobile: left alone.
        assertEquals("+966555012345 ABCDEFGH", HistoryCopies.movedText("+966555012345 ABCDEFGH", 2, renamed));
        assertNotEquals(reference, copy);
    }
}
