package sa.mustafeed.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import sa.mustafeed.core.errors.UnlockCodeRejectedException;
import sa.mustafeed.core.fakes.InMemoryFailedAttempts;
import sa.mustafeed.core.fakes.InMemoryRequestRepository;
import sa.mustafeed.core.fakes.InMemoryUnlockCodeStore;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * The hole it closes: five wrong tries by anyone who knows a reference locked its owner out of the
 * lookup (and messages and uploads) for about sixteen minutes, with no way back in. Now the owner
 * asks for a code, receives it on the phone on file, and is in; the guesser, without the phone, is not.
 */
class LookupUnlocksTest {
    private static final String OWNER = "10.0.0.1";
    private static final String GUESSER = "203.0.113.9";

    private final InMemoryRequestRepository repository = new InMemoryRequestRepository();
    private final MutableClock clock = new MutableClock(SampleDrafts.NOW);
    private final InMemoryUnlockCodeStore codes = new InMemoryUnlockCodeStore();
    private final LookupService lookups =
            new LookupService(repository, new InMemoryFailedAttempts(), SampleDrafts.HASHER, clock);
    private final LookupUnlocks unlocks = new LookupUnlocks(lookups, repository, codes, SampleDrafts.HASHER, clock);
    private final UnlockCodes derive = new UnlockCodes(SampleDrafts.HASHER);
    private ReferenceCode reference;
    private int seed = 5;

    @BeforeEach
    void submitOne() {
        reference = submit(SampleDrafts.valid());
    }

    private ReferenceCode submit(RequestDraft draft) {
        return new SubmissionService(
                        RequestRules.forPublicChannels(),
                        repository,
                        SampleDrafts.HASHER,
                        clock,
                        new SplittableRandom(seed++),
                        "2026-11")
                .submit(draft, Optional.empty())
                .reference();
    }

    private void lockByGuessing(ReferenceCode ref) {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            assertThrows(
                    RequestNotFoundException.class, () -> lookups.lookup(LookupQuery.of(ref.value(), "0000"), GUESSER));
        }
        assertThrows(TooManyAttemptsException.class, () -> lookups.lookup(LookupQuery.of(ref.value(), "4567"), OWNER));
    }

    /** What the notifier sends: the code derived from the stored nonce. */
    private String codeSent(ReferenceCode ref) {
        return derive.codeFor(ref, codes.nonceOf(ref).orElseThrow());
    }

    @Test
    void theOwner_locked_outByAGuesser_getsBackInWithTheCodeSentToTheirPhone() {
        lockByGuessing(reference);

        assertTrue(unlocks.requestCode(UnlockQuery.of(reference.display())));
        LookupResult result = unlocks.unlock(UnlockQuery.of(reference.display(), codeSent(reference)), OWNER);

        assertEquals(reference, result.reference());
        assertEquals(Status.RECEIVED, result.status());
        // and the lookup, messages and uploads work again: the reference's failures are forgotten
        assertEquals(
                reference,
                lookups.lookup(LookupQuery.of(reference.value(), "4567"), OWNER).reference());
        // the code was for one use
        assertThrows(
                UnlockCodeRejectedException.class,
                () -> unlocks.unlock(UnlockQuery.of(reference.value(), "123456"), OWNER));
    }

    @Test
    void theGuesser_withoutThePhone_staysOut_fiveTriesPerCode() {
        lockByGuessing(reference);
        assertTrue(unlocks.requestCode(UnlockQuery.of(reference.value())));
        String right = codeSent(reference);
        String wrong = right.equals("000000") ? "000001" : "000000";

        for (int i = 0; i < LookupUnlocks.MAX_TRIES; i++) {
            assertThrows(
                    UnlockCodeRejectedException.class,
                    () -> unlocks.unlock(UnlockQuery.of(reference.value(), wrong), GUESSER));
        }
        // even the right code is refused once the code's tries are spent
        assertThrows(
                UnlockCodeRejectedException.class,
                () -> unlocks.unlock(UnlockQuery.of(reference.value(), right), OWNER));
        assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(LookupQuery.of(reference.value(), "4567"), OWNER),
                "still locked: the guesser opened nothing");
    }

    @Test
    void askingAgain_whileACodeLives_sendsNoSecondCode_afterItExpires_anotherOne() {
        lockByGuessing(reference);
        assertTrue(unlocks.requestCode(UnlockQuery.of(reference.value())));
        String first = codeSent(reference);

        clock.advance(Duration.ofMinutes(5));
        assertFalse(unlocks.requestCode(UnlockQuery.of(reference.value())), "one SMS per ten minutes");
        assertEquals(first, codeSent(reference));

        clock.advance(LookupUnlocks.VALID_FOR);
        assertThrows(
                UnlockCodeRejectedException.class,
                () -> unlocks.unlock(UnlockQuery.of(reference.value(), first), OWNER),
                "expired");
    }

    @Test
    void noCode_forAnUnlockedReference_anUnknownOne_orAnAnonymousRequest() {
        assertFalse(unlocks.requestCode(UnlockQuery.of(reference.value())), "not locked: the lookup lets them in");
        ReferenceCode unknown = ReferenceCode.random(new SplittableRandom(99));
        lockByGuessing(unknown);
        assertFalse(unlocks.requestCode(UnlockQuery.of(unknown.value())));
        assertEquals(Optional.empty(), codes.nonceOf(unknown));

        ReferenceCode anonymous = submit(SampleDrafts.anonymousComplaint());
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_REFERENCE; i++) {
            assertThrows(
                    RequestNotFoundException.class,
                    () -> lookups.lookup(new LookupQuery(anonymous.value(), null, "000000", List.of()), GUESSER));
        }
        assertFalse(unlocks.requestCode(UnlockQuery.of(anonymous.value())), "no phone to send to");
    }

    @Test
    void wrongCodes_countAgainstTheClientsOwnLimit() {
        for (int i = 0; i < LookupService.MAX_FAILURES_PER_CLIENT; i++) {
            ReferenceCode other = ReferenceCode.random(new SplittableRandom(1000 + i));
            assertThrows(
                    UnlockCodeRejectedException.class,
                    () -> unlocks.unlock(UnlockQuery.of(other.value(), "123456"), GUESSER));
        }
        assertThrows(
                TooManyAttemptsException.class,
                () -> unlocks.unlock(UnlockQuery.of(reference.value(), "123456"), GUESSER));
        assertThrows(
                TooManyAttemptsException.class,
                () -> lookups.lookup(LookupQuery.of(reference.value(), "4567"), GUESSER),
                "one limit for the lookup and the unlock");
    }

    @Test
    void malformedInput_namesEachField_andSpendsNoTry() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> unlocks.unlock(UnlockQuery.of("nope", "12"), OWNER));
        assertEquals(
                List.of(
                        FieldError.of("reference", ErrorCode.INVALID_REFERENCE),
                        FieldError.of("code", ErrorCode.INVALID_UNLOCK_CODE)),
                e.errors());
        InvalidInputException missing =
                assertThrows(InvalidInputException.class, () -> unlocks.requestCode(UnlockQuery.of(" ", null)));
        assertEquals(List.of(FieldError.of("reference", ErrorCode.REQUIRED)), missing.errors());
    }

    @Test
    void theCode_isDerived_neverStored_andTypedWithArabicDigits() {
        lockByGuessing(reference);
        assertTrue(unlocks.requestCode(UnlockQuery.of(reference.value())));
        String nonce = codes.nonceOf(reference).orElseThrow();
        String code = codeSent(reference);
        assertFalse(nonce.contains(code), "the store holds the nonce, not the code");
        String arabic = code.chars()
                .mapToObj(c -> String.valueOf((char) ('\u0660' + (c - '0'))))
                .reduce("", String::concat);
        assertEquals(
                reference,
                unlocks.unlock(UnlockQuery.of(reference.value(), arabic), OWNER).reference());
    }
}
