package cn.creditwindow.calendar;

import cn.creditwindow.validation.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of iCalendar (RFC 5545) a holiday schedule uses, read by hand: folded lines, {@code BEGIN}/{@code END}
 * components, and in each {@code VEVENT} the all-day {@code DTSTART;VALUE=DATE} and {@code DTEND} (exclusive; one
 * day when absent), {@code SUMMARY} and {@code STATUS}. Whether an event's days are off or worked is read from
 * {@code X-APPLE-SPECIAL-DAY} ({@code WORK-HOLIDAY} / {@code ALTERNATE-WORKDAY}) or from the summary's ending
 * {@code (休)} / {@code (班)} (or {@code (Holiday)} / {@code (Workday)}), as the chinese-days package writes its
 * {@code dist/years/<year>.ics}; the name is the summary without that ending. Refused, each with its line: events
 * with a time of day, repeating events ({@code RRULE}, {@code RDATE}, {@code EXDATE}), {@code DURATION}, events that
 * say neither off nor worked (or both), unbalanced {@code BEGIN}/{@code END}. Other components (the time zone) and
 * properties are ignored; a cancelled event is left out.
 */
final class IcsSchedule {
    /** The longest event taken: a whole year. */
    private static final int MAX_SPAN_DAYS = 366;
    private static final Pattern DAY = Pattern.compile("\\d{8}");
    private static final Pattern ENDING = Pattern.compile(
            "^(.*?)\\s*[(（]\\s*(休|假|班|holiday|workday|work|off)\\s*[)）]\\s*$", Pattern.CASE_INSENSITIVE);

    private IcsSchedule() {
    }

    /** One content line, unfolded: {@code NAME;PARAM=x:value}, with the line of the file it starts on. */
    record ContentLine(int line, String name, Map<String, String> params, String value) {
    }

    /** The days of the events of {@code text}; the errors of each bad line are added to {@code errors}. */
    static List<ScheduleFiles.Entry> entries(String text, List<FieldError> errors) {
        List<ContentLine> lines = unfold(text, errors);
        List<ScheduleFiles.Entry> out = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).name().equals("BEGIN") || !lines.get(0).value().equalsIgnoreCase("VCALENDAR")) {
            errors.add(ScheduleFiles.at(lines.isEmpty() ? 1 : lines.get(0).line(), "iCalendar 文件应以 BEGIN:VCALENDAR 开头",
                    "an iCalendar file starts with BEGIN:VCALENDAR"));
            return out;
        }
        Deque<ContentLine> open = new ArrayDeque<>();
        Map<String, ContentLine> event = null;
        for (ContentLine l : lines) {
            String component = l.value().strip().toUpperCase(Locale.ROOT);
            if (l.name().equals("BEGIN")) {
                open.push(l);
                if (component.equals("VEVENT")) {
                    event = new LinkedHashMap<>();
                    event.put("BEGIN", l);
                }
            } else if (l.name().equals("END")) {
                if (open.isEmpty() || !open.peek().value().strip().equalsIgnoreCase(component)) {
                    errors.add(ScheduleFiles.at(l.line(), "END:" + component + " 没有对应的 BEGIN:" + component,
                            "END:" + component + " without BEGIN:" + component));
                    return out;
                }
                open.pop();
                if (component.equals("VEVENT") && event != null) {
                    days(event, out, errors);
                    event = null;
                }
            } else if (event != null && open.peek().value().strip().equalsIgnoreCase("VEVENT")) {
                event.putIfAbsent(l.name(), l);
            }
        }
        if (!open.isEmpty()) {
            errors.add(ScheduleFiles.at(open.peek().line(), "BEGIN:" + open.peek().value().strip() + " 没有结束（缺少 END）",
                    "BEGIN:" + open.peek().value().strip() + " is never ended (no END)"));
        }
        return out;
    }

    /** The days of one event, or its errors. */
    private static void days(Map<String, ContentLine> event, List<ScheduleFiles.Entry> out, List<FieldError> errors) {
        ContentLine begin = event.get("BEGIN");
        ContentLine status = event.get("STATUS");
        if (status != null && status.value().strip().equalsIgnoreCase("CANCELLED")) {
            return;
        }
        for (String rule : List.of("RRULE", "RDATE", "EXDATE", "DURATION")) {
            if (event.containsKey(rule)) {
                boolean duration = rule.equals("DURATION");
                errors.add(ScheduleFiles.at(event.get(rule).line(), duration ? "请用 DTEND 给出结束日期，不支持 DURATION"
                        : "不支持重复事件（" + rule + "）：请逐一列出放假和调休的日期", duration
                        ? "give the end with DTEND: DURATION is not supported"
                        : "repeating events (" + rule + ") are not supported: list each day or range"));
                return;
            }
        }
        ContentLine start = event.get("DTSTART");
        if (start == null) {
            errors.add(ScheduleFiles.at(begin.line(), "事件缺少 DTSTART", "the event has no DTSTART"));
            return;
        }
        LocalDate first = day(start, errors);
        ContentLine end = event.get("DTEND");
        LocalDate after = end == null ? (first == null ? null : first.plusDays(1)) : day(end, errors);
        if (first == null || after == null) {
            return;
        }
        long span = ChronoUnit.DAYS.between(first, after);
        if (span < 1 || span > MAX_SPAN_DAYS) {
            errors.add(ScheduleFiles.at(end.line(), "DTEND " + after + " 应晚于 DTSTART " + first + "，且不超过一年",
                    "DTEND " + after + " must be after DTSTART " + first + " and within a year of it"));
            return;
        }
        ContentLine summary = event.get("SUMMARY");
        String text = summary == null ? "" : unescape(summary.value());
        Matcher ending = ENDING.matcher(text);
        ScheduleDay.Kind bySummary = ending.matches() ? kind(ending.group(2)) : null;
        ScheduleDay.Kind bySpecial = special(event.get("X-APPLE-SPECIAL-DAY"));
        int line = summary == null ? begin.line() : summary.line();
        if (bySummary == null && bySpecial == null) {
            errors.add(ScheduleFiles.at(line, "无法判断“" + text + "”是放假还是调休上班：SUMMARY 请以（休）或（班）结尾",
                    "cannot tell whether '" + text + "' is days off or days worked: end SUMMARY with (休) or (班)"));
            return;
        }
        if (bySummary != null && bySpecial != null && bySummary != bySpecial) {
            errors.add(ScheduleFiles.at(line, "SUMMARY 与 X-APPLE-SPECIAL-DAY 矛盾（一个是放假，一个是调休上班）",
                    "SUMMARY and X-APPLE-SPECIAL-DAY disagree (one says off, the other worked)"));
            return;
        }
        String name = ScheduleFiles.name(line, ending.matches() ? ending.group(1) : text, errors);
        if (name == null) {
            return;
        }
        for (LocalDate d = first; d.isBefore(after); d = d.plusDays(1)) {
            out.add(new ScheduleFiles.Entry(start.line(), d, bySummary != null ? bySummary : bySpecial, name));
        }
    }

    private static ScheduleDay.Kind kind(String mark) {
        return switch (mark.toLowerCase(Locale.ROOT)) {
            case "休", "假", "holiday", "off" -> ScheduleDay.Kind.HOLIDAY;
            default -> ScheduleDay.Kind.WORKDAY;
        };
    }

    private static ScheduleDay.Kind special(ContentLine l) {
        if (l == null) {
            return null;
        }
        return switch (l.value().strip().toUpperCase(Locale.ROOT)) {
            case "WORK-HOLIDAY" -> ScheduleDay.Kind.HOLIDAY;
            case "ALTERNATE-WORKDAY" -> ScheduleDay.Kind.WORKDAY;
            default -> null;
        };
    }

    /** An all-day date ({@code 20270101}); a date-time is refused: the schedule is of whole days. */
    private static LocalDate day(ContentLine l, List<FieldError> errors) {
        String v = l.value().strip();
        if (DAY.matcher(v).matches()) {
            try {
                return LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        boolean time = v.contains("T") || "DATE-TIME".equalsIgnoreCase(l.params().get("VALUE"));
        errors.add(ScheduleFiles.at(l.line(), time ? l.name() + " " + v + " 带有时间：请使用全天日期（" + l.name()
                + ";VALUE=DATE:yyyyMMdd）" : l.name() + " “" + v + "”不是日期（yyyyMMdd）", time ? l.name() + " " + v
                + " has a time of day: use all-day dates (" + l.name() + ";VALUE=DATE:yyyyMMdd)"
                : l.name() + " '" + v + "' is not a date (yyyyMMdd)"));
        return null;
    }

    /** RFC 5545 §3.1: a line starting with a space or tab continues the one before. Blank lines are passed over. */
    static List<ContentLine> unfold(String text, List<FieldError> errors) {
        String[] physical = text.split("\r\n|\n|\r", -1);
        List<ContentLine> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (current != null && !p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t')) {
                current.append(p, 1, p.length());
                continue;
            }
            if (current != null) {
                contentLine(start, current.toString(), out, errors);
            }
            current = p.isBlank() ? null : new StringBuilder(p);
            start = i + 1;
        }
        if (current != null) {
            contentLine(start, current.toString(), out, errors);
        }
        return out;
    }

    /** {@code NAME *(;PARAM=value) : value}; a colon inside a quoted parameter value does not end the name. */
    private static void contentLine(int line, String text, List<ContentLine> out, List<FieldError> errors) {
        int colon = -1;
        boolean quoted = false;
        List<Integer> semicolons = new ArrayList<>();
        for (int i = 0; i < text.length() && colon < 0; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons.add(i);
            } else if (!quoted && c == ':') {
                colon = i;
            }
        }
        if (colon <= 0) {
            errors.add(ScheduleFiles.at(line, "不是 iCalendar 内容行（名称:值）", "not an iCalendar content line (NAME:value)"));
            return;
        }
        int nameEnd = semicolons.isEmpty() ? colon : semicolons.get(0);
        Map<String, String> params = new LinkedHashMap<>();
        for (int k = 0; k < semicolons.size(); k++) {
            String param = text.substring(semicolons.get(k) + 1, k + 1 < semicolons.size() ? semicolons.get(k + 1) : colon);
            int eq = param.indexOf('=');
            if (eq > 0) {
                params.put(param.substring(0, eq).strip().toUpperCase(Locale.ROOT), param.substring(eq + 1).replace("\"", ""));
            }
        }
        out.add(new ContentLine(line, text.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT), params,
                text.substring(colon + 1)));
    }

    /** RFC 5545 TEXT: {@code \\}, {@code \;}, {@code \,} and {@code \n}. */
    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' || n == 'N' ? ' ' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
