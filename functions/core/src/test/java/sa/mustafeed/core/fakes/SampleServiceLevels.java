package sa.mustafeed.core.fakes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sa.mustafeed.core.recovery.FollowUpPolicy;
import sa.mustafeed.core.request.Category;
import sa.mustafeed.core.sla.ServiceLevels;
import sa.mustafeed.core.sla.WorkingCalendar;

/** Sunday–Thursday 08:00–16:00 Riyadh; Ramadan 2026 10:00–15:00; 2026-12-03 a holiday; inquiries 16 working hours. */
public final class SampleServiceLevels {
    public static final WorkingCalendar CALENDAR = new WorkingCalendar(
            ZoneId.of("Asia/Riyadh"),
            Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
            LocalTime.of(8, 0),
            LocalTime.of(16, 0),
            List.of(new WorkingCalendar.Period(LocalDate.parse("2026-02-18"), LocalDate.parse("2026-03-19"))),
            LocalTime.of(10, 0),
            LocalTime.of(15, 0),
            Set.of(LocalDate.parse("2026-12-03")));

    public static final ServiceLevels LEVELS = new ServiceLevels(
            CALENDAR,
            Map.of(
                    Category.INQUIRY,
                    16,
                    Category.COMPLAINT,
                    24,
                    Category.SERVICE,
                    40,
                    Category.NEW_BENEFICIARY,
                    40,
                    Category.SUGGESTION,
                    40));

    /** Call back within 2 working days, as service-levels.json ships. */
    public static final FollowUpPolicy FOLLOW_UPS = new FollowUpPolicy(CALENDAR, 2);

    /** Acknowledge within 1, respond within 5 working days, as service-levels.json ships. */
    public static final sa.mustafeed.core.complaints.ComplaintPolicy COMPLAINTS =
            new sa.mustafeed.core.complaints.ComplaintPolicy(CALENDAR, 1, 5);

    private SampleServiceLevels() {}
}
