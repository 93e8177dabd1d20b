package sa.mustafeed.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * The association's working time: which days it works (Sunday–Thursday in Saudi Arabia), its hours,
 * shorter hours in Ramadan, and public holidays. Service clocks count only working minutes, so a
 * request that arrives on Thursday evening is not "late" on Saturday.
 */
public record WorkingCalendar(
        ZoneId zone,
        Set<DayOfWeek> workingDays,
        LocalTime opens,
        LocalTime closes,
        List<Period> ramadan,
        LocalTime ramadanOpens,
        LocalTime ramadanCloses,
        Set<LocalDate> holidays) {

    /** An inclusive range of dates. */
    public record Period(LocalDate first, LocalDate last) {
        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    public WorkingCalendar {
        workingDays = Set.copyOf(workingDays);
        ramadan = List.copyOf(ramadan);
        holidays = Set.copyOf(holidays);
        if (!opens.isBefore(closes) || !ramadanOpens.isBefore(ramadanCloses)) {
            throw new IllegalArgumentException("opening time must be before closing time");
        }
    }

    /** Working minutes from {@code from} to {@code to} (0 when {@code to} is not after {@code from}). */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long minutes = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate lastDay = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant dayOpens = at(day, opensOn(day));
            Instant dayCloses = at(day, closesOn(day));
            Instant start = from.isAfter(dayOpens) ? from : dayOpens;
            Instant end = to.isBefore(dayCloses) ? to : dayCloses;
            if (end.isAfter(start)) {
                minutes += Duration.between(start, end).toMinutes();
            }
        }
        return minutes;
    }

    /** The instant when {@code minutes} working minutes after {@code start} have passed. */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        long left = minutes;
        ZonedDateTime cursor = start.atZone(zone);
        for (int guard = 0; guard < 3660; guard++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                Instant dayOpens = at(day, opensOn(day));
                Instant dayCloses = at(day, closesOn(day));
                Instant begin = cursor.toInstant().isAfter(dayOpens) ? cursor.toInstant() : dayOpens;
                if (begin.isBefore(dayCloses)) {
                    long available = Duration.between(begin, dayCloses).toMinutes();
                    if (left <= available) {
                        return begin.plus(Duration.ofMinutes(left));
                    }
                    left -= available;
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within ten years: check the calendar");
    }

    /**
     * The same point of the working day {@code days} working days after {@code start} (a start
     * outside working hours counts from the next opening; a shorter day, as in Ramadan, ends at its
     * close). "Call back within 2 working days" of Monday 10:00 is Wednesday 10:00; of Thursday
     * evening, Tuesday at opening.
     */
    public Instant addWorkingDays(Instant start, int days) {
        Instant begin = addWorkingMinutes(start, 0);
        LocalDate day = begin.atZone(zone).toLocalDate();
        long offset = Duration.between(at(day, opensOn(day)), begin).toMinutes();
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        long length =
                Duration.between(at(day, opensOn(day)), at(day, closesOn(day))).toMinutes();
        return at(day, opensOn(day)).plus(Duration.ofMinutes(Math.min(offset, length)));
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private boolean inRamadan(LocalDate day) {
        return ramadan.stream().anyMatch(p -> p.contains(day));
    }

    private LocalTime opensOn(LocalDate day) {
        return inRamadan(day) ? ramadanOpens : opens;
    }

    private LocalTime closesOn(LocalDate day) {
        return inRamadan(day) ? ramadanCloses : closes;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }
}
