package sa.mustafeed.core.staff;

/** The signed-in employee, as the identity provider vouches for them. */
public record StaffMember(String id, String name, Role role) {
    public boolean isManager() {
        return role == Role.MANAGER;
    }

    public boolean isVolunteer() {
        return role == Role.VOLUNTEER;
    }
}
