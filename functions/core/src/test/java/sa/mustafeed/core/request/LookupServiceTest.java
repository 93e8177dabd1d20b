package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import sa.mustafeed.core.reference.ReferenceCode;

class LookupServiceTest {
    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final LookupService lookups =
            new LookupService(repository, new InMemoryFailedAttempts(), SampleDrafts.HASHER, clock);
    private ReferenceCode reference;

    @BeforeEach
    void submitOne() {
        reference = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(5),
                        "2026-11")
                .submit(SampleDrafts.valid(), Optional.empty())
                .reference();
    }

    @Test
    void lookup_withReferenceAndLastFour_showsStatusAndTimeline() {
        LookupResult result = lookups.lookup(LookupQuery.of(reference.display().toLowerCase(), "٤٥٦٧"), "10.0.0.1");

        assertEquals(reference, result.reference());
        assertEquals(Status.RECEIVED, result.status());
        assertEquals(Category.SERVICE, result.category());
        assertEquals(List.of(new TimelineEntry(SampleDrafts.NOW, Status.RECEIVED)), result.timeline());
    }

    @Test
    void lookup_wrongDigitsAndUnknownReference_giveTheSameAnswer() {
        assertThrows(
                RequestNotFoundException.class,
                () -> lookups.lookup(LookupQuery.of(reference.value(), "0000"), "10.0.0.1"));
        ReferenceCode unknown = ReferenceCode.random(new SplittableRandom(99));
        assertThrows(
                RequestNotFoundException.class,
                () -> lookups.lookup(LookupQuery.of(unknown.value(), "4567"), "10.0.0.1"));
    }

    @Test
    void lookup_aMistypedReference_isCaughtByItsCheckCharacter() {
        String typo = (reference.value().charAt(0) == 'A' ? "B" : "A")
                + reference.value().substring(1);
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> lookups.lookup(LookupQuery.of(typo, "4567"), "10.0.0.1"));
        assertEquals(List.of(FieldError.of("reference", ErrorCode.INVALID_REFERENCE)), e.errors());
    }

    @Test
    void lookup_missingOrMalformedInput_namesEachField() {
        // GIVEN no reference, and digits the edge could not read (a JSON number)
        LookupQuery query =
                new LookupQuery(null, null, List.of(FieldError.of("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4)));
        // WHEN / THEN both are named, in the order of the form
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lookups.lookup(query, "ip"));
        assertEquals(
                List.of(
                        FieldError.of("reference", ErrorCode.REQUIRED),
                        FieldError.of("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4)),
                e.errors());
    }

    @Test
    void lookup_blankOrMistypedDigits_areRequiredOrInvalid_andNothingIsCounted() {
        assertEquals(
                List.of(FieldError.of("mobileLast4", ErrorCode.REQUIRED)),
                assertThrows(
                                InvalidInputException.class,
                                () -> lookups.lookup(LookupQuery.of(reference.value(), "  "), "ip"))
                        .errors());
        assertEquals(
                List.of(
                        FieldError.of("reference", ErrorCode.INVALID_REFERENCE),
                        FieldError.of("mobileLast4", ErrorCode.INVALID_MOBILE_LAST4)),
                assertThrows(
                                InvalidInputException.class,
                                () -> lookups.lookup(LookupQuery.of("not a code", "45a7"), "ip"))
                        .errors());
        assertEquals(
                reference,
                lookups.lookup(LookupQuery.of(reference.value(), "4567"), "ip").reference());
    }

    @Test
    void lookup_afterFiveFailuresOnAReference_refusesEvenTheRightDigitsUntilTheNextWindowEnds() {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            String client = "10.0.0." + i;
            assertThrows(
                    RequestNotFoundException.class,
                    () -> lookups.lookup(LookupQuery.of(reference.value(), "1111"), client));
        }
        TooManyAttemptsException limited = assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(LookupQuery.of(reference.value(), "4567"), "10.9.9.9"));
        assertTrue(limited.retryAfter().compareTo(LookupService.WINDOW.multipliedBy(2)) <= 0);

        clock.advance(LookupService.WINDOW);
        assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(LookupQuery.of(reference.value(), "4567"), "10.9.9.9"),
                "failures of the last window still count");
        clock.advance(LookupService.WINDOW);
        assertEquals(
                reference,
                lookups.lookup(LookupQuery.of(reference.value(), "4567"), "10.9.9.9")
                        .reference());
    }

    @Test
    void lookup_guessesSpreadAcrossAWindowBoundary_stillStopAtTheLimit() {
        // Just before a boundary, then just after it: one allowance in all, not two.
        clock.advance(Duration.ofSeconds(LookupService.WINDOW.toSeconds()
                - clock.instant().getEpochSecond() % LookupService.WINDOW.toSeconds()
                - 2));
        SplittableRandom random = new SplittableRandom(11);
        int answered = 0;
        for (int i = 0; i < 3 * LookupService.MAX_FAILURES_PER_CLIENT; i++) {
            if (i == LookupService.MAX_FAILURES_PER_CLIENT / 2) {
                clock.advance(Duration.ofSeconds(4));
            }
            String guess = ReferenceCode.random(random).value();
            try {
                lookups.lookup(LookupQuery.of(guess, "1234"), "10.5.5.5");
            } catch (RequestNotFoundException notFound) {
                answered++;
            } catch (TooManyAttemptsException limited) {
                // expected once the allowance is spent
            }
        }
        assertEquals(LookupService.MAX_FAILURES_PER_CLIENT, answered);
    }

    @Test
    void lookup_oneClientGuessingManyReferences_isStopped() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_CLIENT; i++) {
            String guess = ReferenceCode.random(random).value();
            assertThrows(
                    RequestNotFoundException.class, () -> lookups.lookup(LookupQuery.of(guess, "1234"), "10.6.6.6"));
        }
        assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(LookupQuery.of(reference.value(), "4567"), "10.6.6.6"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                reference,
                lookups.lookup(LookupQuery.of(reference.value(), "4567"), "10.7.7.7")
                        .reference());
    }

    @Test
    void lookup_anonymousRequest_opensWithItsTrackingCode_andNothingElse() {
        SubmissionReceipt receipt = new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(8),
                        "2026-11")
                .submit(SampleDrafts.anonymousComplaint(), Optional.empty());
        String ref = receipt.reference().display();
        String code = receipt.trackingCode().orElseThrow();

        LookupResult found = lookups.lookup(
                new LookupQuery(ref, null, code.substring(0, 3) + " " + code.substring(3), null), "10.0.0.1");
        assertEquals(Category.COMPLAINT, found.category());
        assertEquals(List.of(), found.contactChoices());

        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThrows(
                RequestNotFoundException.class,
                () -> lookups.lookup(new LookupQuery(ref, null, wrong, null), "10.0.0.1"));
        // An anonymous request has no mobile digits to prove, whatever is typed.
        assertThrows(RequestNotFoundException.class, () -> lookups.lookup(LookupQuery.of(ref, "0000"), "10.0.0.1"));
    }

    @Test
    void lookup_namedRequest_neverOpensWithATrackingCode() {
        String code = new TrackingCodes(SampleDrafts.HASHER).codeFor(reference);

        assertThrows(
                RequestNotFoundException.class,
                () -> lookups.lookup(new LookupQuery(reference.value(), null, code, null), "10.0.0.1"));
    }

    @Test
    void lookup_wrongTrackingCodes_countAsFailedTries() {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            String guess = String.format("%06d", i);
            assertThrows(
                    RequestNotFoundException.class,
                    () -> lookups.lookup(new LookupQuery(reference.value(), null, guess, null), "10.0.0.1"));
        }
        assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(new LookupQuery(reference.value(), null, "999999", null), "10.0.0.1"));
    }

    @Test
    void lookup_malformedTrackingCode_isNamed_andNotCounted() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> lookups.lookup(new LookupQuery(reference.value(), null, "12ab", null), "10.0.0.1"));

        assertEquals(List.of(FieldError.of("trackingCode", ErrorCode.INVALID_TRACKING_CODE)), e.errors());
    }
}
