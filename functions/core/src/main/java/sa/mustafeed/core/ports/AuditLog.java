package sa.mustafeed.core.ports;

import java.time.YearMonth;
import java.util.Optional;
import sa.mustafeed.core.staff.AuditEntry;
import sa.mustafeed.core.staff.AuditPage;

/**
 * The PDPL audit log: every export and erasure of a beneficiary's data, appended and never changed,
 * read by managers month by month (the month of {@link AuditEntry#at()} in UTC, as the service
 * counters are). Every method may throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface AuditLog {
    /** Appends {@code entry}; two entries alike in every field are two lines, not one. */
    void record(AuditEntry entry);

    /**
     * The month's entries, newest first, at most {@code pageSize} of them; the next page starts
     * after the last one given. Never a scan: one month is read.
     *
     * @param cursor a {@link AuditPage#nextCursor()} this log gave for the same month
     * @throws sa.mustafeed.core.errors.InvalidInputException ({@code cursor}, {@code invalid_cursor})
     *     for a cursor it did not give
     */
    AuditPage month(YearMonth month, Optional<String> cursor, int pageSize);
}
