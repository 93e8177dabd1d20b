package sa.mustafeed.core.fakes;

import sa.mustafeed.core.ports.AuditLog;
import sa.mustafeed.core.ports.AuditLogContract;

/** The fake the staff API's tests use keeps the audit log's promises (AuditLogContract). */
class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog emptyLog() {
        return new InMemoryAuditLog();
    }
}
