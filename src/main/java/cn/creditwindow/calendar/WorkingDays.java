package cn.creditwindow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The PRC working-day calendar over the years whose official schedules it holds: Monday to Friday, less the public
 * holidays, plus the weekend days worked in their place (调休). A day of a year it does not hold is counted Monday
 * to Friday, and a count through such a day says so ({@link Deadline#provisional()}) instead of passing for exact.
 * Immutable; {@link HolidayCalendar} builds one from the bundled and the loaded schedules.
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workedWeekends = new HashSet<>();
    private final SortedSet<Integer> covered = new TreeSet<>();

    private WorkingDays(Collection<YearSchedule> years) {
        for (YearSchedule y : years) {
            if (!covered.add(y.year())) {
                throw new IllegalArgumentException("two schedules for " + y.year());
            }
            for (ScheduleDay d : y.days()) {
                (d.kind() == ScheduleDay.Kind.HOLIDAY ? holidays : workedWeekends).add(d.date());
            }
        }
    }

    /** The calendar of these years' schedules (at most one a year). */
    public static WorkingDays of(Collection<YearSchedule> years) {
        return new WorkingDays(years);
    }

    /** True when the official schedule of {@code year} is loaded. */
    public boolean covers(int year) {
        return covered.contains(year);
    }

    /** True on a day people work; in a year without a schedule, Monday to Friday. */
    public boolean isWorkingDay(LocalDate day) {
        if (workedWeekends.contains(day)) {
            return true;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The {@code n}th working day after {@code start} (start itself not counted), provisional when a day counted
     * over lies in a year without a schedule.
     *
     * @param n at least 1
     */
    public Deadline after(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        SortedSet<Integer> missing = new TreeSet<>();
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (!covers(d.getYear())) {
                missing.add(d.getYear());
            }
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return new Deadline(d, List.copyOf(missing));
    }
}
