package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.schemes.PolicyYear;
import cn.creditwindow.schemes.Premium;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrator's eligible-enterprise lists (名单): import a CSV for a scheme (every row checked; a bad file
 * is refused whole), publish it for a period (公示), confirm it once the period has ended (确认名单), which pushes
 * a pending policy (待确认保单) to each eligible enterprise that holds no active one. A list is for one policy year of
 * its scheme, the one in force (or the next to start) on the day of import; the policies pushed from it are for that
 * year, and its exports are that year's last-year exports ({@link PolicyYear#exportsYear()}).
 *
 * <p>Rows outside the scheme's region or export band are kept on the list as excluded, with the reason, and
 * never pushed: the administrator sees what the file said and why those enterprises get nothing.
 */
public final class EligibleLists {
    private final Database db;
    private final SchemeCatalogue schemes;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;

    public EligibleLists(Database db, SchemeCatalogue schemes, Notifier notifier, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public enum State { IMPORTED, PUBLISHED, CONFIRMED }

    /** Why a row was not pushed, or that it was. */
    public enum Outcome { PUSHED, ACTIVE_POLICY, OUT_OF_BAND, OUT_OF_REGION }

    /**
     * A list.
     *
     * @param yearStart the first day of the policy year the list is for; null for a list imported before schemes had
     *                  several years, which is for its scheme's first year
     */
    public record EligibleList(long id, String schemeId, String fileName, State state, LocalDate publishStart,
                               LocalDate publishEnd, Instant importedAt, Instant confirmedAt, long rows, long eligible,
                               LocalDate yearStart) {
    }

    public record Entry(long id, int line, long enterpriseId, String uscc, String name, long exportsCents,
                        String divisionCode, boolean eligible, Outcome outcome, Long policyId) {
    }

    /**
     * A list with one page of its rows, in file order: {@code total} rows in all (page and size as asked; the
     * answers to an import, a publication or a confirmation hold the first page).
     */
    public record Detail(EligibleList list, long total, int page, int size, List<Entry> entries) {
    }

    public List<Scheme> schemes() {
        return schemes.current().all();
    }

    /** The policy year a list is for (its scheme's first year for a list stored without one). */
    private static PolicyYear year(Scheme scheme, EligibleList list) {
        if (list.yearStart() == null) {
            return scheme.policyYears().get(0);
        }
        return scheme.policyYearStarting(list.yearStart()).orElseThrow(() -> new IllegalStateException("list "
                + list.id() + " is for the policy year from " + list.yearStart() + ", which scheme " + scheme.id()
                + " does not have"));
    }

    /** One page of the imported lists, newest first. */
    public Paged<EligibleList> lists(PageRequest page) {
        return db.read(tx -> page.select(tx, SELECT_LIST, "l.id DESC", EligibleLists::list));
    }

    /** A list with one page of its rows; not found when there is no such list. */
    public Detail detail(long id, PageRequest page) {
        return db.read(tx -> detail(tx, id, page));
    }

    /**
     * Imports a list for a scheme's policy year in force, or next to start, today: invalid input naming the scheme
     * (missing, unknown, or with every policy year over), the file (missing) and every bad row and field at once
     * (nothing saved); unknown enterprises are registered in the same transaction.
     *
     * @param content the file, or null when none was chosen
     */
    public Detail importCsv(Principal admin, String schemeId, String fileName, byte[] content) {
        List<FieldError> errors = new ArrayList<>();
        Scheme scheme = null;
        PolicyYear year = null;
        if (schemeId == null || schemeId.isBlank()) {
            errors.add(new FieldError("scheme", "请选择统保方案", "choose the scheme"));
        } else {
            scheme = schemes.current().byId(schemeId.strip()).orElse(null);
            if (scheme == null) {
                errors.add(new FieldError("scheme", "未知的统保方案“" + schemeId + "”，可选：" + ids(),
                        "unknown scheme '" + schemeId + "'; one of " + ids()));
            } else {
                LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
                year = scheme.policyYearOn(today).orElse(null);
                if (year == null) {
                    PolicyYear last = scheme.policyYears().get(scheme.policyYears().size() - 1);
                    errors.add(new FieldError("scheme", "统保方案 " + scheme.id() + " 的保单年度已全部结束（最后一个保单年度 "
                            + last + "），不能再导入名单", "every policy year of scheme " + scheme.id() + " is over (the"
                            + " last was " + last + "); no list can be imported for it"));
                }
            }
        }
        List<EligibleCsv.Row> rows = List.of();
        if (content == null) {
            errors.add(new FieldError("file", "请选择要导入的 CSV 文件", "choose the CSV file to import"));
        } else {
            try {
                rows = EligibleCsv.parse(content);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors()); // named with the scheme's, not after it is fixed
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Scheme s = scheme;
        PolicyYear y = year;
        List<EligibleCsv.Row> checked = rows;
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        return db.inTransaction(tx -> {
            Instant now = clock.instant();
            long listId = tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, imported_by, imported_at,"
                    + " year_start) VALUES (?, ?, 'IMPORTED', ?, ?, ?)", s.id(),
                    name.length() > 200 ? name.substring(0, 200) : name, admin.userId(), now, y.start());
            for (EligibleCsv.Row r : checked) {
                long enterpriseId = Accounts.enterpriseByUscc(tx, r.uscc()).map(Enterprise::id).orElseGet(() ->
                        Accounts.createEnterprise(tx, new Accounts.NewEnterprise(r.uscc(), r.name(), null, r.district()),
                                now));
                Outcome excluded = !s.region().contains(r.district()) ? Outcome.OUT_OF_REGION
                        : !s.isEligible(r.exports()) ? Outcome.OUT_OF_BAND : null;
                tx.insert("INSERT INTO eligible_entries (list_id, line, enterprise_id, exports_cents, division_code,"
                        + " eligible, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)", listId, r.line(), enterpriseId,
                        cents(r.exports()), r.district(), excluded == null, excluded);
            }
            return detail(tx, listId);
        });
    }

    /** A publication period as typed: the first and last day, yyyy-MM-dd. */
    public record Publication(String start, String end) {
        /** The period of two dates (the demo's, a test's). */
        public static Publication of(LocalDate start, LocalDate end) {
            return new Publication(start.toString(), end.toString());
        }
    }

    /**
     * Publishes (公示) a list for a period, or changes the period of a published one: not found, a conflict once
     * confirmed, then invalid input for a missing or bad date or a period that ends before it starts.
     */
    public Detail publish(long id, Input<Publication> publication) {
        return db.inTransaction(tx -> {
            tx.lock("eligible_lists", id); // the list owns its state
            EligibleList list = listById(tx, id);
            if (list.state() == State.CONFIRMED) {
                throw new ConflictException("list " + id + " has been confirmed; its publication can no"
                        + " longer change", "名单 " + id + " 已确认，不能再修改公示期");
            }
            LocalDate[] period = publication.check(EligibleLists::period);
            tx.update("UPDATE eligible_lists SET state = 'PUBLISHED', publish_start = ?, publish_end = ? WHERE id = ?",
                    period[0], period[1], id);
            return detail(tx, id);
        });
    }

    private static LocalDate[] period(Publication p, List<FieldError> errors) {
        LocalDate start = date("start", p.start(), "请填写公示开始日期（yyyy-MM-dd）",
                "the first day of publication is required (yyyy-MM-dd)", errors);
        LocalDate end = date("end", p.end(), "请填写公示结束日期（yyyy-MM-dd）",
                "the last day of publication is required (yyyy-MM-dd)", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("end", "公示结束日期不能早于开始日期 " + start, "the last day must not be before the first day " + start));
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String field, String raw, String missingZh, String missingEn, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, missingZh, missingEn));
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "日期“" + raw + "”格式不正确，应为 yyyy-MM-dd",
                    "date '" + raw + "' is not a date like 2026-11-30"));
            return null;
        }
    }

    /**
     * Confirms a published list once its period has ended and pushes a pending policy to every eligible
     * enterprise on it that holds no active sponsored policy (those are reported as skipped), for the list's policy
     * year. A conflict before the period ends, for an unpublished or confirmed list, or when the list's policy year is
     * over.
     */
    public Detail confirm(Principal admin, long id) {
        try {
            return db.inTransaction(tx -> {
                tx.lock("eligible_lists", id); // the list owns its state
                EligibleList list = listById(tx, id);
                LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
                if (list.state() != State.PUBLISHED) {
                    throw new ConflictException("list " + id + " is " + list.state().name().toLowerCase()
                            + "; only a published list can be confirmed", "名单 " + id + (list.state() == State.CONFIRMED
                            ? " 已确认，请勿重复确认" : " 尚未公示，公示期结束后方可确认"));
                }
                if (!today.isAfter(list.publishEnd())) {
                    throw new ConflictException("list " + id + " is published until " + list.publishEnd()
                            + "; it can be confirmed from " + list.publishEnd().plusDays(1), "名单 " + id + " 公示期至 "
                            + list.publishEnd() + "，" + list.publishEnd().plusDays(1) + " 起方可确认");
                }
                Scheme scheme = schemes.current(tx).byId(list.schemeId()).orElseThrow(() -> new IllegalStateException(
                        "list " + id + " names scheme " + list.schemeId() + ", which is not loaded"));
                PolicyYear year = year(scheme, list);
                if (today.isAfter(year.end())) {
                    throw new ConflictException("the policy year " + year + " of scheme " + scheme.id()
                            + " ended on " + year.end() + "; no policies can be pushed for it", "统保方案 " + scheme.id()
                            + " 的保单年度（" + year + "）已于 " + year.end() + " 结束，不能再推送保单");
                }
                for (Entry e : entries(tx, id)) {
                    if (e.eligible()) {
                        push(tx, scheme, year, list, e);
                    }
                }
                tx.update("UPDATE eligible_lists SET state = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ?",
                        admin.userId(), clock.instant(), id);
                return detail(tx, id);
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_policies_active") || e.names("policies.enterprise_id")) {
                throw new ConflictException("an enterprise on list " + id + " received a sponsored policy"
                        + " meanwhile; confirm again", "名单 " + id + " 中有企业同时获得了统保保单，请重新确认");
            }
            throw e;
        }
    }

    private void push(Tx tx, Scheme scheme, PolicyYear year, EligibleList list, Entry e) {
        boolean active = tx.number("SELECT COUNT(*) FROM policies WHERE enterprise_id = ? AND state IN"
                + " ('PENDING', 'APPLIED', 'RETURNED', 'AWAITING_PAYMENT', 'EFFECTIVE')", e.enterpriseId()) > 0;
        if (active) {
            tx.update("UPDATE eligible_entries SET outcome = 'ACTIVE_POLICY' WHERE id = ?", e.id());
            return;
        }
        BigDecimal exports = BigDecimal.valueOf(e.exportsCents(), 2);
        Premium premium = scheme.premium(exports);
        Optional<BigDecimal> aggregate = scheme.aggregateLimit(premium);
        long policyId = tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt, insured_cents,"
                        + " premium_cents, enterprise_part_cents, subsidy_cents, per_buyer_limit_cents, aggregate_limit_cents,"
                        + " indemnity_ratio, year_start, year_end, pushed_at) VALUES (?, ?, ?, 'PENDING', 'NONE', ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)", e.enterpriseId(), scheme.id(), list.id(), e.exportsCents(),
                premium.knownTotal().map(EligibleLists::cents).orElse(null), cents(premium.enterprisePart()),
                premium.stated() ? cents(premium.subsidyPart()) : null, cents(scheme.perBuyerLimit()),
                aggregate.map(EligibleLists::cents).orElse(null), scheme.indemnityRatio().toPlainString(),
                year.start(), year.end(), clock.instant());
        tx.update("UPDATE eligible_entries SET outcome = 'PUSHED', policy_id = ? WHERE id = ?", policyId, e.id());
        tx.one("SELECT mobile FROM users WHERE enterprise_id = ? AND mobile IS NOT NULL ORDER BY role, id LIMIT 1",
                r -> r.string("mobile"), e.enterpriseId()).ifPresent(mobile -> notifier.send(tx, new Notice(
                        e.enterpriseId(), null, Channel.SMS, mobile, "待确认保单 / Pending policy",
                        "您有一份待确认小微信保易保单（" + scheme.nameZh() + "），请登录单一窗口查看保单并提交投保申请。"
                                + "You have a pending policy (" + scheme.nameEn() + "): sign in to view it and apply.")));
    }

    private static final String SELECT_LIST = "SELECT l.*, (SELECT COUNT(*) FROM eligible_entries x WHERE x.list_id = l.id)"
            + " AS row_count, (SELECT COUNT(*) FROM eligible_entries x WHERE x.list_id = l.id AND x.eligible = 1)"
            + " AS eligible_count FROM eligible_lists l";

    private Detail detail(Tx tx, long id) {
        return detail(tx, id, PageRequest.first());
    }

    private Detail detail(Tx tx, long id, PageRequest page) {
        EligibleList list = listById(tx, id);
        Paged<Entry> entries = page.select(tx, ENTRIES, "x.line, x.id", EligibleLists::entry, id);
        return new Detail(list, entries.total(), entries.page(), entries.size(), entries.items());
    }

    /** Every row of a list in file order (for confirming it: work on all rows, not a page to show). */
    private static List<Entry> entries(Tx tx, long listId) {
        return tx.list(ENTRIES + " ORDER BY x.line, x.id", EligibleLists::entry, listId);
    }

    private static final String ENTRIES = "SELECT x.*, e.uscc, e.name_zh FROM eligible_entries x"
            + " JOIN enterprises e ON e.id = x.enterprise_id WHERE x.list_id = ?";

    private static EligibleList listById(Tx tx, long id) {
        return tx.one(SELECT_LIST + " WHERE l.id = ?", EligibleLists::list, id).orElseThrow(() ->
                new NotFoundException("eligible list " + id + " not found", "名单 " + id + " 不存在"));
    }

    private static EligibleList list(Row r) throws SQLException {
        return new EligibleList(r.longValue("id"), r.string("scheme_id"), r.string("file_name"),
                r.enumValue("state", State.class), r.date("publish_start"), r.date("publish_end"),
                r.instant("imported_at"), r.instant("confirmed_at"), r.longValue("row_count"),
                r.longValue("eligible_count"), r.date("year_start"));
    }

    private static Entry entry(Row r) throws SQLException {
        return new Entry(r.longValue("id"), r.intValue("line"), r.longValue("enterprise_id"), r.string("uscc"),
                r.string("name_zh"), r.longValue("exports_cents"), r.string("division_code"), r.bool("eligible"),
                r.enumValue("outcome", Outcome.class), r.nullableLong("policy_id"));
    }

    private String ids() {
        return String.join(", ", schemes.current().all().stream().map(Scheme::id).toList());
    }

    static long cents(BigDecimal usd) {
        return usd.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }
}
