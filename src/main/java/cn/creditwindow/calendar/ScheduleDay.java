package cn.creditwindow.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of an official holiday schedule.
 *
 * @param kind {@link Kind#HOLIDAY} for a day off (the weekend days inside a break too), {@link Kind#WORKDAY} for a
 *             Saturday or Sunday worked in lieu (调休上班)
 * @param name the holiday's name as the schedule gives it, e.g. 春节
 */
public record ScheduleDay(LocalDate date, Kind kind, String name) {
    /** What the schedule makes of the day. */
    public enum Kind {
        HOLIDAY, WORKDAY
    }

    public ScheduleDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
