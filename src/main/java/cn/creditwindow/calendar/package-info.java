/**
 * The PRC working-day calendar (节假日安排): the State Council's published holiday schedules, bundled year by year
 * from a maintained data set ({@code calendar/holidays.csv}) and loaded by an administrator for a later year (a CSV
 * or ICS file, kept in the database), and the working-day count claims use for their decision deadlines. A year the
 * calendar does not hold is never guessed silently: a count through it is a provisional {@link
 * cn.creditwindow.calendar.Deadline} naming the year, and the administrator is told which year is missing.
 */
package cn.creditwindow.calendar;
