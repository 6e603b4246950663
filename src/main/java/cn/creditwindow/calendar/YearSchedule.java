package cn.creditwindow.calendar;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's official holiday schedule (the State Council's notice for that year): its holidays and its weekend
 * days worked in lieu. Every day lies in the year and none is given twice; {@link ScheduleFiles} checks files
 * against these rules and names the lines that break them.
 */
public record YearSchedule(int year, List<ScheduleDay> days) {
    public YearSchedule {
        days = List.copyOf(days);
        Set<java.time.LocalDate> seen = new HashSet<>();
        for (ScheduleDay d : days) {
            if (d.date().getYear() != year) {
                throw new IllegalArgumentException(d.date() + " is not in " + year);
            }
            if (!seen.add(d.date())) {
                throw new IllegalArgumentException(d.date() + " is given twice in the schedule of " + year);
            }
        }
    }

    /** How many days off the schedule gives (weekend days inside a break included). */
    public int holidays() {
        return (int) days.stream().filter(d -> d.kind() == ScheduleDay.Kind.HOLIDAY).count();
    }

    /** How many weekend days it makes working days. */
    public int workdays() {
        return days.size() - holidays();
    }
}
