package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.errors.RequestNotFoundException;
import sa.mustafeed.core.errors.TooManyAttemptsException;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.ports.RequestRepository;
import sa.mustafeed.core.reference.ReferenceCode;

class ContactChoiceServiceTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final LookupService lookups =
            new LookupService(repository, new InMemoryFailedAttempts(), SampleDrafts.HASHER, clock);
    /** Every changeContact the service asked for, and what the store answers (the real fake unless told). */
    private final List<ContactMethod> writes = new ArrayList<>();

    private Optional<RequestRepository.ContactChange> storeAnswers = Optional.empty();
    private final ContactChoiceService choices = new ContactChoiceService(lookups, new Recording());
    private ReferenceCode onSms;
    private ReferenceCode withEmail;

    @BeforeEach
    void submitTwo() {
        SubmissionService submissions = new SubmissionService(
                RequestRules.forPublicChannels(),
                repository,
                SampleDrafts.HASHER,
                clock,
                new SplittableRandom(5),
                "2026-11");
        onSms = submissions.submit(SampleDrafts.valid(), Optional.empty()).reference();
        RequestDraft d = SampleDrafts.valid();
        withEmail = submissions
                .submit(
                        new RequestDraft(
                                d.category(),
                                d.channel(),
                                d.name(),
                                "0559876543",
                                "sara@example.com",
                                null,
                                d.city(),
                                d.description(),
                                "sms",
                                "ar",
                                true,
                                null,
                                null),
                        Optional.empty())
                .reference();
    }

    private ContactMethod change(ReferenceCode reference, String lastFour, String choice) {
        return choices.change(LookupQuery.of(reference.display(), lastFour), ContactChoice.of(choice), "10.0.0.1");
    }

    private ContactMethod stored(ReferenceCode reference) {
        return repository.findWithTimeline(reference).orElseThrow().request().preferredContact();
    }

    private static List<FieldError> errorsOf(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).errors();
    }

    @Test
    void change_toWhatsApp_storesIt_andTheLookupShowsIt() {
        assertEquals(ContactMethod.WHATSAPP, change(onSms, "٤٥٦٧", "whatsapp"));

        assertEquals(ContactMethod.WHATSAPP, stored(onSms));
        LookupResult seen = lookups.lookup(LookupQuery.of(onSms.value(), "4567"), "10.0.0.1");
        assertEquals(ContactMethod.WHATSAPP, seen.preferredContact());
        assertEquals(List.of(ContactMethod.SMS, ContactMethod.WHATSAPP), seen.contactChoices());
        assertEquals(List.of(ContactMethod.WHATSAPP), writes);
    }

    @Test
    void change_onAnAnonymousRequest_isRefused_forThereIsNoWayToReachItsSender() {
        SubmissionReceipt anonymous = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(6),
                        "2026-11")
                .submit(SampleDrafts.anonymousComplaint(), Optional.empty());
        LookupQuery who = new LookupQuery(
                anonymous.reference().display(), null, anonymous.trackingCode().orElseThrow(), null);

        assertEquals(
                List.of(FieldError.of("preferredContact", ErrorCode.NOT_WHEN_ANONYMOUS)),
                errorsOf(() -> choices.change(who, ContactChoice.of("sms"), "10.0.0.1")));
        assertEquals(ContactMethod.NONE, stored(anonymous.reference()));
        assertEquals(List.of(), writes);
    }

    @Test
    void change_toNone_isNotAChoice() {
        assertEquals(
                List.of(FieldError.of("preferredContact", ErrorCode.INVALID_CHOICE)),
                errorsOf(() -> change(onSms, "4567", "none")));
    }

    @Test
    void change_toWhatIsAlreadyStored_writesNothing() {
        assertEquals(ContactMethod.SMS, change(onSms, "4567", " sms "));
        assertEquals(List.of(), writes);
    }

    @Test
    void choicesFor_offersEmailOnlyWithAnAddress() {
        assertEquals(
                List.of(ContactMethod.SMS, ContactMethod.WHATSAPP, ContactMethod.EMAIL),
                lookups.lookup(LookupQuery.of(withEmail.value(), "6543"), "10.0.0.1")
                        .contactChoices());
        assertEquals(ContactMethod.EMAIL, change(withEmail, "6543", "email"));
        assertEquals(ContactMethod.EMAIL, stored(withEmail));
    }

    @Test
    void change_toEmailWithoutAnAddress_isEmailRequired_andWritesNothing() {
        assertEquals(
                List.of(FieldError.of("preferredContact", ErrorCode.EMAIL_REQUIRED_FOR_CONTACT)),
                errorsOf(() -> change(onSms, "4567", "email")));
        assertEquals(ContactMethod.SMS, stored(onSms));
        assertEquals(List.of(), writes);
    }

    @Test
    void change_unknownOrMissingChoice_isRefusedOnTheField() {
        assertEquals(
                List.of(FieldError.of("preferredContact", ErrorCode.INVALID_CHOICE)),
                errorsOf(() -> change(onSms, "4567", "telegram")));
        assertEquals(
                List.of(FieldError.of("preferredContact", ErrorCode.REQUIRED)),
                errorsOf(() -> change(onSms, "4567", " ")));
        assertEquals(ContactMethod.SMS, stored(onSms));
    }

    @Test
    void change_withAMalformedReferenceDigitsAndChoice_listsAllInTheFormsOrder_countingNothing() {
        List<FieldError> errors = errorsOf(() -> choices.change(
                LookupQuery.of("not-a-ref", "45"),
                new ContactChoice(null, List.of(FieldError.of("preferredContact", ErrorCode.INVALID_TYPE))),
                "10.0.0.1"));

        assertEquals(
                List.of(
                        FieldError.of("reference", ErrorCode.INVALID_REFERENCE),
                        FieldError.of("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4),
                        FieldError.of("preferredContact", ErrorCode.INVALID_TYPE)),
                errors);
        // Malformed input is no guess: the right digits still get through afterwards.
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            errorsOf(() -> change(onSms, "45", "telegram"));
        }
        assertEquals(ContactMethod.WHATSAPP, change(onSms, "4567", "whatsapp"));
    }

    @Test
    void change_withWrongDigits_isNotFound_countedAsTheLookupCountsIt() {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            assertThrows(RequestNotFoundException.class, () -> change(onSms, "0000", "whatsapp"));
        }
        assertThrows(TooManyAttemptsException.class, () -> change(onSms, "4567", "whatsapp"));
        assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(LookupQuery.of(onSms.value(), "4567"), "10.0.0.1"));
        assertEquals(ContactMethod.SMS, stored(onSms));
        assertEquals(List.of(), writes);
    }

    @Test
    void change_whenTheAddressWasErasedBeforeTheWrite_isEmailRequired() {
        storeAnswers = Optional.of(RequestRepository.ContactChange.NO_EMAIL);
        assertEquals(
                List.of(FieldError.of("preferredContact", ErrorCode.EMAIL_REQUIRED_FOR_CONTACT)),
                errorsOf(() -> change(withEmail, "6543", "email")));
    }

    @Test
    void change_whenTheRequestVanishedBeforeTheWrite_isNotFound() {
        storeAnswers = Optional.of(RequestRepository.ContactChange.NO_SUCH_REQUEST);
        assertThrows(RequestNotFoundException.class, () -> change(onSms, "4567", "whatsapp"));
    }

    /** The in-memory store, recording each change asked for; answers as told when a race is staged. */
    private final class Recording implements RequestRepository {
        @Override
        public CreateOutcome create(
                ServiceRequest request,
                TimelineEntry firstEntry,
                Optional<IdempotencyRecord> idempotency,
                Registration registration) {
            return repository.create(request, firstEntry, idempotency, registration);
        }

        @Override
        public List<ReferenceCode> openRequestsOf(String mobileHash, Optional<String> nationalIdHash) {
            return repository.openRequestsOf(mobileHash, nationalIdHash);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String key) {
            return repository.findIdempotency(key);
        }

        @Override
        public Optional<RequestWithTimeline> findWithTimeline(ReferenceCode reference) {
            return repository.findWithTimeline(reference);
        }

        @Override
        public ContactChange changeContact(ReferenceCode reference, ContactMethod to) {
            writes.add(to);
            return storeAnswers.orElseGet(() -> repository.changeContact(reference, to));
        }
    }
}
