package sa.mustafeed.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.StorageUnavailableException;

class MonthReadsTest {
    @Test
    void monthsReadSideBySide_comeBackInMonthOrder_whateverFinishesFirst() throws Exception {
        List<String> rows = MonthReads.each(YearMonth.of(2025, 11), YearMonth.of(2026, 2), month -> {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(month + "a", month + "b");
        });

        assertEquals(
                List.of("2025-11a", "2025-11b", "2025-12a", "2025-12b", "2026-01a", "2026-01b", "2026-02a", "2026-02b"),
                rows);
        assertEquals(List.of(), MonthReads.each(YearMonth.of(2026, 2), YearMonth.of(2026, 1), m -> List.of(m)));
    }

    @Test
    void aLongRange_readsAFewMonthsAtATime() {
        java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();

        List<YearMonth> months = MonthReads.each(YearMonth.of(2022, 1), YearMonth.of(2026, 12), month -> {
            most.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reading.decrementAndGet();
            return List.of(month);
        });

        assertEquals(60, months.size());
        assertTrue(most.get() > 1 && most.get() <= MonthReads.AT_ONCE, "at once: " + most.get());
    }

    @Test
    void aMonthThatCannotBeRead_failsTheReport_withItsOwnException() {
        StorageUnavailableException down = new StorageUnavailableException("read: store unreachable", null);

        StorageUnavailableException thrown = assertThrows(
                StorageUnavailableException.class,
                () -> MonthReads.each(YearMonth.of(2026, 1), YearMonth.of(2026, 6), month -> {
                    if (month.getMonthValue() == 4) {
                        throw down;
                    }
                    return List.of(month);
                }));
        assertSame(down, thrown);
    }
}
