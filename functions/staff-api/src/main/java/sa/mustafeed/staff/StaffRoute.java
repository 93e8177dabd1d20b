package sa.mustafeed.staff;

import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;

/** One row of the staff API's table: who may call it, and what it does for them. */
record StaffRoute(Role role, Action action) {

    /** Parse the event, call the domain, map the answer. */
    @FunctionalInterface
    interface Action {
        ApiResponse handle(ApiEvent event, StaffMember me);
    }

    /**
     * A manager may do everything an employee may; an employee only what is theirs. A route marked
     * {@link Role#VOLUNTEER} is open to volunteers too (and so to everyone signed in); a volunteer
     * may call nothing else.
     */
    boolean allows(StaffMember member) {
        return switch (role) {
            case VOLUNTEER -> true;
            case STAFF -> !member.isVolunteer();
            case MANAGER -> member.isManager();
        };
    }
}
