package sa.mustafeed.core.ports;

import java.time.Instant;

/**
 * Counts failed tries per subject (a reference, a client) in fixed time windows, to stop guessing.
 * Counters must be atomic under concurrent callers. Windows are named by their start, so an old
 * window is simply never read again: correctness never depends on expired counters being deleted.
 *
 * <p>May throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface FailedAttempts {

    /** Failures recorded for the subject in the window starting at {@code windowStart}; 0 if none. */
    int count(String subject, Instant windowStart);

    /** Adds one failure; the counter may be discarded after {@code discardAfter}. */
    void record(String subject, Instant windowStart, Instant discardAfter);
}
