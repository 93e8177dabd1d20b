package sa.mustafeed.core.staff;

/** The staff member who owns a request: the identity provider's id and the name colleagues see. */
public record Assignee(String id, String name) {
    public static Assignee of(StaffMember member) {
        return new Assignee(member.id(), member.name());
    }
}
