package sa.mustafeed.core.staff;

/** What a signed-in employee may do: managers also read reports and handle data-subject requests. */
public enum Role {
    STAFF,
    MANAGER
}
