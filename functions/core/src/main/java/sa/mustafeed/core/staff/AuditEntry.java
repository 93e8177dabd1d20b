package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the PDPL audit log: who did what, when, to whom and to how many requests. "To whom"
 * is the keyed hash the beneficiary's requests are indexed by (mobile, else national ID), never the
 * number itself: the log proves a request was honoured without becoming a copy of the data it was
 * about, and it outlives the erasure it records.
 *
 * @param subjectHash the keyed hash ({@link sa.mustafeed.core.privacy.KeyedHasher}) of the mobile
 *     or national ID the manager gave
 * @param requests how many requests the export handed over or the erasure erased
 */
public record AuditEntry(
        AuditAction action, String staffId, String staffName, Instant at, String subjectHash, int requests) {
    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(staffName, "staffName");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subjectHash, "subjectHash");
        if (requests < 0) {
            throw new IllegalArgumentException("requests < 0");
        }
    }
}
