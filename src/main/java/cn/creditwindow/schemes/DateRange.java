package cn.creditwindow.schemes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days from {@code start} to {@code end}, both included: a policy year, or the part of it a policy covers.
 *
 * @param start the first day
 * @param end   the last day, not before {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /** True when {@code date} is one of the days, the first and last included. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** True when the two ranges share at least one day. */
    boolean overlaps(DateRange other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
