package cn.creditwindow.feeds;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates that feeds and news pages actually contain.
 *
 * <p>Understood forms (full-width digits and punctuation such as {@code ２０２４年５月１２日} or
 * {@code １０：３０} are folded to ASCII first):
 *
 * <ul>
 *   <li>RFC 822 / 1123 / 2822: {@code Sun, 12 May 2024 10:00:00 +0800}, with or without the weekday,
 *       a 1- or 2-digit day, a 2- or 4-digit year (00–49 are 2000–2049, 50–99 are 1950–1999, as in
 *       RFC 2822), with or without seconds;
 *   <li>ISO 8601: {@code 2024-05-12T10:00:00+08:00}, with a space instead of {@code T}, with or
 *       without seconds, fractions and zone; and the looser {@code 2024/5/12}, {@code 2024.05.12},
 *       {@code 2024-05-12 10:00};
 *   <li>Chinese: {@code 2024年5月12日}, {@code 2024年05月12日10:30}, {@code 2024年5月12日 下午3时30分};
 *   <li>{@code java.util.Date#toString()}: {@code Sun May 12 10:00:00 CST 2024}, which Chinese Java
 *       back ends put in feeds, and the US style {@code May 12, 2024 10:00}.
 * </ul>
 *
 * <p>Zones: {@code Z}, {@code GMT}, {@code UT}, {@code UTC}, numeric offsets ({@code +0800},
 * {@code +08:00}, {@code +08}, {@code GMT+8}) and the North American abbreviations of RFC 822,
 * <strong>except {@code CST}, which is read as China Standard Time (+08:00)</strong>: in Chinese
 * feeds it nearly always means that (it is what a JVM in Asia/Shanghai prints as its zone). A feed
 * that means US Central Standard Time (UTC−6) by it is read 14 hours off. A time without a zone, and
 * a date without a time (taken as midnight), are in Asia/Shanghai.
 *
 * <p>Never throws for bad input: text that is not a date, or names an impossible one (month 13,
 * 30 February), gives {@link Optional#empty()}.
 */
final class FeedDates {

    /** Where zone-less dates are taken to be: the publishers this service reads are in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?";
    private static final String ZONE = "(z|(?:gmt|utc|ut)?\\s*[+-]\\d{1,2}(?::?\\d{2})?|[a-z]{1,5})";

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?:(?:t|\\s*)" + TIME + ")?\\s*" + ZONE + "?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE = Pattern.compile(
            "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:(上午|下午|晚上)?\\s*"
                    + "(\\d{1,2})\\s*[:时]\\s*(\\d{2})(?:\\s*[:分]\\s*(\\d{2})\\s*秒?)?\\s*分?)?");
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[a-z]{2,9}\\.?\\s*,?\\s*)?(\\d{1,2})[\\s-]+([a-z]{3,9})\\.?[\\s-]+(\\d{4}|\\d{2})"
                    + "(?:\\s+" + TIME + ")?\\s*" + ZONE + "?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?:[a-z]{2,9},?\\s+)?([a-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:\\s+" + TIME + ")?\\s*" + ZONE + "?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVA_DATE = Pattern.compile(
            "[a-z]{3}\\s+([a-z]{3})\\s+(\\d{1,2})\\s+" + TIME + "\\s+" + ZONE + "\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE);
    /** Dates as they appear inside running text: no zone, a plausible year, not part of a longer number. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*(?:([-/.])|年)\\s*(\\d{1,2})\\s*(?:\\2|月)\\s*(\\d{1,2})(?!\\d{3})\\s*日?"
                    + "(?:\\s*(\\d{1,2})\\s*[:时]\\s*(\\d{2})(?:\\s*[:分]\\s*(\\d{2}))?)?");
    private static final Pattern PARENTHESISED = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, ZoneId> NAMED_ZONES = Map.ofEntries(
            Map.entry("z", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC), Map.entry("ut", ZoneOffset.UTC),
            Map.entry("utc", ZoneOffset.UTC),
            Map.entry("cst", ZoneOffset.ofHours(8)), Map.entry("bjt", ZoneOffset.ofHours(8)),
            Map.entry("cct", ZoneOffset.ofHours(8)), Map.entry("hkt", ZoneOffset.ofHours(8)),
            Map.entry("sgt", ZoneOffset.ofHours(8)), Map.entry("jst", ZoneOffset.ofHours(9)),
            Map.entry("kst", ZoneOffset.ofHours(9)),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("cdt", ZoneOffset.ofHours(-5)), Map.entry("mst", ZoneOffset.ofHours(-7)),
            Map.entry("mdt", ZoneOffset.ofHours(-6)), Map.entry("pst", ZoneOffset.ofHours(-8)),
            Map.entry("pdt", ZoneOffset.ofHours(-7)));

    private FeedDates() {
    }

    /**
     * Reads {@code text}, which must be a date and nothing else (surrounding whitespace and a trailing
     * parenthesised comment such as {@code (CST)} are allowed).
     *
     * @return the instant, or empty when {@code text} is null, blank, not in a known form, or names an
     *     impossible date or time
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = PARENTHESISED.matcher(fold(text)).replaceFirst("");
        Matcher m;
        if ((m = NUMERIC.matcher(s)).matches()) {
            return at(m.group(1), m.group(2), m.group(3), m, 4, zone(m.group(8)));
        }
        if ((m = CHINESE.matcher(s)).matches()) {
            return chinese(m);
        }
        if ((m = RFC_822.matcher(s)).matches()) {
            return at(fullYear(m.group(3)), month(m.group(2)), m.group(1), m, 4, zone(m.group(8)));
        }
        if ((m = MONTH_FIRST.matcher(s)).matches()) {
            return at(m.group(3), month(m.group(1)), m.group(2), m, 4, zone(m.group(8)));
        }
        if ((m = JAVA_DATE.matcher(s)).matches()) {
            return at(m.group(8), month(m.group(1)), m.group(2), m, 3, zone(m.group(7)));
        }
        return Optional.empty();
    }

    /**
     * Finds the first date, with its time when one follows, in running text such as
     * {@code "2019年06月15日08:18 来源：人民网"} or {@code "发布日期：2016-11-22 浏览次数"}. Only numeric and
     * Chinese forms with a year from 1900 to 2099 are looked for, in Asia/Shanghai time.
     */
    static Optional<Instant> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(fold(text));
        while (m.find()) {
            int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
            Optional<Instant> found = instant(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), hour, minute, second, 0, CHINA);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Full-width to ASCII (NFKC), ideographic and no-break spaces to spaces, trimmed. */
    private static String fold(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    private static Optional<Instant> chinese(Matcher m) {
        if (m.group(5) == null) {
            return instant(m.group(1), m.group(2), m.group(3), 0, 0, 0, 0, CHINA);
        }
        int hour = Integer.parseInt(m.group(5));
        if (m.group(4) != null && !m.group(4).equals("上午") && hour < 12) {
            hour += 12;
        }
        int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        return instant(m.group(1), m.group(2), m.group(3), hour, Integer.parseInt(m.group(6)), second, 0, CHINA);
    }

    /** The time is in groups {@code first} (hour) to {@code first + 3} (fraction) of {@code m}. */
    private static Optional<Instant> at(String year, String month, String day, Matcher m, int first,
            Optional<ZoneId> zone) {
        if (month == null || zone.isEmpty()) {
            return Optional.empty();
        }
        if (m.group(first) == null) {
            return instant(year, month, day, 0, 0, 0, 0, zone.get());
        }
        int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
        String fraction = m.group(first + 3) == null ? "" : m.group(first + 3);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        return instant(year, month, day, Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)),
                second, nanos, zone.get());
    }

    private static Optional<Instant> instant(String year, String month, String day, int hour, int minute,
            int second, int nanos, ZoneId zone) {
        return instant(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day), hour, minute,
                second, nanos, zone);
    }

    private static Optional<Instant> instant(int year, int month, int day, int hour, int minute, int second,
            int nanos, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            return Optional.of(local.atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The month number as a string, or null for a name that is not a month. */
    private static String month(String name) {
        Integer month = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
        return month == null ? null : month.toString();
    }

    private static String fullYear(String year) {
        if (year.length() == 4) {
            return year;
        }
        int twoDigits = Integer.parseInt(year);
        return Integer.toString(twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits);
    }

    /** The zone a suffix names; no suffix means China; an unknown name or an impossible offset is empty. */
    private static Optional<ZoneId> zone(String suffix) {
        if (suffix == null || suffix.isBlank()) {
            return Optional.of(CHINA);
        }
        String z = suffix.toLowerCase(Locale.ROOT).replace(" ", "");
        ZoneId named = NAMED_ZONES.get(z);
        if (named != null) {
            return Optional.of(named);
        }
        String offset = z.replaceFirst("^(gmt|utc|ut)", "");
        if (!offset.startsWith("+") && !offset.startsWith("-")) {
            return Optional.empty();
        }
        String digits = offset.substring(1).replace(":", "");
        try {
            int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
            int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
            int sign = offset.startsWith("-") ? -1 : 1;
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
