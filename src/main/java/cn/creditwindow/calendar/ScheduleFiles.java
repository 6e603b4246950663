package cn.creditwindow.calendar;

import cn.creditwindow.validation.CsvUploads;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an official holiday schedule from a file, checking every line and naming each bad one in Chinese and
 * English ({@code line 7: …}); one bad line refuses the whole file. Two formats, told apart by the content:
 * <ul>
 *   <li>CSV, UTF-8, columns {@code date,kind,name} (an optional header row of those names): {@code date} as
 *       {@code 2027-01-01} (or {@code 2027/1/1}, as spreadsheets save dates), {@code kind} {@code holiday} (a day
 *       off, weekend days inside a break too) or {@code workday} (a Saturday or Sunday worked, 调休上班), {@code name}
 *       the holiday's name — the bundled {@code calendar/holidays.csv} is such a file;</li>
 *   <li>iCalendar (a file starting {@code BEGIN:VCALENDAR}): all-day events as {@link IcsSchedule} reads them.</li>
 * </ul>
 * For the year named: every date lies in it, none is given twice, a workday is a Saturday or Sunday, and at least
 * one day is a holiday.
 */
final class ScheduleFiles {
    /** The largest file taken: a year's schedule is about 1 KB as CSV, 8 KB as ICS. */
    public static final int MAX_BYTES = 64 * 1024;
    /** A year has at most 366 days, so a file listing more is not one year's schedule. */
    static final int MAX_DAYS = 366;
    static final int MAX_NAME = 50;

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final String[] ZH_DAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private ScheduleFiles() {
    }

    /** The format a schedule was read from. */
    public enum Format {
        CSV, ICS
    }

    /** A day as read, with the line of the file it came from. */
    record Entry(int line, LocalDate date, ScheduleDay.Kind kind, String name) {
    }

    /** An uploaded schedule and the format it came in. */
    public record Read(Format format, YearSchedule schedule) {
    }

    /**
     * The schedule of {@code year} in an uploaded file.
     *
     * @throws InvalidInputException naming the file (empty, too large, not UTF-8) or every bad line
     */
    public static Read read(int year, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "文件为空：请选择 CSV 或 ICS 文件", "the file is empty: choose a CSV or ICS file");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "文件过大：节假日安排文件不超过 " + MAX_BYTES / 1024 + " KB",
                    "the file is too large: a holiday schedule is at most " + MAX_BYTES / 1024 + " KB");
        }
        String text = CsvUploads.text(content, "file");
        boolean ics = text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
        List<FieldError> errors = new ArrayList<>();
        List<Entry> entries = ics ? IcsSchedule.entries(text, errors) : csv(content, errors);
        check(year, entries, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(byLine(errors));
        }
        return new Read(ics ? Format.ICS : Format.CSV, schedule(year, entries));
    }

    /**
     * Every year of a CSV file holding several (the bundled data set), each checked as an upload is.
     *
     * @throws IllegalStateException naming {@code resource} and each bad line
     */
    static List<YearSchedule> years(byte[] content, String resource) {
        List<FieldError> errors = new ArrayList<>();
        List<Entry> entries = csv(content, errors);
        Map<Integer, List<Entry>> byYear = new TreeMap<>();
        for (Entry e : entries) {
            byYear.computeIfAbsent(e.date().getYear(), y -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<Integer, List<Entry>> y : byYear.entrySet()) {
            check(y.getKey(), y.getValue(), errors);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(resource + ": " + errors.stream().map(FieldError::en)
                    .collect(Collectors.joining("; ")));
        }
        return byYear.entrySet().stream().map(y -> schedule(y.getKey(), y.getValue())).toList();
    }

    /** The errors in the order of the file's lines, those of the whole file last. */
    private static List<FieldError> byLine(List<FieldError> errors) {
        return errors.stream().sorted(java.util.Comparator.comparingInt(e -> e.field().startsWith("line ")
                ? Integer.parseInt(e.field().substring(5)) : Integer.MAX_VALUE)).toList();
    }

    private static YearSchedule schedule(int year, List<Entry> entries) {
        return new YearSchedule(year, entries.stream().map(e -> new ScheduleDay(e.date(), e.kind(), e.name()))
                .sorted(java.util.Comparator.comparing(ScheduleDay::date)).toList());
    }

    private static List<Entry> csv(byte[] content, List<FieldError> errors) {
        List<CsvUploads.Line> lines = CsvUploads.lines(content, "file");
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CsvUploads.Line l = lines.get(i);
            List<String> v = l.values().stream().map(String::strip).toList();
            if (i == 0 && v.get(0).equalsIgnoreCase("date")) {
                continue; // the header row
            }
            int given = v.size();
            while (given > 0 && v.get(given - 1).isEmpty()) {
                given--;
            }
            if (v.size() < 3 || given > 3) {
                errors.add(at(l.number(), "应有 3 列（date,kind,name），实有 " + given + " 列",
                        "expected 3 columns (date,kind,name), found " + given));
                continue;
            }
            LocalDate date = date(l.number(), v.get(0), errors);
            ScheduleDay.Kind kind = switch (v.get(1).toLowerCase(Locale.ROOT)) {
                case "holiday" -> ScheduleDay.Kind.HOLIDAY;
                case "workday" -> ScheduleDay.Kind.WORKDAY;
                default -> null;
            };
            if (kind == null) {
                errors.add(at(l.number(), "类型“" + v.get(1) + "”未知：应为 holiday（放假）或 workday（调休上班）",
                        "unknown kind '" + v.get(1) + "': holiday (a day off) or workday (a weekend day worked)"));
            }
            String name = name(l.number(), v.get(2), errors);
            if (date != null && kind != null && name != null) {
                out.add(new Entry(l.number(), date, kind, name));
            }
        }
        return out;
    }

    private static LocalDate date(int line, String text, List<FieldError> errors) {
        Matcher m = DATE.matcher(text);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        errors.add(at(line, "日期“" + text + "”无效：应为 yyyy-MM-dd", "'" + text + "' is not a date yyyy-MM-dd"));
        return null;
    }

    /** The holiday's name: given, at most {@value #MAX_NAME} characters, no control characters; else null. */
    static String name(int line, String raw, List<FieldError> errors) {
        String name = raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            errors.add(at(line, "请填写节日名称", "the holiday's name is missing"));
            return null;
        }
        if (name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(at(line, "节日名称不超过 " + MAX_NAME + " 个字且不含控制字符",
                    "the holiday's name is at most " + MAX_NAME + " characters, without control characters"));
            return null;
        }
        return name;
    }

    /** The rules of one year's schedule over the days read; each line is named once per rule. */
    private static void check(int year, List<Entry> entries, List<FieldError> errors) {
        if (entries.size() > MAX_DAYS) {
            errors.add(new FieldError("file", "文件列出的日期超过 " + MAX_DAYS + " 天，不是一年的节假日安排",
                    "the file lists more than " + MAX_DAYS + " days: it is not one year's schedule"));
            return;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        Set<String> named = new HashSet<>();
        boolean holiday = false;
        for (Entry e : entries) {
            if (e.date().getYear() != year) {
                if (named.add(e.line() + " year")) {
                    errors.add(at(e.line(), e.date() + " 不在 " + year + " 年内", e.date() + " is not in " + year));
                }
                continue;
            }
            Integer first = seen.putIfAbsent(e.date(), e.line());
            if (first != null && named.add(e.line() + " twice " + first)) {
                errors.add(at(e.line(), e.date() + " 重复（第 " + first + " 行已有）",
                        e.date() + " is given twice (also on line " + first + ")"));
            }
            DayOfWeek dow = e.date().getDayOfWeek();
            if (e.kind() == ScheduleDay.Kind.WORKDAY && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
                    && named.add(e.line() + " weekday")) {
                errors.add(at(e.line(), "调休上班日 " + e.date() + " 是" + ZH_DAYS[dow.getValue() - 1]
                        + "：调休上班日应为周六或周日", "workday " + e.date() + " is a "
                        + dow.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                        + ": a day worked in lieu is a Saturday or Sunday"));
            }
            holiday |= e.kind() == ScheduleDay.Kind.HOLIDAY;
        }
        if (!holiday) {
            errors.add(new FieldError("file", "文件中没有 " + year + " 年的放假日（holiday）",
                    "the file has no holiday in " + year));
        }
    }

    /** An error of one line of the file. */
    static FieldError at(int line, String zh, String en) {
        return new FieldError("line " + line, "第 " + line + " 行：" + zh, "line " + line + ": " + en);
    }
}
