package sa.mustafeed.core.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sa.mustafeed.core.ports.FailedAttempts;

/** {@link FailedAttempts} in memory, atomic like DynamoDB's ADD. */
public final class InMemoryFailedAttempts implements FailedAttempts {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public int count(String subject, Instant windowStart) {
        return counts.getOrDefault(subject + "@" + windowStart.getEpochSecond(), 0);
    }

    @Override
    public void record(String subject, Instant windowStart, Instant discardAfter) {
        counts.merge(subject + "@" + windowStart.getEpochSecond(), 1, Integer::sum);
    }

    @Override
    public void clear(List<Window> windows) {
        windows.forEach(w -> counts.remove(w.subject() + "@" + w.start().getEpochSecond()));
    }
}
