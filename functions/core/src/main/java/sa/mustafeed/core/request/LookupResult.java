package sa.mustafeed.core.request;

import java.time.Instant;
import java.util.List;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * What a lookup may reveal: no name, mobile, ID or description. How the association contacts the
 * beneficiary is shown so they can change it: the current way, and the ways open to this request
 * (email only when it has an address, which is said without showing the address).
 */
public record LookupResult(
        ReferenceCode reference,
        Category category,
        Status status,
        Instant submittedAt,
        Instant updatedAt,
        List<TimelineEntry> timeline,
        ContactMethod preferredContact,
        List<ContactMethod> contactChoices) {

    public LookupResult {
        timeline = List.copyOf(timeline);
        contactChoices = List.copyOf(contactChoices);
    }
}
