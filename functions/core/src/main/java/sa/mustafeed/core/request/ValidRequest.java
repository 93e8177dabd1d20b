package sa.mustafeed.core.request;

import java.util.Optional;

/**
 * A submission that passed every rule, normalised: mobile in E.164, national ID as ten ASCII digits,
 * text trimmed and NFC. Lives only in memory: the national ID itself is never stored. An anonymous
 * request has an empty name and mobile and the contact {@link ContactMethod#NONE}. {@code aboutStaff}:
 * a complaint that concerns a member of staff, for managers' eyes only.
 */
public record ValidRequest(
        Category category,
        Channel channel,
        String name,
        String mobile,
        Optional<String> email,
        Optional<String> nationalId,
        String city,
        String description,
        ContactMethod preferredContact,
        Language language,
        Optional<OnBehalf> onBehalf,
        boolean aboutStaff) {

    public boolean anonymous() {
        return preferredContact == ContactMethod.NONE;
    }

    /** One line per field in a fixed order: two submissions with equal content give equal text. */
    public String canonicalForm() {
        return String.join(
                "\u001F",
                category.wireName(),
                channel.wireName(),
                name,
                mobile,
                email.orElse(""),
                nationalId.orElse(""),
                city,
                description,
                preferredContact.wireName(),
                language.wireName(),
                onBehalf.map(OnBehalf::beneficiaryName).orElse(""),
                onBehalf.map(OnBehalf::relationship).orElse(""),
                aboutStaff ? "about-staff" : "");
    }
}
