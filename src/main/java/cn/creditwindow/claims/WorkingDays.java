package cn.creditwindow.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PRC working-day calendar: Monday to Friday, less the public holidays, plus the weekend days worked in their
 * place (调休). Read from a holiday file (see {@code claims/holidays.txt}) so that next year's State Council notice
 * is a data change.
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekends;

    private WorkingDays(Set<LocalDate> holidays, Set<LocalDate> workedWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workedWeekends = Set.copyOf(workedWeekends);
    }

    /** The bundled calendar, {@code claims/holidays.txt}. */
    public static WorkingDays load() {
        try (InputStream in = WorkingDays.class.getResourceAsStream("/claims/holidays.txt")) {
            if (in == null) {
                throw new IllegalStateException("claims/holidays.txt is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("reading claims/holidays.txt", e);
        }
    }

    /**
     * A calendar from lines {@code <date>[..<last>] <holiday|workday> <name>}; {@code #} starts a comment line.
     *
     * @throws IllegalArgumentException naming the line when one cannot be read
     */
    public static WorkingDays parse(List<String> lines) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 3);
            try {
                if (f.length < 2 || !(f[1].equals("holiday") || f[1].equals("workday"))) {
                    throw new IllegalArgumentException("expected <date>[..<last>] holiday|workday <name>");
                }
                String[] range = f[0].split("\\.\\.");
                LocalDate first = LocalDate.parse(range[0]);
                LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
                if (last.isBefore(first) || range.length > 2) {
                    throw new IllegalArgumentException("bad range " + f[0]);
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    (f[1].equals("holiday") ? holidays : worked).add(d);
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("holiday calendar line " + (i + 1) + " (" + line + "): "
                        + e.getMessage(), e);
            }
        }
        return new WorkingDays(holidays, worked);
    }

    /** True on a day people work. */
    public boolean isWorkingDay(LocalDate day) {
        if (workedWeekends.contains(day)) {
            return true;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}th working day after {@code start} (start itself not counted); {@code n >= 1}. */
    public LocalDate after(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
