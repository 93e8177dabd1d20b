package sa.mustafeed.core.complaints;

import java.time.Instant;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.StatusMachine;
import sa.mustafeed.core.sla.WorkingCalendar;
import sa.mustafeed.core.staff.CaseClock;

/**
 * A complaint's own service levels (ISO 10002 §8.3–8.4), from service-levels.json
 * ({@code complaintAcknowledgeWorkingDays}, {@code complaintRespondWorkingDays}, the one source):
 * acknowledged within a working day, and an outcome sent within N working days of receipt. The
 * acknowledgement is the receipt itself: the reference (and tracking code) is given in the same
 * answer that stores the complaint, on screen, read out by the employee who registers it, and sent by
 * the confirmation message, so a complaint is acknowledged at {@code submittedAt}. The respond clock
 * does not pause while the association waits for the complainant: the standard's clock is the
 * complainant's, and an escalated complaint is one for a manager to look at, not a penalty.
 */
public final class ComplaintPolicy {
    private final WorkingCalendar calendar;
    private final int acknowledgeWorkingDays;
    private final int respondWorkingDays;

    public ComplaintPolicy(WorkingCalendar calendar, int acknowledgeWorkingDays, int respondWorkingDays) {
        if (acknowledgeWorkingDays < 1 || respondWorkingDays < 1) {
            throw new IllegalArgumentException("complaint service levels need at least one working day");
        }
        this.calendar = calendar;
        this.acknowledgeWorkingDays = acknowledgeWorkingDays;
        this.respondWorkingDays = respondWorkingDays;
    }

    public int respondWorkingDays() {
        return respondWorkingDays;
    }

    public int acknowledgeWorkingDays() {
        return acknowledgeWorkingDays;
    }

    /** When the complaint was acknowledged: at receipt (see the class comment). */
    public Instant acknowledgedAt(ServiceRequest complaint) {
        return complaint.submittedAt();
    }

    public Instant acknowledgeBy(ServiceRequest complaint) {
        return calendar.addWorkingDays(complaint.submittedAt(), acknowledgeWorkingDays);
    }

    /** By when the outcome is owed to the complainant. */
    public Instant respondBy(ServiceRequest complaint) {
        return calendar.addWorkingDays(complaint.submittedAt(), respondWorkingDays);
    }

    /** Whether an outcome recorded at {@code at} came in time. */
    public boolean onTime(ServiceRequest complaint, Instant at) {
        return !at.isAfter(respondBy(complaint));
    }

    /**
     * Whether the complaint goes to the managers' escalated view: still open, no outcome yet, and
     * past its respond-by time.
     */
    public boolean escalated(ServiceRequest request, CaseClock clock, Instant now) {
        return request.category() == Category.COMPLAINT
                && StatusMachine.isOpen(request.status())
                && clock.respondedAt().isEmpty()
                && now.isAfter(respondBy(request));
    }
}
