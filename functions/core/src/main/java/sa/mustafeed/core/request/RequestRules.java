package sa.mustafeed.core.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.validation.EmailAddresses;
import sa.mustafeed.core.validation.MobileNumbers;
import sa.mustafeed.core.validation.NationalIds;
import sa.mustafeed.core.validation.Texts;

/** The rules a submission must meet, on every channel. Collects every problem, not just the first. */
public final class RequestRules {
    public static final int NAME_MIN = 2;
    public static final int NAME_MAX = 100;
    public static final int CITY_MIN = 2;
    public static final int CITY_MAX = 60;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int RELATIONSHIP_MAX = 40;

    private final Set<Channel> allowedChannels;

    public RequestRules(Set<Channel> allowedChannels) {
        this.allowedChannels = Set.copyOf(allowedChannels);
    }

    /** Rules for the public route, where only the kiosk and the website may be named. */
    public static RequestRules forPublicChannels() {
        return new RequestRules(Set.of(Channel.KIOSK, Channel.WEB));
    }

    /** Rules for staff registering a request that reached them by interview, phone, letter, volunteer or social media. */
    public static RequestRules forStaffChannels() {
        return new RequestRules(
                Set.of(Channel.INTERVIEW, Channel.PHONE, Channel.LETTER, Channel.VOLUNTEER, Channel.SOCIAL_MEDIA));
    }

    public ValidRequest validate(RequestDraft draft) {
        List<FieldError> errors = new ArrayList<>(draft.shapeErrors());
        Set<String> alreadyWrong = new java.util.HashSet<>();
        draft.shapeErrors().forEach(e -> e.field().ifPresent(alreadyWrong::add));
        Checker check = new Checker(errors, alreadyWrong);

        Category category = check.choice("category", draft.category(), Category::fromWireName);
        Channel channel = check.choice("channel", draft.channel(), Channel::fromWireName);
        if (channel != null && !allowedChannels.contains(channel)) {
            errors.add(FieldError.of("channel", ErrorCode.CHANNEL_NOT_ALLOWED));
            channel = null;
        }
        boolean aboutStaff = aboutStaff(draft, category, check);
        if (Boolean.TRUE.equals(draft.anonymous())) {
            return anonymous(draft, category, channel, aboutStaff, check);
        }
        String name = check.name("name", draft.name());
        String mobile = check.present("mobile", draft.mobile())
                ? check.parsed("mobile", MobileNumbers.toE164(draft.mobile()), ErrorCode.INVALID_MOBILE)
                : null;
        Optional<String> email = check.blank(draft.email())
                ? Optional.empty()
                : Optional.ofNullable(
                        check.parsed("email", EmailAddresses.normalise(draft.email()), ErrorCode.INVALID_EMAIL));
        Optional<String> nationalId = check.blank(draft.nationalId())
                ? Optional.empty()
                : Optional.ofNullable(check.parsed(
                        "nationalId", NationalIds.normalise(draft.nationalId()), ErrorCode.INVALID_NATIONAL_ID));
        String city = check.text("city", draft.city(), CITY_MIN, CITY_MAX, false);
        String description = check.text("description", draft.description(), 1, DESCRIPTION_MAX, true);
        // "none" is the anonymous request's contact: asked for by name, it is not a choice here.
        ContactMethod contact = check.choice(
                "preferredContact",
                draft.preferredContact(),
                typed -> ContactMethod.fromWireName(typed).filter(m -> m != ContactMethod.NONE));
        Language language = check.choice("language", draft.language(), Language::fromWireName);
        check.consent(draft.consent());
        if (contact == ContactMethod.EMAIL && email.isEmpty() && check.blank(draft.email())) {
            errors.add(FieldError.of("email", ErrorCode.EMAIL_REQUIRED_FOR_CONTACT));
        }
        Optional<OnBehalf> onBehalf = Optional.empty();
        if (draft.onBehalf() != null) {
            String beneficiaryName =
                    check.name("onBehalf.beneficiaryName", draft.onBehalf().beneficiaryName());
            String relationship =
                    check.text("onBehalf.relationship", draft.onBehalf().relationship(), 2, RELATIONSHIP_MAX, false);
            onBehalf = Optional.of(new OnBehalf(beneficiaryName, relationship));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ValidRequest(
                category,
                channel,
                name,
                mobile,
                email,
                nationalId,
                city,
                description,
                contact,
                language,
                onBehalf,
                aboutStaff);
    }

    /**
     * Only a complaint can be about a member of staff: it is then handled by managers alone, so the
     * person it concerns never reads it (ISO 10002's objectivity and confidentiality).
     */
    private static boolean aboutStaff(RequestDraft draft, Category category, Checker check) {
        if (!Boolean.TRUE.equals(draft.aboutStaff())) {
            return false;
        }
        if (category != null && category != Category.COMPLAINT) {
            check.errors().add(FieldError.of("aboutStaff", ErrorCode.ONLY_FOR_COMPLAINTS));
        }
        return true;
    }

    /**
     * A complaint or suggestion without a name or a way back. Anything that could identify or reach
     * the sender is refused, not dropped: they see that it would have been sent and can take it out
     * (or stop being anonymous), rather than believing an anonymous complaint carries their number.
     */
    private static ValidRequest anonymous(
            RequestDraft draft, Category category, Channel channel, boolean aboutStaff, Checker check) {
        if (category != null && category != Category.COMPLAINT && category != Category.SUGGESTION) {
            check.errors().add(FieldError.of("anonymous", ErrorCode.ANONYMOUS_NOT_ALLOWED));
        }
        check.absent("name", draft.name());
        check.absent("mobile", draft.mobile());
        check.absent("email", draft.email());
        check.absent("nationalId", draft.nationalId());
        if (draft.onBehalf() != null) {
            check.errors().add(FieldError.of("onBehalf", ErrorCode.NOT_WHEN_ANONYMOUS));
        }
        if (!check.blank(draft.preferredContact())
                && !ContactMethod.NONE
                        .wireName()
                        .equals(draft.preferredContact().strip())) {
            check.errors().add(FieldError.of("preferredContact", ErrorCode.NOT_WHEN_ANONYMOUS));
        }
        String city = check.text("city", draft.city(), CITY_MIN, CITY_MAX, false);
        String description = check.text("description", draft.description(), 1, DESCRIPTION_MAX, true);
        Language language = check.choice("language", draft.language(), Language::fromWireName);
        check.consent(draft.consent());
        if (!check.errors().isEmpty()) {
            throw new InvalidInputException(check.errors());
        }
        return new ValidRequest(
                category,
                channel,
                "",
                "",
                Optional.empty(),
                Optional.empty(),
                city,
                description,
                ContactMethod.NONE,
                language,
                Optional.empty(),
                aboutStaff);
    }

    private record Checker(List<FieldError> errors, Set<String> alreadyWrong) {
        boolean blank(String value) {
            return value == null || value.isBlank();
        }

        /** A field an anonymous request must leave out. */
        void absent(String field, String value) {
            if (!alreadyWrong.contains(field) && !blank(value)) {
                errors.add(FieldError.of(field, ErrorCode.NOT_WHEN_ANONYMOUS));
            }
        }

        void consent(Boolean given) {
            if (!alreadyWrong.contains("consent") && !Boolean.TRUE.equals(given)) {
                errors.add(FieldError.of("consent", ErrorCode.CONSENT_REQUIRED));
            }
        }

        boolean present(String field, String value) {
            if (alreadyWrong.contains(field)) {
                return false;
            }
            if (blank(value)) {
                errors.add(FieldError.of(field, ErrorCode.REQUIRED));
                return false;
            }
            return true;
        }

        <T> T choice(String field, String value, Function<String, Optional<T>> lookup) {
            if (!present(field, value)) {
                return null;
            }
            return parsed(field, lookup.apply(value.strip()), ErrorCode.INVALID_CHOICE);
        }

        <T> T parsed(String field, Optional<T> value, ErrorCode whenEmpty) {
            if (value.isEmpty()) {
                errors.add(FieldError.of(field, whenEmpty));
                return null;
            }
            return value.get();
        }

        String text(String field, String value, int min, int max, boolean multiline) {
            if (!present(field, value)) {
                return null;
            }
            String clean = Texts.clean(value);
            int length = Texts.length(clean);
            if (length > max) {
                errors.add(FieldError.of(field, ErrorCode.TOO_LONG));
            } else if (length < min) {
                errors.add(FieldError.of(field, ErrorCode.TOO_SHORT));
            } else if (Texts.hasForbiddenCharacters(clean, multiline)) {
                errors.add(FieldError.of(field, ErrorCode.INVALID_TEXT));
            } else {
                return clean;
            }
            return null;
        }

        String name(String field, String value) {
            String clean = text(field, value, NAME_MIN, NAME_MAX, false);
            if (clean != null && !Texts.isPersonName(clean)) {
                errors.add(FieldError.of(field, ErrorCode.INVALID_NAME));
                return null;
            }
            return clean;
        }
    }
}
