package sa.mustafeed.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import sa.mustafeed.core.complaints.ComplaintPolicy;
import sa.mustafeed.core.recovery.FollowUpPolicy;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.sla.WorkingCalendar;

/** Reads {@code service-levels.json} (working calendar and targets) from the jar at cold start. */
public final class ServiceLevelsFile {
    private ServiceLevelsFile() {}

    public static ServiceLevels load() {
        return parse(read());
    }

    /**
     * Service recovery's clock: call back within {@code followUpWorkingDays} working days of the
     * same calendar. The file is the one source of the setting.
     */
    public static FollowUpPolicy followUps() {
        Map<String, Object> config = read();
        return followUps(parse(config), config);
    }

    static FollowUpPolicy followUps(ServiceLevels levels, Map<String, Object> config) {
        Object days = config.get("followUpWorkingDays");
        if (!(days instanceof Number number)) {
            throw new IllegalStateException("service-levels.json has no followUpWorkingDays");
        }
        return new FollowUpPolicy(levels.calendar(), number.intValue());
    }

    /**
     * A complaint's own clock: acknowledged within {@code complaintAcknowledgeWorkingDays} and
     * answered within {@code complaintRespondWorkingDays} working days of the same calendar.
     */
    public static ComplaintPolicy complaints() {
        Map<String, Object> config = read();
        return complaints(parse(config), config);
    }

    static ComplaintPolicy complaints(ServiceLevels levels, Map<String, Object> config) {
        return new ComplaintPolicy(
                levels.calendar(),
                days(config, "complaintAcknowledgeWorkingDays"),
                days(config, "complaintRespondWorkingDays"));
    }

    private static int days(Map<String, Object> config, String key) {
        if (!(config.get(key) instanceof Number number)) {
            throw new IllegalStateException("service-levels.json has no " + key);
        }
        return number.intValue();
    }

    private static Map<String, Object> read() {
        try (InputStream in = ServiceLevelsFile.class.getResourceAsStream("/service-levels.json")) {
            if (in == null) {
                throw new IllegalStateException("service-levels.json is missing from the jar");
            }
            return Json.readObject(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static ServiceLevels parse(Map<String, Object> config) {
        Set<DayOfWeek> days = ((List<Object>) config.get("workingDays"))
                .stream().map(d -> DayOfWeek.valueOf(String.valueOf(d))).collect(Collectors.toSet());
        List<WorkingCalendar.Period> ramadan = ((List<Object>) config.getOrDefault("ramadan", List.of()))
                .stream()
                        .map(p -> (Map<String, Object>) p)
                        .map(p -> new WorkingCalendar.Period(
                                LocalDate.parse(String.valueOf(p.get("first"))),
                                LocalDate.parse(String.valueOf(p.get("last")))))
                        .toList();
        Set<LocalDate> holidays = ((List<Object>) config.getOrDefault("holidays", List.of()))
                .stream().map(d -> LocalDate.parse(String.valueOf(d))).collect(Collectors.toSet());
        WorkingCalendar calendar = new WorkingCalendar(
                ZoneId.of(String.valueOf(config.get("zone"))),
                days,
                LocalTime.parse(String.valueOf(config.get("opens"))),
                LocalTime.parse(String.valueOf(config.get("closes"))),
                ramadan,
                LocalTime.parse(String.valueOf(config.get("ramadanOpens"))),
                LocalTime.parse(String.valueOf(config.get("ramadanCloses"))),
                holidays);
        Map<Category, Integer> targets = new EnumMap<>(Category.class);
        ((Map<String, Object>) config.get("targetHours"))
                .forEach((name, hours) -> targets.put(
                        Category.fromWireName(name)
                                .orElseThrow(() -> new IllegalArgumentException("unknown category " + name)),
                        ((Number) hours).intValue()));
        return new ServiceLevels(calendar, targets);
    }
}
