package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.staff.AuditAction;
import sa.mustafeed.core.staff.AuditEntry;
import sa.mustafeed.core.staff.AuditPage;

/**
 * What {@link AuditLog} promises the managers' audit page: entries kept as written, one month at a
 * time, newest first, paged without loss or repeat, and nothing lost to a twin. Every
 * implementation runs these by extending this class (the in-memory fake in core, DynamoDbAuditLog
 * against moto in adapters).
 */
public abstract class AuditLogContract {
    private static final Instant NOVEMBER = Instant.parse("2026-11-25T08:30:00Z");
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    /** An empty log for each test. */
    protected abstract AuditLog emptyLog() throws Exception;

    private AuditLog log;

    @BeforeEach
    final void startEmpty() throws Exception {
        log = emptyLog();
    }

    private static AuditEntry entry(AuditAction action, Instant at, int requests) {
        return new AuditEntry(action, "mgr-1", "نورة القحطاني", at, "h" + requests, requests);
    }

    @Test
    void aMonth_isReadNewestFirst_withEveryFieldAsWritten_andOnlyItsOwnEntries() {
        AuditEntry older = entry(AuditAction.EXPORT, NOVEMBER, 2);
        AuditEntry newer = entry(AuditAction.ERASE, NOVEMBER.plusSeconds(60), 2);
        log.record(older);
        log.record(newer);
        log.record(entry(AuditAction.EXPORT, Instant.parse("2026-12-01T00:00:00Z"), 1));
        log.record(entry(AuditAction.EXPORT, Instant.parse("2026-10-31T23:59:59Z"), 1));

        AuditPage page = log.month(MONTH, Optional.empty(), 10);

        assertEquals(List.of(newer, older), page.entries());
        assertEquals(Optional.empty(), page.nextCursor());
        assertEquals(
                List.of(), log.month(MONTH.minusMonths(2), Optional.empty(), 10).entries());
    }

    @Test
    void pages_coverTheMonthOnce_andTwinsAtTheSameInstantAreBothKept() {
        List<AuditEntry> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(entry(AuditAction.EXPORT, NOVEMBER.plusSeconds(i), 1));
        }
        written.add(entry(AuditAction.EXPORT, NOVEMBER.plusSeconds(2), 1)); // a twin of the third
        written.forEach(log::record);

        List<AuditEntry> read = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            AuditPage page = log.month(MONTH, cursor, 2);
            assertTrue(page.entries().size() <= 2, "a page holds at most pageSize entries");
            read.addAll(page.entries());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertEquals(written.size(), read.size());
        assertTrue(read.containsAll(written));
        for (int i = 1; i < read.size(); i++) {
            assertTrue(!read.get(i).at().isAfter(read.get(i - 1).at()), "newest first: " + read);
        }
    }

    @Test
    void aCursorItDidNotGive_isRefusedAsInput() {
        log.record(entry(AuditAction.EXPORT, NOVEMBER, 1));
        log.record(entry(AuditAction.EXPORT, NOVEMBER.plusSeconds(1), 1));
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> log.month(MONTH, Optional.of("not-a-cursor"), 1));
        assertEquals(List.of(FieldError.of("cursor", ErrorCode.INVALID_CURSOR)), refused.errors());

        // a real cursor, but of another month's reading
        String november = log.month(MONTH, Optional.empty(), 1).nextCursor().orElseThrow();
        assertThrows(InvalidInputException.class, () -> log.month(MONTH.plusMonths(1), Optional.of(november), 1));
    }
}
