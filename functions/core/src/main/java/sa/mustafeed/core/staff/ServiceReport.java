package sa.mustafeed.core.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.request.Channel;
import sa.mustafeed.core.request.ServiceRequest;
import sa.mustafeed.core.request.Status;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.sla.WorkingCalendar;

/**
 * How fast the association serves, for managers: volumes by channel, category and status, working
 * hours to the first action and to completion (median and 90th percentile), and the share finished
 * within the target. Figures describe the service, never a person.
 */
public record ServiceReport(int requests, Map<Channel, Integer> byChannel, Map<Category, Integer> byCategory,
        Map<Status, Integer> byStatus, Optional<Double> firstActionMedianHours, Optional<Double> firstActionP90Hours,
        Optional<Double> completionMedianHours, Optional<Double> completionP90Hours, Optional<Double> withinTarget,
        Map<String, Integer> completionHistogram) {

    /** Buckets of working time to completion; a working day is the calendar's usual day. */
    static final List<String> BUCKETS = List.of("<1d", "1-2d", "2-5d", "5-10d", ">10d");

    public static ServiceReport of(List<CaseSummary> cases, ServiceLevels levels, Instant now) {
        WorkingCalendar calendar = levels.calendar();
        long dayMinutes = java.time.Duration.between(calendar.opens(), calendar.closes()).toMinutes();
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        List<Double> firstAction = new ArrayList<>();
        List<Double> completion = new ArrayList<>();
        Map<String, Integer> histogram = new LinkedHashMap<>();
        BUCKETS.forEach(b -> histogram.put(b, 0));
        int met = 0;
        int finished = 0;
        for (CaseSummary c : cases) {
            ServiceRequest r = c.request();
            byChannel.merge(r.channel(), 1, Integer::sum);
            byCategory.merge(r.category(), 1, Integer::sum);
            byStatus.merge(r.status(), 1, Integer::sum);
            c.clock().firstActionAt().ifPresent(at -> firstAction.add(calendar.workingMinutesBetween(r.submittedAt(), at) / 60.0));
            ServiceLevels.Reading reading = levels.read(r.category(), r.status(), r.submittedAt(), c.clock().pausedMinutes(),
                    c.clock().waitingSince(), c.clock().finishedAt(), now);
            if (c.clock().finishedAt().isPresent()) {
                finished++;
                if (reading.state() == ServiceLevels.State.MET) {
                    met++;
                }
            }
            if (r.status() == Status.COMPLETED || r.status() == Status.CLOSED && c.clock().finishedAt().isPresent()) {
                double minutes = reading.workingMinutesElapsed();
                completion.add(minutes / 60.0);
                histogram.merge(bucket(minutes / dayMinutes), 1, Integer::sum);
            }
        }
        return new ServiceReport(cases.size(), byChannel, byCategory, byStatus, percentile(firstAction, 0.5),
                percentile(firstAction, 0.9), percentile(completion, 0.5), percentile(completion, 0.9),
                finished == 0 ? Optional.empty() : Optional.of((double) met / finished), histogram);
    }

    private static String bucket(double days) {
        if (days < 1) {
            return "<1d";
        }
        if (days < 2) {
            return "1-2d";
        }
        if (days < 5) {
            return "2-5d";
        }
        return days < 10 ? "5-10d" : ">10d";
    }

    /** Nearest-rank percentile, rounded to a tenth of an hour; empty for no data. */
    static Optional<Double> percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        double value = sorted.get(Math.max(0, rank - 1));
        return Optional.of(Math.round(value * 10) / 10.0);
    }
}
