package sa.mustafeed.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import sa.mustafeed.core.errors.AccessDeniedException;
import sa.mustafeed.core.errors.NotSignedInException;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;

/**
 * The employee behind a request, from the claims the HTTP API's JWT authorizer verified (Cognito in
 * AWS, the local runner's development tokens locally). API Gateway hands over the groups claim as a
 * string such as {@code [staff manager]}; both that and a comma list are read. Shared by every
 * function that serves {@code /staff/} routes.
 */
public final class StaffIdentity {
    private StaffIdentity() {}

    /**
     * The employee (staff or manager) behind the request; a volunteer is refused (403), so every
     * function that serves staff routes keeps volunteers out unless it asks for {@link #signedIn}.
     */
    public static StaffMember of(ApiEvent event) {
        StaffMember member = signedIn(event);
        if (member.isVolunteer()) {
            throw new AccessDeniedException();
        }
        return member;
    }

    /** Anyone the identity provider vouches for with a known group: staff, manager or volunteer. */
    public static StaffMember signedIn(ApiEvent event) {
        String subject = event.claims().get("sub");
        if (subject == null || subject.isBlank()) {
            throw new NotSignedInException();
        }
        Set<String> groups = Arrays.stream(event.claims()
                        .getOrDefault("cognito:groups", "")
                        .replace("[", "")
                        .replace("]", "")
                        .split("[,\\s]+"))
                .map(g -> g.strip().toLowerCase(Locale.ROOT))
                .filter(g -> !g.isEmpty())
                .collect(Collectors.toSet());
        Role role;
        if (groups.contains("manager")) {
            role = Role.MANAGER;
        } else if (groups.contains("staff")) {
            role = Role.STAFF;
        } else if (groups.contains("volunteer")) {
            role = Role.VOLUNTEER;
        } else {
            throw new AccessDeniedException();
        }
        String name = event.claims().getOrDefault("name", event.claims().getOrDefault("email", subject));
        return new StaffMember(subject, name, role);
    }

    public static StaffMember manager(ApiEvent event) {
        StaffMember member = of(event);
        if (!member.isManager()) {
            throw new AccessDeniedException();
        }
        return member;
    }
}
