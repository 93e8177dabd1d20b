package sa.mustafeed.core.documents;

import java.time.Instant;

/**
 * A file recorded on a request after it really arrived in the store. {@code by} is
 * {@link sa.mustafeed.core.staff.CaseEvent#BENEFICIARY} for what the beneficiary sent, otherwise
 * the employee who attached it.
 */
public record Document(String id, String name, DocumentType type, long size, Instant at, String by) {

    public boolean sentByBeneficiary() {
        return sa.mustafeed.core.staff.CaseEvent.BENEFICIARY.equals(by);
    }
}
