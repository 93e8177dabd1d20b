package sa.mustafeed.core.staff;

/**
 * What a signed-in person may do: managers also read reports and handle data-subject requests. A
 * volunteer is outside that hierarchy: they register requests on a beneficiary's behalf (channel
 * volunteer) and see only the requests they registered, nothing else.
 */
public enum Role {
    STAFF,
    MANAGER,
    VOLUNTEER
}
