package cn.creditwindow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The end of a count of working days. It is exact when the calendar held the official schedule of every year the
 * count went through; otherwise it is provisional — those days were counted Monday to Friday — and
 * {@code missingYears} names the years whose schedules were not loaded.
 *
 * @param missingYears the years without a schedule the count went through, ascending; empty when exact
 */
public record Deadline(LocalDate date, List<Integer> missingYears) {
    public Deadline {
        Objects.requireNonNull(date, "date");
        missingYears = List.copyOf(missingYears);
    }

    /** True when a year's schedule was missing, so the date may still move. */
    public boolean provisional() {
        return !missingYears.isEmpty();
    }

    /** Why a deadline over {@code missingYears} is provisional, in Chinese; null when none is missing. */
    public static String reasonZh(List<Integer> missingYears) {
        if (missingYears.isEmpty()) {
            return null;
        }
        return join(missingYears, "、") + " 年节假日安排尚未载入，期限为暂定（按周一至周五计算）";
    }

    /** Why a deadline over {@code missingYears} is provisional, in English; null when none is missing. */
    public static String reasonEn(List<Integer> missingYears) {
        if (missingYears.isEmpty()) {
            return null;
        }
        String years = missingYears.size() == 1 ? "the " + missingYears.get(0) + " public-holiday schedule is"
                : "the " + join(missingYears.subList(0, missingYears.size() - 1), ", ") + " and "
                + missingYears.get(missingYears.size() - 1) + " public-holiday schedules are";
        return "provisional: " + years + " not loaded (counted Monday to Friday)";
    }

    /** The years as stored with a claim, e.g. {@code "2027"} or {@code "2027,2028"}; null when none. */
    public static String storedYears(List<Integer> years) {
        return years.isEmpty() ? null : join(years, ",");
    }

    /** The years of {@link #storedYears}. */
    public static List<Integer> parseStoredYears(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private static String join(List<Integer> years, String separator) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }
}
