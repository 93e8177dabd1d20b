package sa.mustafeed.core.staff;

import java.util.List;
import java.util.Optional;

/** A page of the audit log, newest first; {@code nextCursor} is absent on the last page. */
public record AuditPage(List<AuditEntry> entries, Optional<String> nextCursor) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
