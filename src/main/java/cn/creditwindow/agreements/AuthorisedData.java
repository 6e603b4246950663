package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authorised data (授权数据查询, manual 2.3): the monthly records of enterprises that have authorised them,
 * within the authorised months, listed by data type and time range. An enterprise sees its own, a manager their
 * portfolio's, reviewers all (narrowed with an enterprise id).
 */
public final class AuthorisedData {
    private final Database db;
    private final Clock clock;

    public AuthorisedData(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The filters as typed: {@code type} a {@link DataType} code or Chinese name; {@code from}/{@code to} a month
     * ({@code 2026-03}) or a day; {@code page} and {@code size} which page of the records (see {@link PageRequest}).
     */
    public record Query(String type, String from, String to, String enterpriseId, String page, String size) {
    }

    /** Checked filters; null means "any". */
    public record Filters(DataType type, YearMonth from, YearMonth to, Long enterpriseId) {
    }

    /** Per data type: how many records and what amount the listed months hold. */
    public record Total(DataType dataType, long months, long recordCount, Long amountUsdCents) {
    }

    /**
     * The answer: one page of the records, newest month first, how many records match in all, and the totals per
     * type over all of them (not just this page).
     */
    public record Result(Filters filters, long total, int page, int size, List<DataRecord> items, List<Total> totals) {
    }

    /** Checked filters and page. */
    private record Checked(Filters filters, PageRequest page) {
    }

    /**
     * Checks the filters and the page, every bad one reported (invalid input): an unknown type, a bad month or day,
     * from after to, a bad id, a bad page or size.
     */
    private static Checked check(Query q) {
        List<FieldError> errors = new ArrayList<>();
        DataType type = null;
        if (q.type() != null && !q.type().isBlank()) {
            type = DataType.parse(q.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "未知的数据类型“" + q.type() + "”（可选：出口报关单数据、出口收汇数据、企业基本信息、海关企业信用等级）",
                        "unknown data type '" + q.type() + "' (CUSTOMS_EXPORT_DECLARATIONS, EXPORT_RECEIPTS, ENTERPRISE_BASICS, CUSTOMS_CREDIT_RATING)"));
            }
        }
        YearMonth from = month("from", q.from(), "开始月份", "the first month", errors);
        YearMonth to = month("to", q.to(), "结束月份", "the last month", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "开始月份 " + from + " 不能晚于结束月份 " + to,
                    "the first month " + from + " is after the last month " + to));
        }
        Long enterpriseId = enterpriseId(q.enterpriseId(), errors);
        PageRequest page = PageRequest.parse(q.page(), q.size(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(new Filters(type, from, to, enterpriseId), page);
    }

    /**
     * One page of the authorised records the principal may see that match the query, with their count and totals
     * (not found for an enterprise not theirs to see).
     */
    public Result list(Principal p, Query q) {
        Checked checked = check(q);
        Filters f = checked.filters();
        return db.read(tx -> {
            Selection s = matching(tx, p, f.type(), f.from(), f.to(), f.enterpriseId());
            // (enterprise, type, month) is unique, so the order is total
            Paged<DataRecord> rows = checked.page().select(tx, s.sql(), "r.month DESC, r.data_type, r.enterprise_id",
                    DataRecord::of, s.args());
            return new Result(f, rows.total(), rows.page(), rows.size(), rows.items(), totals(tx, s.sql(), s.args()));
        });
    }

    /**
     * The statistics of one category over a range of months, summed per month, quarter or year (授权数据统计), over
     * the same records {@link #list} lists: every bucket of the range, empty ones with zeros. Invalid input per bad
     * field, not found for an enterprise not the principal's to see.
     */
    public DataStatistics.Result statistics(Principal p, DataStatistics.Query q) {
        DataStatistics.Filters f = DataStatistics.check(q);
        return db.read(tx -> {
            Selection s = matching(tx, p, f.category(), f.from(), f.to(), f.enterpriseId());
            Map<YearMonth, DataStatistics.MonthSums> byMonth = new HashMap<>();
            tx.list("SELECT m.month, COUNT(*) AS months, SUM(m.record_count) AS records,"
                    + " SUM(m.amount_usd_cents) AS amount, COUNT(m.amount_usd_cents) AS amounts FROM (" + s.sql() + ") m"
                    + " GROUP BY m.month", r -> byMonth.put(YearMonth.parse(r.string("month")),
                    new DataStatistics.MonthSums(r.longValue("months"), r.longValue("records"),
                            r.longValue("amounts") > 0 ? r.longValue("amount") : null)), s.args());
            return DataStatistics.fill(f, byMonth);
        });
    }

    /** A query over the authorised records and its arguments. */
    private record Selection(String sql, Object[] args) {
    }

    /**
     * The authorised records the principal may see (their enterprise's, a manager's portfolio, all for reviewers)
     * within each enterprise's authorised months and types, narrowed by the filters that are not null; not found for an
     * enterprise not theirs to see.
     */
    private static Selection matching(Tx tx, Principal p, DataType type, YearMonth from, YearMonth to,
                                      Long enterpriseId) {
        if (enterpriseId != null && !Tenancy.canSee(tx, p, enterpriseId)) {
            throw new NotFoundException("enterprise " + enterpriseId + " not found", "企业 " + enterpriseId + " 不存在");
        }
        Tenancy.Filter t = Tenancy.filter(p, "r.enterprise_id");
        StringBuilder sql = new StringBuilder("SELECT r.*, e.name_zh AS enterprise_name FROM authorised_data r"
                + " JOIN enterprises e ON e.id = r.enterprise_id"
                + " JOIN data_authorisations d ON d.enterprise_id = r.enterprise_id"
                + " WHERE r.month >= d.period_from AND r.month <= d.period_until"
                + " AND (',' || d.data_types || ',') LIKE ('%,' || r.data_type || ',%') AND " + t.sql());
        List<Object> args = new ArrayList<>(List.of(t.args()));
        if (type != null) {
            sql.append(" AND r.data_type = ?");
            args.add(type);
        }
        if (from != null) {
            sql.append(" AND r.month >= ?");
            args.add(from.toString());
        }
        if (to != null) {
            sql.append(" AND r.month <= ?");
            args.add(to.toString());
        }
        if (enterpriseId != null) {
            sql.append(" AND r.enterprise_id = ?");
            args.add(enterpriseId);
        }
        return new Selection(sql.toString(), args.toArray());
    }

    /**
     * Stores one month of one data type for an enterprise as the single window delivers it; a month already
     * there is left as it is. Used by the demo world and tests (the feed from the single window is a later issue).
     */
    public void receive(long enterpriseId, DataType type, YearMonth month, long recordCount, Long amountUsdCents,
                        String summary) {
        db.inTransaction(tx -> {
            receive(tx, enterpriseId, type, month, recordCount, amountUsdCents, summary);
            return null;
        });
    }

    void receive(Tx tx, long enterpriseId, DataType type, YearMonth month, long recordCount, Long amountUsdCents,
                 String summary) {
        if (recordCount < 0 || (amountUsdCents != null && amountUsdCents < 0)) {
            throw new IllegalArgumentException("record count and amount must not be negative, were " + recordCount
                    + " and " + amountUsdCents);
        }
        tx.update("INSERT INTO authorised_data (enterprise_id, data_type, month, record_count, amount_usd_cents, summary,"
                + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", enterpriseId, type, month.toString(),
                recordCount, type.hasAmount() ? amountUsdCents : null, summary, clock.instant());
    }

    /** Per data type (in {@link DataType} order), the months, records and amount of every row {@code sql} matches. */
    private static List<Total> totals(Tx tx, String sql, Object[] args) {
        Map<DataType, Total> byType = new EnumMap<>(DataType.class);
        tx.list("SELECT m.data_type, COUNT(*) AS months, SUM(m.record_count) AS records,"
                + " SUM(m.amount_usd_cents) AS amount, COUNT(m.amount_usd_cents) AS amounts FROM (" + sql + ") m"
                + " GROUP BY m.data_type", r -> {
                    DataType t = r.enumValue("data_type", DataType.class);
                    return byType.put(t, new Total(t, r.longValue("months"), r.longValue("records"),
                            r.longValue("amounts") > 0 ? r.longValue("amount") : null));
                }, args);
        return List.copyOf(byType.values());
    }

    /** An enterprise id as typed: null when blank or bad (then named in {@code errors}). */
    static Long enterpriseId(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError("enterpriseId", "企业编号“" + raw + "”应为正整数",
                "enterprise id '" + raw + "' must be a positive whole number"));
        return null;
    }

    /** A month or a day as typed, as its month: null when blank or bad (then named in {@code errors}). */
    static YearMonth month(String field, String raw, String labelZh, String labelEn, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return s.length() == 7 ? YearMonth.parse(s) : YearMonth.from(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, labelZh + "“" + raw + "”不是有效的月份或日期（格式：2026-03 或 2026-03-31）",
                    labelEn + " '" + raw + "' is not a month or a date (2026-03 or 2026-03-31)"));
            return null;
        }
    }
}
