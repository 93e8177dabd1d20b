package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.SampleDrafts;

class RequestRulesTest {
    private final RequestRules rules = RequestRules.forPublicChannels();

    private static Map<String, ErrorCode> errorsOf(Runnable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
        return e.errors().stream().collect(Collectors.toMap(err -> err.field().orElse("-"), FieldError::code));
    }

    @Test
    void validate_normalisesAValidDraft() {
        ValidRequest valid = rules.validate(SampleDrafts.valid());
        assertEquals(Category.SERVICE, valid.category());
        assertEquals(Channel.WEB, valid.channel());
        assertEquals("+966501234567", valid.mobile());
        assertEquals(Optional.empty(), valid.email());
    }

    @Test
    void validate_listsEveryMissingFieldAtOnce() {
        RequestDraft empty =
                new RequestDraft(null, null, null, null, null, null, null, null, null, null, null, null, null);
        Map<String, ErrorCode> errors = errorsOf(() -> rules.validate(empty));
        for (String field : List.of(
                "category", "channel", "name", "mobile", "city", "description", "preferredContact", "language")) {
            assertEquals(ErrorCode.REQUIRED, errors.get(field), field);
        }
        assertEquals(ErrorCode.CONSENT_REQUIRED, errors.get("consent"));
    }

    @Test
    void validate_refusesStaffChannelsOnThePublicRoute() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft byPhone = new RequestDraft(
                d.category(),
                "phone",
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                null,
                null);
        assertEquals(Map.of("channel", ErrorCode.CHANNEL_NOT_ALLOWED), errorsOf(() -> rules.validate(byPhone)));
    }

    @Test
    void validate_needsAnEmailWhenEmailIsThePreferredContact() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft byEmail = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "email",
                "ar",
                true,
                null,
                null);
        assertEquals(Map.of("email", ErrorCode.EMAIL_REQUIRED_FOR_CONTACT), errorsOf(() -> rules.validate(byEmail)));
    }

    /** A draft like the sample with this contact choice and no email. */
    private static RequestDraft choosing(String preferredContact) {
        RequestDraft d = SampleDrafts.valid();
        return new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                preferredContact,
                "ar",
                true,
                null,
                null);
    }

    @Test
    void validate_acceptsWhatsApp_onTheMobileAlone() {
        // GIVEN a draft choosing WhatsApp with a mobile and no email
        // WHEN it is validated
        ValidRequest valid = rules.validate(choosing("whatsapp"));
        // THEN it goes to the mobile by WhatsApp: no email asked for
        assertEquals(ContactMethod.WHATSAPP, valid.preferredContact());
        assertEquals(Optional.empty(), valid.email());
    }

    @Test
    void validate_needsTheMobileForWhatsApp_asForSms() {
        RequestDraft d = choosing("whatsapp");
        RequestDraft noMobile = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                null,
                null,
                null,
                d.city(),
                d.description(),
                "whatsapp",
                "ar",
                true,
                null,
                null);
        assertEquals(Map.of("mobile", ErrorCode.REQUIRED), errorsOf(() -> rules.validate(noMobile)));
    }

    @Test
    void validate_stillRefusesAnUnknownContactChoice() {
        // Wire names are exact (lower case); only surrounding spaces are forgiven.
        for (String unknown : List.of("telegram", "WhatsApp", "WHATSAPP", "whats app", "wa")) {
            assertEquals(
                    Map.of("preferredContact", ErrorCode.INVALID_CHOICE),
                    errorsOf(() -> rules.validate(choosing(unknown))),
                    unknown);
        }
    }

    @Test
    void validate_refusesBadValuesWithTheirOwnCodes() {
        RequestDraft bad = new RequestDraft(
                "gift",
                "web",
                "Sara 2",
                "12345",
                "sara@",
                "1526018154",
                "م",
                "x".repeat(RequestRules.DESCRIPTION_MAX + 1),
                "fax",
                "fr",
                false,
                null,
                null);
        Map<String, ErrorCode> errors = errorsOf(() -> rules.validate(bad));
        assertEquals(ErrorCode.INVALID_CHOICE, errors.get("category"));
        assertEquals(ErrorCode.INVALID_NAME, errors.get("name"));
        assertEquals(ErrorCode.INVALID_MOBILE, errors.get("mobile"));
        assertEquals(ErrorCode.INVALID_EMAIL, errors.get("email"));
        assertEquals(ErrorCode.INVALID_NATIONAL_ID, errors.get("nationalId"));
        assertEquals(ErrorCode.TOO_SHORT, errors.get("city"));
        assertEquals(ErrorCode.TOO_LONG, errors.get("description"));
        assertEquals(ErrorCode.INVALID_CHOICE, errors.get("preferredContact"));
        assertEquals(ErrorCode.INVALID_CHOICE, errors.get("language"));
        assertEquals(ErrorCode.CONSENT_REQUIRED, errors.get("consent"));
    }

    @Test
    void validate_refusesControlCharactersButKeepsLineBreaksInTheDescription() {
        assertEquals(
                Map.of("city", ErrorCode.INVALID_TEXT),
                errorsOf(() -> rules.validate(SampleDrafts.withCity("مكة\u0000"))));
        assertEquals(
                Map.of("city", ErrorCode.INVALID_TEXT),
                errorsOf(() -> rules.validate(SampleDrafts.withCity("مكة\u2067جدة\u2069"))));
        RequestDraft d = SampleDrafts.valid();
        RequestDraft multiline = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                "سطر أول\r\nسطر ثان",
                "sms",
                "ar",
                true,
                null,
                null);
        assertEquals("سطر أول\nسطر ثان", rules.validate(multiline).description());
    }

    @Test
    void validate_acceptsArabicNamesWithHarakatAndTatweel() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft named = new RequestDraft(
                d.category(),
                d.channel(),
                "عَبْدُ اللّٰه آل سـعود",
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                null,
                null);
        assertTrue(rules.validate(named).name().startsWith("عَبْدُ"));
    }

    @Test
    void validate_checksTheGuardianBlock() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft carer = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                new RequestDraft.OnBehalfDraft("", "أم"),
                null);
        assertEquals(Map.of("onBehalf.beneficiaryName", ErrorCode.REQUIRED), errorsOf(() -> rules.validate(carer)));
        RequestDraft good = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                true,
                new RequestDraft.OnBehalfDraft("يوسف", "أم"),
                null);
        assertEquals(
                Optional.of(new OnBehalf("يوسف", "أم")), rules.validate(good).onBehalf());
    }

    @Test
    void validate_reportsShapeErrorsOnceWithoutRepeatingThem() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft wrongType = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                null,
                null,
                d.city(),
                d.description(),
                "sms",
                "ar",
                null,
                null,
                List.of(FieldError.of("consent", ErrorCode.INVALID_TYPE)));
        assertEquals(Map.of("consent", ErrorCode.INVALID_TYPE), errorsOf(() -> rules.validate(wrongType)));
    }

    @Test
    void validate_anonymousComplaint_needsNoNameAndNoWayBack() {
        ValidRequest valid = rules.validate(SampleDrafts.anonymousComplaint());

        assertTrue(valid.anonymous());
        assertEquals(Category.COMPLAINT, valid.category());
        assertEquals("", valid.name());
        assertEquals("", valid.mobile());
        assertEquals(ContactMethod.NONE, valid.preferredContact());
    }

    @Test
    void validate_anonymousSuggestion_isAllowedToo() {
        RequestDraft suggestion = withCategory(SampleDrafts.anonymousComplaint(), "suggestion");

        assertTrue(rules.validate(suggestion).anonymous());
    }

    @Test
    void validate_anonymousServiceRequest_isRefused_forThereIsNobodyToServe() {
        RequestDraft service = withCategory(SampleDrafts.anonymousComplaint(), "service");

        assertEquals(Map.of("anonymous", ErrorCode.ANONYMOUS_NOT_ALLOWED), errorsOf(() -> rules.validate(service)));
    }

    @Test
    void validate_anonymousWithIdentity_namesEveryFieldToLeaveOut_insteadOfDroppingIt() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft identified = new RequestDraft(
                        "complaint",
                        d.channel(),
                        d.name(),
                        d.mobile(),
                        "a@example.org",
                        "1012345674",
                        d.city(),
                        d.description(),
                        "sms",
                        d.language(),
                        true,
                        new RequestDraft.OnBehalfDraft("أحمد", "أب"),
                        null)
                .withAnonymous(true);

        assertEquals(
                Map.of(
                        "name", ErrorCode.NOT_WHEN_ANONYMOUS,
                        "mobile", ErrorCode.NOT_WHEN_ANONYMOUS,
                        "email", ErrorCode.NOT_WHEN_ANONYMOUS,
                        "nationalId", ErrorCode.NOT_WHEN_ANONYMOUS,
                        "onBehalf", ErrorCode.NOT_WHEN_ANONYMOUS,
                        "preferredContact", ErrorCode.NOT_WHEN_ANONYMOUS),
                errorsOf(() -> rules.validate(identified)));
    }

    @Test
    void validate_anonymousStillNeedsTheComplaintItselfAndConsent() {
        RequestDraft d = SampleDrafts.anonymousComplaint();
        RequestDraft empty = new RequestDraft(
                d.category(),
                d.channel(),
                null,
                null,
                null,
                null,
                null,
                " ",
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                null);

        assertEquals(
                Map.of(
                        "city", ErrorCode.REQUIRED,
                        "description", ErrorCode.REQUIRED,
                        "language", ErrorCode.REQUIRED,
                        "consent", ErrorCode.CONSENT_REQUIRED),
                errorsOf(() -> rules.validate(empty)));
    }

    @Test
    void validate_noneAsContact_isNotAChoiceForANamedRequest() {
        RequestDraft d = SampleDrafts.valid();
        RequestDraft none = new RequestDraft(
                d.category(),
                d.channel(),
                d.name(),
                d.mobile(),
                d.email(),
                d.nationalId(),
                d.city(),
                d.description(),
                "none",
                d.language(),
                d.consent(),
                d.onBehalf(),
                null);

        assertEquals(Map.of("preferredContact", ErrorCode.INVALID_CHOICE), errorsOf(() -> rules.validate(none)));
    }

    private static RequestDraft withCategory(RequestDraft d, String category) {
        return new RequestDraft(
                category,
                d.channel(),
                d.name(),
                d.mobile(),
                d.email(),
                d.nationalId(),
                d.city(),
                d.description(),
                d.preferredContact(),
                d.language(),
                d.consent(),
                d.onBehalf(),
                d.shapeErrors(),
                d.receivedAt(),
                d.anonymous(),
                d.aboutStaff());
    }

    @Test
    void validate_aboutStaff_isOnlyForComplaints() {
        assertTrue(
                rules.validate(withCategory(SampleDrafts.valid(), "complaint").withAboutStaff(true))
                        .aboutStaff());
        assertEquals(
                Map.of("aboutStaff", ErrorCode.ONLY_FOR_COMPLAINTS),
                errorsOf(() -> rules.validate(SampleDrafts.valid().withAboutStaff(true))));
    }
}
