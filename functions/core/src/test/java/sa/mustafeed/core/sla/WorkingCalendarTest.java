package sa.mustafeed.core.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.request.Status;

class WorkingCalendarTest {
    static final WorkingCalendar CALENDAR = sa.mustafeed.core.fakes.SampleServiceLevels.CALENDAR;

    private static Instant riyadh(String local) {
        return java.time.LocalDateTime.parse(local)
                .atZone(ZoneId.of("Asia/Riyadh"))
                .toInstant();
    }

    @Test
    void thursdayEveningToSundayMorning_isNoWorkingTime() {
        assertEquals(0, CALENDAR.workingMinutesBetween(riyadh("2026-11-26T17:00"), riyadh("2026-11-29T08:00")));
    }

    @Test
    void aFullWorkingDay_isEightHours_andRamadanDaysFive() {
        assertEquals(8 * 60, CALENDAR.workingMinutesBetween(riyadh("2026-11-29T00:00"), riyadh("2026-11-30T00:00")));
        assertEquals(5 * 60, CALENDAR.workingMinutesBetween(riyadh("2026-03-01T00:00"), riyadh("2026-03-02T00:00")));
    }

    @Test
    void addWorkingMinutes_skipsTheWeekendAndHolidays() {
        // Wednesday 2026-12-02 15:00 + 2 working hours: one hour Wednesday, Thursday is a holiday,
        // Friday and Saturday are the weekend, so Sunday 09:00.
        assertEquals(riyadh("2026-12-06T09:00"), CALENDAR.addWorkingMinutes(riyadh("2026-12-02T15:00"), 120));
    }

    @Test
    void addWorkingDays_keepsTheTimeOfDay_skippingWeekendsAndHolidays() {
        // Monday 10:00 + 2 working days: Wednesday 10:00.
        assertEquals(riyadh("2026-11-25T10:00"), CALENDAR.addWorkingDays(riyadh("2026-11-23T10:00"), 2));
        // Wednesday 2026-12-02 11:00: Thursday is a holiday, so Sunday then Monday.
        assertEquals(riyadh("2026-12-07T11:00"), CALENDAR.addWorkingDays(riyadh("2026-12-02T11:00"), 2));
        // Thursday evening counts from Sunday's opening: Tuesday 08:00.
        assertEquals(riyadh("2026-12-01T08:00"), CALENDAR.addWorkingDays(riyadh("2026-11-26T19:00"), 2));
        // Into Ramadan's shorter day: 15:30 on a normal day lands at the Ramadan close (15:00).
        assertEquals(riyadh("2026-02-18T15:00"), CALENDAR.addWorkingDays(riyadh("2026-02-16T15:30"), 2));
    }

    @Test
    void waitingForTheBeneficiary_pausesTheClock() {
        ServiceLevels levels = sa.mustafeed.core.fakes.SampleServiceLevels.LEVELS;
        Instant submitted = riyadh("2026-11-29T08:00");
        ServiceLevels.Reading running = levels.read(
                sa.mustafeed.core.request.Category.INQUIRY,
                Status.IN_REVIEW,
                submitted,
                0,
                Optional.empty(),
                Optional.empty(),
                riyadh("2026-11-29T12:00"));
        assertEquals(riyadh("2026-11-30T16:00"), running.dueAt());
        assertEquals(ServiceLevels.State.ON_TRACK, running.state());
        assertEquals(240, running.workingMinutesElapsed());

        ServiceLevels.Reading paused = levels.read(
                sa.mustafeed.core.request.Category.INQUIRY,
                Status.WAITING_FOR_BENEFICIARY,
                submitted,
                0,
                Optional.of(riyadh("2026-11-29T12:00")),
                Optional.empty(),
                riyadh("2026-12-01T12:00"));
        assertEquals(ServiceLevels.State.PAUSED, paused.state());
        assertEquals(riyadh("2026-12-02T16:00"), paused.dueAt(), "two working days of waiting move the due time");
        assertEquals(240, paused.workingMinutesElapsed());

        ServiceLevels.Reading late = levels.read(
                sa.mustafeed.core.request.Category.INQUIRY,
                Status.IN_PROGRESS,
                submitted,
                0,
                Optional.empty(),
                Optional.empty(),
                riyadh("2026-12-01T09:00"));
        assertEquals(ServiceLevels.State.OVERDUE, late.state());
        ServiceLevels.Reading met = levels.read(
                sa.mustafeed.core.request.Category.INQUIRY,
                Status.COMPLETED,
                submitted,
                0,
                Optional.empty(),
                Optional.of(riyadh("2026-11-30T15:00")),
                riyadh("2026-12-10T09:00"));
        assertEquals(ServiceLevels.State.MET, met.state());
    }
}
