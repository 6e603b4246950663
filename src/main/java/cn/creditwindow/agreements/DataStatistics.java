package cn.creditwindow.agreements;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authorised-data statistics (授权数据统计, manual 2.3 查询统计): one category of authorised data over a range
 * of months, summed per month, quarter or year. Every bucket of the range is there, empty ones with zeros, so a
 * chart and a table of the same result agree bucket by bucket. {@link AuthorisedData#statistics} reads the
 * records; this class checks the query and fills the buckets.
 */
public final class DataStatistics {
    /** At most this many buckets: 36 months, 36 quarters (9 years) or 36 years. */
    public static final int MAX_BUCKETS = 36;

    private DataStatistics() {
    }

    /** How long one bucket is (指标频度). */
    public enum Frequency implements Bilingual {
        MONTH("月", "month", 1),
        QUARTER("季度", "quarter", 3),
        YEAR("年", "year", 12);

        private final Names names;
        private final int months;

        Frequency(String zh, String en, int months) {
            this.names = new Names(zh, en);
            this.months = months;
        }

        @Override
        public Names names() {
            return names;
        }

        /** The first month of the bucket holding {@code m}: the month itself, its quarter's or its year's first. */
        YearMonth start(YearMonth m) {
            return YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / months * months + 1);
        }

        /** The bucket's name, the same in both languages: {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. */
        String label(YearMonth start) {
            return switch (this) {
                case MONTH -> start.toString();
                case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case YEAR -> Integer.toString(start.getYear());
            };
        }

        /** The frequency named by its code (any case) or its Chinese name, or null. */
        static Frequency parse(String s) {
            String t = s.strip();
            for (Frequency f : values()) {
                if (f.name().equalsIgnoreCase(t) || f.zh().equals(t)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The query as typed: {@code category} a {@link DataType}; {@code from}/{@code to} months; a frequency. */
    public record Query(String category, String from, String to, String frequency, String enterpriseId) {
    }

    /** The checked query. */
    public record Filters(DataType category, YearMonth from, YearMonth to, Frequency frequency, Long enterpriseId) {
    }

    /**
     * One bucket: its name, its first and last month within the range, how many monthly rows it holds (one per
     * enterprise and month, as {@link AuthorisedData.Total#months}), their record count and amount (null for a
     * category without amounts).
     */
    public record Bucket(String label, YearMonth from, YearMonth to, long months, long recordCount,
                         Long amountUsdCents) {
        /** What the chart draws: the amount in cents for a category with amounts, else the record count. */
        public long measure() {
            return amountUsdCents != null ? amountUsdCents : recordCount;
        }
    }

    /**
     * The answer: the buckets in time order (every one, zeros included) and their total.
     *
     * @param amounts true if the category has amounts, so {@link Bucket#measure} is US cents, else records
     */
    public record Result(Filters filters, boolean amounts, List<Bucket> buckets, Bucket total) {
    }

    /** One month's sums as read: its rows (one per enterprise), records and amount (null when no row has one). */
    record MonthSums(long rows, long records, Long amountUsdCents) {
    }

    /**
     * Checks the query, every bad field named (invalid input): the category, both months and the frequency are
     * required; from must not be after to; the range must fit in {@link #MAX_BUCKETS} buckets of the frequency.
     */
    static Filters check(Query q) {
        List<FieldError> errors = new ArrayList<>();
        DataType category = null;
        if (q.category() == null || q.category().isBlank()) {
            errors.add(new FieldError("category", "请选择统计类别", "choose the category of data"));
        } else {
            category = DataType.parse(q.category()).orElse(null);
            if (category == null) {
                errors.add(new FieldError("category", "未知的统计类别“" + q.category()
                        + "”（可选：出口报关单数据、出口收汇数据、企业基本信息、海关企业信用等级）", "unknown category '"
                        + q.category() + "' (CUSTOMS_EXPORT_DECLARATIONS, EXPORT_RECEIPTS, ENTERPRISE_BASICS,"
                        + " CUSTOMS_CREDIT_RATING)"));
            }
        }
        YearMonth from = required("from", q.from(), "开始月份", "the first month", errors);
        YearMonth to = required("to", q.to(), "结束月份", "the last month", errors);
        Frequency frequency = null;
        if (q.frequency() == null || q.frequency().isBlank()) {
            errors.add(new FieldError("frequency", "请选择指标频度（月、季度、年）", "choose the frequency (MONTH, QUARTER, YEAR)"));
        } else if ((frequency = Frequency.parse(q.frequency())) == null) {
            errors.add(new FieldError("frequency", "未知的指标频度“" + q.frequency() + "”（可选：月、季度、年）",
                    "unknown frequency '" + q.frequency() + "' (MONTH, QUARTER, YEAR)"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "开始月份 " + from + " 不能晚于结束月份 " + to,
                    "the first month " + from + " is after the last month " + to));
        } else if (from != null && to != null && frequency != null) {
            long buckets = frequency.start(from).until(frequency.start(to), ChronoUnit.MONTHS) / frequency.months + 1;
            if (buckets > MAX_BUCKETS) {
                errors.add(new FieldError("to", "从 " + from + " 到 " + to + " 按" + frequency.zh() + "统计有 " + buckets
                        + " 个区间，最多 " + MAX_BUCKETS + " 个：请缩短时间范围或选用更长的频度",
                        "from " + from + " to " + to + " by " + frequency.en() + " is " + buckets + " buckets, at most "
                                + MAX_BUCKETS + ": shorten the range or choose a longer frequency"));
            }
        }
        Long enterpriseId = AuthorisedData.enterpriseId(q.enterpriseId(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Filters(category, from, to, frequency, enterpriseId);
    }

    private static YearMonth required(String field, String raw, String labelZh, String labelEn, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "请填写" + labelZh, labelEn + " is required"));
            return null;
        }
        return AuthorisedData.month(field, raw, labelZh, labelEn, errors);
    }

    /** Every bucket of the checked range, filled from the months' sums (months absent hold nothing). */
    static Result fill(Filters f, Map<YearMonth, MonthSums> byMonth) {
        Objects.requireNonNull(f, "f");
        boolean amounts = f.category().hasAmount();
        List<Bucket> buckets = new ArrayList<>();
        long allMonths = 0;
        long allRecords = 0;
        long allAmount = 0;
        for (YearMonth start = f.frequency().start(f.from()); !start.isAfter(f.to());
             start = start.plusMonths(f.frequency().months)) {
            YearMonth first = start.isBefore(f.from()) ? f.from() : start;
            YearMonth last = start.plusMonths(f.frequency().months - 1);
            last = last.isAfter(f.to()) ? f.to() : last;
            long months = 0;
            long records = 0;
            long amount = 0;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                MonthSums s = byMonth.get(m);
                if (s != null) {
                    months += s.rows();
                    records += s.records();
                    amount += s.amountUsdCents() == null ? 0 : s.amountUsdCents();
                }
            }
            buckets.add(new Bucket(f.frequency().label(start), first, last, months, records, amounts ? amount : null));
            allMonths += months;
            allRecords += records;
            allAmount += amount;
        }
        Bucket total = new Bucket("TOTAL", f.from(), f.to(), allMonths, allRecords,
                amounts ? allAmount : null);
        return new Result(f, amounts, List.copyOf(buckets), total);
    }
}
