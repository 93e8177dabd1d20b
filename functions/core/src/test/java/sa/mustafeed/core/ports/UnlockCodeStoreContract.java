package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.reference.ReferenceCode;

/**
 * What {@link UnlockCodeStore} promises: one live code per reference (a second issue while it lives
 * stores nothing), a new one once it expired or was removed; tries are spent one by one up to the
 * limit, never past it under concurrent callers, and never on an expired or absent code. The
 * in-memory fake (core) and DynamoDbUnlockCodes (adapters, against moto) both run it.
 */
public abstract class UnlockCodeStoreContract {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(10));
    private static final ReferenceCode REF = ReferenceCode.random(new SplittableRandom(1));
    private static final ReferenceCode OTHER = ReferenceCode.random(new SplittableRandom(2));

    protected abstract UnlockCodeStore emptyStore() throws Exception;

    private UnlockCodeStore store;

    @BeforeEach
    final void startEmpty() throws Exception {
        store = emptyStore();
    }

    @Test
    void noCode_spendsNothing() {
        assertEquals(Optional.empty(), store.spendTry(REF, NOW, 5));
        store.remove(REF); // nothing to remove: no error
        assertEquals(Optional.empty(), store.spendTry(REF, NOW, 5));
    }

    @Test
    void aLiveCode_isNotReplaced_untilItExpires() {
        assertTrue(store.issue(REF, "first", NOW, EXPIRES));
        assertFalse(store.issue(REF, "second", NOW.plusSeconds(60), EXPIRES.plusSeconds(60)));
        assertEquals(Optional.of("first"), store.spendTry(REF, NOW.plusSeconds(61), 5));
        assertTrue(store.issue(REF, "third", EXPIRES.plusSeconds(1), EXPIRES.plus(Duration.ofMinutes(10))));
        assertEquals(Optional.of("third"), store.spendTry(REF, EXPIRES.plusSeconds(2), 5));
    }

    @Test
    void eachReference_hasItsOwnCode() {
        assertTrue(store.issue(REF, "mine", NOW, EXPIRES));
        assertTrue(store.issue(OTHER, "theirs", NOW, EXPIRES));
        assertEquals(Optional.of("theirs"), store.spendTry(OTHER, NOW, 5));
        assertEquals(Optional.of("mine"), store.spendTry(REF, NOW, 5));
    }

    @Test
    void triesStopAtTheLimit_andAtExpiry() {
        assertTrue(store.issue(REF, "n", NOW, EXPIRES));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of("n"), store.spendTry(REF, NOW, 3));
        }
        assertEquals(Optional.empty(), store.spendTry(REF, NOW, 3), "the fourth try of three");

        assertTrue(store.issue(OTHER, "m", NOW, EXPIRES));
        assertEquals(Optional.empty(), store.spendTry(OTHER, EXPIRES, 3), "expired at its end");
    }

    @Test
    void aRemovedCode_isGone_andANewOneMayBeIssued() {
        assertTrue(store.issue(REF, "n", NOW, EXPIRES));
        store.remove(REF);
        assertEquals(Optional.empty(), store.spendTry(REF, NOW, 5));
        assertTrue(store.issue(REF, "again", NOW, EXPIRES));
    }

    @Test
    void concurrentTries_neverExceedTheLimit() throws Exception {
        assertTrue(store.issue(REF, "n", NOW, EXPIRES));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tries = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> store.spendTry(REF, NOW, 5)))
                    .toList();
            long granted = 0;
            for (Future<Optional<String>> f : tries) {
                granted += f.get().isPresent() ? 1 : 0;
            }
            assertEquals(5, granted);
        } finally {
            pool.shutdownNow();
        }
    }
}
