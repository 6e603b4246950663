package cn.creditwindow.schemes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One policy year (保单年度) of a scheme: the days it runs, the last day to collect its policy and be covered from
 * its start, and the calendar year whose exports decide eligibility for it (上年). A renewing scheme has one per year
 * of its validity, each its first year shifted by whole years ({@link Scheme#policyYears()}).
 *
 * @param range       the days of the year, both included
 * @param collectBy   the last day to collect the policy and still be covered for the whole year; not after its end
 * @param exportsYear the calendar year whose exports count, before the year starts
 */
public record PolicyYear(DateRange range, LocalDate collectBy, int exportsYear) {
    public PolicyYear {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(collectBy, "collectBy");
    }

    /** The first day of the year. */
    public LocalDate start() {
        return range.start();
    }

    /** The last day of the year. */
    public LocalDate end() {
        return range.end();
    }

    /** This year moved {@code years} whole years later (29 February becomes 28 February where needed). */
    PolicyYear plusYears(int years) {
        return new PolicyYear(new DateRange(range.start().plusYears(years), range.end().plusYears(years)),
                collectBy.plusYears(years), exportsYear + years);
    }

    @Override
    public String toString() {
        return range.toString();
    }
}
