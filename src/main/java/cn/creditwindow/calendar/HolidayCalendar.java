package cn.creditwindow.calendar;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The working-day calendar as the service holds it: the years bundled with the release (the State Council's
 * schedules from the {@value #BUNDLED_DATASET} data set, {@code calendar/holidays.csv}) and the years an administrator
 * loaded later ({@link #load}, kept in the database, so every node sees them and they survive restarts; a loaded year
 * takes the place of a bundled one). {@link #workingDays(Tx)} reads it afresh in the caller's transaction.
 *
 * <p>Which years are needed ({@link #neededYears}): the current year always, and the next one from
 * {@value #LOOK_AHEAD_DAYS} days before it begins. Nothing counted from today reaches further: a decision deadline is
 * 15 working days from acceptance, at most about five weeks even over the Spring Festival, so every open deadline
 * lies within {@value #LOOK_AHEAD_DAYS} days of today. A needed year that is not held is {@linkplain #missingYears
 * missing}, and the administrator's home page says so. Thread-safe.
 */
public final class HolidayCalendar {
    /** The npm data set the bundled years were converted from ({@code calendar/README.md}). */
    public static final String BUNDLED_DATASET = "chinese-days 1.5.7";
    /** The next year's schedule is needed from this many days before its 1 January. */
    public static final int LOOK_AHEAD_DAYS = 60;
    private static final String RESOURCE = "/calendar/holidays.csv";
    /** The loaded years with who loaded them and their counts of days; alias {@code y}. */
    private static final String LOADED = "SELECT y.*, u.display_name, u.username,"
            + " (SELECT COUNT(*) FROM calendar_days d WHERE d.year_id = y.id AND d.kind = 'HOLIDAY') AS holidays,"
            + " (SELECT COUNT(*) FROM calendar_days d WHERE d.year_id = y.id AND d.kind = 'WORKDAY') AS workdays"
            + " FROM calendar_years y JOIN users u ON u.id = y.loaded_by";

    private final Database db;
    private final Map<Integer, YearSchedule> bundled = new TreeMap<>();
    private final Clock clock;
    private final ZoneId zone;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Told of a loaded year inside the loading transaction (claims recompute their deadlines). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param calendar the calendar with the year just loaded
         * @param year     the year loaded
         */
        void loaded(Tx tx, WorkingDays calendar, int year);
    }

    /** Where a year's schedule comes from. */
    public enum Source {
        BUNDLED, UPLOADED
    }

    /**
     * A year the calendar holds.
     *
     * @param dataset  for a bundled year, the data set ({@value #BUNDLED_DATASET}); else null
     * @param format   for a loaded year, the file's format; else null
     * @param loadedBy for a loaded year, who loaded it ("display name (username)"); else null
     */
    public record Year(int year, Source source, String dataset, ScheduleFiles.Format format, String fileName,
                       String loadedBy, Instant loadedAt, int holidays, int workdays) {
    }

    /** The years held, newest first, and the needed years that are missing. */
    public record Overview(LocalDate today, List<Year> years, List<Integer> needed, List<Integer> missing) {
    }

    /** A year just loaded, with its days. */
    public record Loaded(Year schedule, List<ScheduleDay> days) {
    }

    /**
     * @param bundled the schedules of the release ({@link #bundled()})
     * @param zone    the zone whose date is "today" (China)
     */
    public HolidayCalendar(Database db, List<YearSchedule> bundled, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        for (YearSchedule y : bundled) {
            if (this.bundled.put(y.year(), y) != null) {
                throw new IllegalArgumentException("two bundled schedules for " + y.year());
            }
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The release's schedules, {@code calendar/holidays.csv}, each year checked as an upload is. */
    public static List<YearSchedule> bundled() {
        try (InputStream in = HolidayCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return ScheduleFiles.years(in.readAllBytes(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Adds a listener told of every year loaded, inside the loading transaction. */
    public void onLoaded(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The calendar as it stands, read in {@code tx}: the bundled years, each loaded year in place of its own. */
    public WorkingDays workingDays(Tx tx) {
        Map<Integer, YearSchedule> all = new TreeMap<>(bundled);
        Map<Integer, List<ScheduleDay>> loaded = new TreeMap<>();
        for (StoredDay s : tx.list("SELECT y.year, d.day, d.kind, d.name FROM calendar_years y"
                + " JOIN calendar_days d ON d.year_id = y.id ORDER BY d.day", r -> new StoredDay(r.intValue("year"),
                new ScheduleDay(r.date("day"), r.enumValue("kind", ScheduleDay.Kind.class), r.string("name"))))) {
            loaded.computeIfAbsent(s.year(), k -> new ArrayList<>()).add(s.day());
        }
        loaded.forEach((year, days) -> all.put(year, new YearSchedule(year, days)));
        return WorkingDays.of(all.values());
    }

    private record StoredDay(int year, ScheduleDay day) {
    }

    /** {@link #workingDays(Tx)} in a read of its own. */
    public WorkingDays workingDays() {
        return db.read(this::workingDays);
    }

    /** The years needed on {@code today}: its year, and the next from {@value #LOOK_AHEAD_DAYS} days before it. */
    public static SortedSet<Integer> neededYears(LocalDate today) {
        SortedSet<Integer> needed = new TreeSet<>();
        needed.add(today.getYear());
        needed.add(today.plusDays(LOOK_AHEAD_DAYS).getYear());
        return needed;
    }

    /** The needed years whose schedules are not held, ascending; empty when the calendar is complete. */
    public List<Integer> missingYears() {
        Set<Integer> loaded = new HashSet<>(db.read(tx -> tx.list("SELECT year FROM calendar_years",
                r -> r.intValue("year"))));
        return neededYears(today()).stream().filter(y -> !bundled.containsKey(y) && !loaded.contains(y)).toList();
    }

    /** Every year held, newest first, with the needed and missing years. */
    public Overview overview() {
        return db.read(tx -> {
            Map<Integer, Year> years = new TreeMap<>(Comparator.reverseOrder());
            bundled.values().forEach(y -> years.put(y.year(), new Year(y.year(), Source.BUNDLED, BUNDLED_DATASET,
                    null, null, null, null, y.holidays(), y.workdays())));
            tx.list(LOADED, HolidayCalendar::year).forEach(y -> years.put(y.year(), y));
            LocalDate today = today();
            List<Integer> needed = List.copyOf(neededYears(today));
            return new Overview(today, List.copyOf(years.values()), needed,
                    needed.stream().filter(y -> !years.containsKey(y)).toList());
        });
    }

    private static Year year(Row r) throws SQLException {
        return new Year(r.intValue("year"), Source.UPLOADED, null,
                r.enumValue("format", ScheduleFiles.Format.class), r.string("file_name"),
                r.string("display_name") + " (" + r.string("username") + ")", r.instant("loaded_at"),
                r.intValue("holidays"), r.intValue("workdays"));
    }

    /**
     * Loads {@code year}'s official schedule from a CSV or ICS file ({@link ScheduleFiles}), replacing the year
     * held before (bundled or loaded), and tells the listeners, all in one transaction: a refused file saves nothing.
     *
     * @throws NotAllowedException     unless the principal is an administrator
     * @throws InvalidInputException   naming the year (2000 to next year) or the file and each bad line
     */
    public Loaded load(Principal p, int year, String fileName, byte[] content) {
        if (!p.is(Role.ADMIN)) {
            throw new NotAllowedException("only administrators load holiday schedules",
                    "只有管理员可以载入节假日安排");
        }
        int next = today().getYear() + 1;
        if (year < 2000 || year > next) {
            throw new InvalidInputException("year", "年份应为 2000–" + next + "（国务院每年公布下一年的节假日安排）",
                    "the year is 2000 to " + next + " (the State Council publishes next year's schedule each year)");
        }
        ScheduleFiles.Read read = ScheduleFiles.read(year, content);
        String name = fileName(fileName);
        try {
            return db.inTransaction(tx -> {
                long id = tx.one("SELECT id FROM calendar_years WHERE year = ?", r -> r.longValue("id"), year)
                        .orElse(-1L);
                if (id < 0) {
                    id = tx.insert("INSERT INTO calendar_years (year, format, file_name, loaded_by, loaded_at)"
                            + " VALUES (?, ?, ?, ?, ?)", year, read.format(), name, p.userId(), clock.instant());
                } else {
                    tx.update("DELETE FROM calendar_days WHERE year_id = ?", id);
                    tx.update("UPDATE calendar_years SET format = ?, file_name = ?, loaded_by = ?, loaded_at = ?"
                            + " WHERE id = ?", read.format(), name, p.userId(), clock.instant(), id);
                }
                for (ScheduleDay d : read.schedule().days()) {
                    tx.update("INSERT INTO calendar_days (year_id, day, kind, name) VALUES (?, ?, ?, ?)", id,
                            d.date(), d.kind(), d.name());
                }
                WorkingDays calendar = workingDays(tx);
                for (Listener l : listeners) {
                    l.loaded(tx, calendar, year);
                }
                Year loaded = tx.one(LOADED + " WHERE y.id = ?", HolidayCalendar::year, id).orElseThrow();
                return new Loaded(loaded, read.schedule().days());
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_calendar_years_year") || e.names("calendar_years.year")) {
                throw new ConflictException("the " + year + " schedule was being loaded at the same time:"
                        + " load it again", year + " 年节假日安排正由他人同时载入，请重新载入");
            }
            throw e;
        }
    }

    /** The file's own name, without a path, at most 200 characters; null when none was given. */
    private static String fileName(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
