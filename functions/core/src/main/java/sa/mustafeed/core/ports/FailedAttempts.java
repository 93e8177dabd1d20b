package sa.mustafeed.core.ports;

import java.time.Instant;
import java.util.List;

/**
 * Counts failed tries per subject (a reference, a client) in fixed time windows, to stop guessing.
 * Counters must be atomic under concurrent callers. Windows are named by their start, so an old
 * window is simply never read again: correctness never depends on expired counters being deleted.
 *
 * <p>May throw {@link sa.mustafeed.core.errors.StorageUnavailableException}.
 */
public interface FailedAttempts {

    /** One counter: a subject's failures in the window starting at {@code start}. */
    record Window(String subject, Instant start) {}

    /** Failures recorded for the subject in the window starting at {@code windowStart}; 0 if none. */
    int count(String subject, Instant windowStart);

    /**
     * The counts of several windows, in the order given; a store that can read them in one round trip
     * should (a public lookup checks four before it answers).
     */
    default int[] counts(List<Window> windows) {
        int[] counts = new int[windows.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = count(windows.get(i).subject(), windows.get(i).start());
        }
        return counts;
    }

    /** Adds one failure; the counter may be discarded after {@code discardAfter}. */
    void record(String subject, Instant windowStart, Instant discardAfter);

    /** Forgets these windows' failures (their counts read 0 again); a window never counted is left as is. */
    void clear(List<Window> windows);
}
