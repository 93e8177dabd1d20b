package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.Optional;

import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.request.Status;

/**
 * A status change to store all-or-nothing with its timeline entry (and note): the request moves from
 * {@code expectedVersion} to {@code expectedVersion + 1}, or nothing is written.
 */
public record StatusChange(ReferenceCode reference, Status from, Status to, long expectedVersion, Instant at,
        String by, Optional<String> note, CaseClock clockAfter) {
}
