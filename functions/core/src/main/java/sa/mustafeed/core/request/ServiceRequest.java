package sa.mustafeed.core.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * A request as the association keeps it. Personal data is minimised: the national ID is kept only
 * as a keyed hash and its last four digits; the mobile is kept (we must text it) with a keyed hash
 * for matching without reading it. An anonymous complaint or suggestion keeps neither: its name,
 * mobile and mobile hash are empty and it is followed by its reference and a tracking code. A
 * complaint {@code aboutStaff} concerns a member of staff: only managers may open it.
 */
public record ServiceRequest(
        ReferenceCode reference,
        Category category,
        Channel channel,
        Status status,
        String name,
        String mobile,
        String mobileHash,
        Optional<String> email,
        Optional<String> nationalIdHash,
        Optional<String> nationalIdLast4,
        String city,
        String description,
        ContactMethod preferredContact,
        Language language,
        Optional<OnBehalf> onBehalf,
        String consentVersion,
        Instant consentAt,
        Instant submittedAt,
        Instant updatedAt,
        long version,
        boolean aboutStaff) {

    public ServiceRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /** A request as most are: not a complaint about a member of staff. */
    public ServiceRequest(
            ReferenceCode reference,
            Category category,
            Channel channel,
            Status status,
            String name,
            String mobile,
            String mobileHash,
            Optional<String> email,
            Optional<String> nationalIdHash,
            Optional<String> nationalIdLast4,
            String city,
            String description,
            ContactMethod preferredContact,
            Language language,
            Optional<OnBehalf> onBehalf,
            String consentVersion,
            Instant consentAt,
            Instant submittedAt,
            Instant updatedAt,
            long version) {
        this(
                reference,
                category,
                channel,
                status,
                name,
                mobile,
                mobileHash,
                email,
                nationalIdHash,
                nationalIdLast4,
                city,
                description,
                preferredContact,
                language,
                onBehalf,
                consentVersion,
                consentAt,
                submittedAt,
                updatedAt,
                version,
                false);
    }

    /** Sent without a name or a way back ({@link ContactMethod#NONE}): nothing may ever be sent to it. */
    public boolean anonymous() {
        return preferredContact == ContactMethod.NONE;
    }
}
