package sa.mustafeed.core.staff;

import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.ServiceRequest;

/**
 * Who may see a complaint (ISO 10002: confidentiality and objectivity; CHS commitment 5: complainants
 * are safe). A complaint about a member of staff goes to managers only, so the person it concerns
 * never opens it, finds it in a list or search, or reads who made it. On any complaint the
 * complainant's identity is seen only by managers and by the employee the complaint is assigned to:
 * colleagues can see that it exists and take it, not who wrote it.
 */
public final class Confidentiality {
    private Confidentiality() {}

    public static boolean mayOpen(ServiceRequest request, StaffMember who) {
        return !request.aboutStaff() || who.isManager();
    }

    /** @throws AccessDeniedException when {@code who} may not open this request */
    public static void checkMayOpen(ServiceRequest request, StaffMember who) {
        if (!mayOpen(request, who)) {
            throw new AccessDeniedException();
        }
    }

    /** Whether {@code who} may read the name and contact details on this row. */
    public static boolean showsIdentity(CaseSummary row, StaffMember who) {
        return row.request().category() != Category.COMPLAINT
                || who.isManager()
                || row.assignee().map(a -> a.id().equals(who.id())).orElse(false);
    }

    /** The rows of a page that {@code who} may see, in order (a page may come out shorter). */
    public static QueuePage visible(QueuePage page, StaffMember who) {
        if (who.isManager()) {
            return page;
        }
        return new QueuePage(
                page.items().stream().filter(row -> mayOpen(row.request(), who)).toList(), page.nextCursor());
    }
}
