package sa.mustafeed.core.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For the satisfaction report: follow-ups created in the period, how many of them were recorded,
 * the rate (recorded ÷ created) and the median time to follow up, in working hours from creation
 * to recorded outcome (working hours, like the service clocks: a follow-up created on Thursday
 * evening and called on Sunday morning was not three days late).
 */
public record FollowUpFigures(long created, long recorded, Optional<Double> rate, Optional<Double> medianWorkingHours) {

    public static FollowUpFigures of(List<FollowUpTally> tallies) {
        long created = 0;
        List<Long> minutes = new ArrayList<>();
        for (FollowUpTally t : tallies) {
            created += t.created();
            minutes.addAll(t.recordedWorkingMinutes());
        }
        long recorded = minutes.size();
        Optional<Double> rate =
                created == 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) recorded / created));
        return new FollowUpFigures(created, recorded, rate, median(minutes).map(m -> m / 60.0));
    }

    private static Optional<Double> median(List<Long> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0);
    }
}
