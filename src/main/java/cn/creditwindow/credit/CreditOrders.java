package cn.creditwindow.credit;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.QuotaExhaustedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Report orders and the free reports of a sponsored policy. An enterprise's people order for it; an account manager
 * orders on behalf of an enterprise of the portfolio; insurer reviewers fulfil. Every operation is one transaction
 * with its history row; who sees which order is {@link Tenancy}'s decision (others' orders answer 404).
 *
 * <p>The quota: the enterprise's effective sponsored policy gives {@link Scheme#freeCreditReports()} free overseas
 * buyer reports for its policy year. An order takes one with a conditional {@code UPDATE credit_quotas SET
 * free_used = free_used + 1 WHERE … free_used < free_total} and holds a numbered slot that a partial unique index
 * keeps to one live order, so the database refuses what the code might get wrong; a cancelled or unable-to-locate
 * free order gives its slot back in the same transaction.
 */
public final class CreditOrders {
    /** Annual exports (USD cents) at or above which the "other reports" are not offered (SPEC §3: 20M USD). */
    static final long SMALL_EXPORTER_LIMIT_CENTS = 2_000_000_000L;
    private static final Pattern HS_CODE = Pattern.compile("\\d{2}(\\d{2}){0,4}");
    static final int MAX_NOTE = 500;

    private final Database db;
    private final ReportTypes types;
    private final Countries countries;
    private final SchemeCatalogue schemes;
    private final Notifier notifier;
    private final RiskListener riskListener;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json;

    public CreditOrders(Database db, ReportTypes types, Countries countries, SchemeCatalogue schemes, Notifier notifier,
                        RiskListener riskListener, Clock clock, ZoneId zone, ObjectMapper json) {
        this.db = Objects.requireNonNull(db, "db");
        this.types = Objects.requireNonNull(types, "types");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.riskListener = Objects.requireNonNull(riskListener, "riskListener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * An order (or a request for a quote). {@code enterpriseId} is required from an account manager and optional
     * for the enterprise's own people; {@code expectedCharge} (yuan) is the quote's charge the user confirmed.
     */
    public record OrderRequest(String type, Long buyerId, String country, String hsCode, String product,
                               Boolean urgent, Long enterpriseId, BigDecimal expectedCharge) {
    }

    public ReportTypes types() {
        return types;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ---- quote and order ----

    /**
     * What the order would cost now: 400 naming every bad field (a buyer or an enterprise the principal may not
     * name among them), 409 when the report is not for this enterprise.
     */
    public Quote quote(Principal p, Input<OrderRequest> request) {
        requireOrderer(p);
        return db.read(tx -> {
            Checked c = request.check((r, errors) -> check(tx, p, r, false, errors));
            requireSmallExporter(tx, c);
            return quote(tx, c.type(), c.urgent(), quota(tx, c.enterprise().id()), false).quote();
        });
    }

    /**
     * Places an order: 400 naming every bad field (as {@link #quote}); the charge is computed again in the order's
     * transaction, a free report reserved when there is one, and the order refused (409) when the charge is not the
     * one the user confirmed or the scheme refuses it.
     */
    public CreditOrder order(Principal p, Input<OrderRequest> request) {
        requireOrderer(p);
        try {
            return db.inTransaction(tx -> {
                Checked c = request.check((r, errors) -> check(tx, p, r, true, errors));
                requireSmallExporter(tx, c);
                long expected = c.expectedFen();
                Quota quota = quota(tx, c.enterprise().id());
                Reserved res = quote(tx, c.type(), c.urgent(), quota, true);
                Quote q = res.quote();
                if (q.basis() == Quote.Basis.REFUSED) {
                    throw new QuotaExhaustedException(q.messageEn(), q.messageZh());
                }
                if (q.chargeFen() != expected) {
                    throw new ConflictException("the charge changed: it is now " + q.charge() + " CNY ("
                            + q.basis().name().toLowerCase() + "), not the " + Fen.show(expected)
                            + " CNY you confirmed; ask for a quote again", "费用已变化：现为 " + q.charge() + " 元（"
                            + (q.basis() == Quote.Basis.FREE ? "免费额度" : "收费") + "），而非您确认的 " + Fen.show(expected)
                            + " 元，请重新查看费用后再确认");
                }
                Instant now = clock.instant();
                boolean onBehalf = p.role() == Role.ACCOUNT_MANAGER;
                long id = tx.insert("INSERT INTO credit_orders (enterprise_id, report_type, buyer_id, country_code,"
                                + " hs_code, product, urgent, state, free, quota_id, slot, charge_fen, currency, ordered_by,"
                                + " on_behalf, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ORDERED', ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?)", c.enterprise().id(), c.type().id(),
                        c.buyer() == null ? null : c.buyer().id(), c.country() == null ? null : c.country().alpha2(),
                        c.hsCode(), c.product(), c.urgent(), res.slot() != null, res.slot() == null ? null : res.quotaId(),
                        res.slot(), q.chargeFen(), Fen.CURRENCY, p.userId(), onBehalf, now, now);
                event(tx, id, null, OrderState.ORDERED, p, onBehalf ? "客户经理代为下单 / ordered by the account manager"
                        + " on behalf of the enterprise" : null);
                return byId(tx, id);
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_credit_orders_slot") || e.names("credit_orders.quota_id")
                    || e.names("ck_credit_quotas_used")) {
                // the database's guard: another order took the last free report at the same moment
                throw new QuotaExhaustedException("the free reports were used meanwhile; ask for a quote again",
                        "免费额度已被占用，请重新查看费用");
            }
            throw e;
        }
    }

    /** The checked fields of a request: the report, the enterprise it is for and its buyer as the principal sees them. */
    private record Checked(ReportType type, Enterprise enterprise, Buyer buyer, Country country, String hsCode,
                           String product, boolean urgent, long expectedFen) {
    }

    private static void requireOrderer(Principal p) {
        if (!p.role().isEnterpriseUser() && p.role() != Role.ACCOUNT_MANAGER) {
            throw new NotAllowedException("only the enterprise's people and its account manager order reports",
                    "只有企业用户和客户经理可以订购资信报告");
        }
    }

    /**
     * The checked request, or null after adding an error per bad field to {@code errors}: the enterprise and the buyer
     * it names are fields of the form, and one the principal may not name is "not found" in the field (the same
     * words whether it does not exist or is another's), not a 404.
     */
    private Checked check(Tx tx, Principal p, OrderRequest r, boolean confirming, List<FieldError> errors) {
        int before = errors.size();
        ReportType type = types.byId(r.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "未知的报告类型“" + nz(r.type()) + "”，可选：" + ids(),
                    "unknown report type '" + nz(r.type()) + "'; the types are " + ids()));
        }
        Enterprise enterprise = enterprise(tx, p, r.enterpriseId(), errors);
        Country country = null;
        Buyer buyer = null;
        String hs = blankToNull(r.hsCode());
        String product = blankToNull(r.product());
        boolean urgent = Boolean.TRUE.equals(r.urgent());
        if (type != null) {
            if (type.needsBuyer() && r.buyerId() == null) {
                errors.add(new FieldError("buyerId", "请从买方目录中选择买方", "choose a buyer from the directory (buyerId)"));
            }
            if (!type.needsBuyer() && r.buyerId() != null) {
                errors.add(new FieldError("buyerId", type.nameZh() + "不针对单个买方", type.nameEn() + " is not about one buyer"));
            }
            if (type.needsBuyer() && r.buyerId() != null) {
                // the insurer's entries, and the enterprise's own: another enterprise's is as if it did not exist
                buyer = Buyers.visible(tx, p, r.buyerId()).filter(b -> b.addedByEnterpriseId() == null
                        || enterprise == null || b.addedByEnterpriseId() == enterprise.id()).orElse(null);
                if (buyer == null) {
                    errors.add(Buyers.noSuchBuyer("buyerId", r.buyerId()));
                }
            }
            if (type.needsCountry() || r.country() != null && !r.country().isBlank()) {
                country = blankToNull(r.country()) == null ? null : countries.find(r.country().strip()).orElse(null);
                if (country == null) {
                    errors.add(new FieldError("country", blankToNull(r.country()) == null ? "请选择国家或地区"
                            : "未知的国家或地区“" + r.country() + "”", blankToNull(r.country()) == null
                            ? "the country is required" : "unknown country '" + r.country() + "'"));
                } else if (country.alpha2().equals("CN")) {
                    errors.add(new FieldError("country", "请选择境外国家或地区", "choose a country outside mainland China"));
                }
            }
            if (type.needsHsCode() && hs == null) {
                errors.add(new FieldError("hsCode", "请填写产品的 HS 编码（2 至 10 位数字）",
                        "the product's HS code is required (2 to 10 digits)"));
            }
            if (urgent && !type.urgentAllowed()) {
                errors.add(new FieldError("urgent", type.nameZh() + "不提供加急服务", type.nameEn() + " cannot be ordered urgently"));
            }
        }
        if (hs != null && !HS_CODE.matcher(hs).matches()) {
            errors.add(new FieldError("hsCode", "HS 编码为 2、4、6、8 或 10 位数字", "an HS code has 2, 4, 6, 8 or 10 digits"));
        }
        if (product != null && product.length() > 200) {
            errors.add(new FieldError("product", "产品描述不超过 200 字", "the product has at most 200 characters"));
        }
        long expected = 0;
        if (confirming) {
            BigDecimal e = r.expectedCharge();
            if (e == null) {
                errors.add(new FieldError("expectedCharge", "请先查看费用，并随订单提交所确认的费用",
                        "ask for a quote first and send the charge you confirmed (expectedCharge)"));
            } else {
                try {
                    expected = Fen.of("expectedCharge", e);
                } catch (IllegalArgumentException x) {
                    errors.add(new FieldError("expectedCharge", "确认的费用应为不小于 0 的金额，最多两位小数",
                            "the confirmed charge is an amount of 0 or more with at most two decimals"));
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Checked(type, enterprise, buyer, country, hs, product, urgent, expected);
    }

    /**
     * The enterprise an order is for: the principal's own (an enterprise's people may name it or not), or for an
     * account manager the one named, if in the portfolio; null after adding an error on {@code enterpriseId}.
     */
    private static Enterprise enterprise(Tx tx, Principal p, Long enterpriseId, List<FieldError> errors) {
        if (p.role() == Role.ACCOUNT_MANAGER && enterpriseId == null) {
            errors.add(new FieldError("enterpriseId", "客户经理请选择代为订购的企业",
                    "an account manager names the enterprise to order for (enterpriseId)"));
            return null;
        }
        long id = p.role().isEnterpriseUser() ? p.enterpriseId() : enterpriseId;
        Optional<Enterprise> e = p.role().isEnterpriseUser() && enterpriseId != null && enterpriseId != id
                || !Tenancy.canSee(tx, p, id) ? Optional.empty() : Accounts.enterprise(tx, id);
        if (e.isEmpty()) {
            errors.add(new FieldError("enterpriseId", "没有编号为 " + enterpriseId + " 的企业可供选择",
                    "no such enterprise to order for: " + enterpriseId));
            return null;
        }
        return e.get();
    }

    private static NotFoundException enterpriseNotFound(Long id) {
        return new NotFoundException("enterprise " + id + " not found", "企业 " + id + " 不存在");
    }

    /** The "other reports" need exports under 20M USD, known from the insured amount of a sponsored policy. */
    private static void requireSmallExporter(Tx tx, Checked c) {
        ReportType type = c.type();
        if (!type.smallExportersOnly()) {
            return;
        }
        Optional<Long> exports = tx.one("SELECT insured_cents FROM policies WHERE enterprise_id = ? AND state <> 'WITHDRAWN'"
                + " ORDER BY id DESC LIMIT 1", r -> r.longValue("insured_cents"), c.enterprise().id());
        if (exports.isEmpty()) {
            throw new ConflictException(type.nameEn() + " is for enterprises exporting under 20 million USD a"
                    + " year, and this enterprise's exports are not known (no sponsored policy states them)",
                    type.nameZh() + "面向年出口额 2000 万美元以下的企业，本企业的出口额未知（无统保保单记载）");
        }
        if (exports.get() >= SMALL_EXPORTER_LIMIT_CENTS) {
            throw new ConflictException(type.nameEn() + " is for enterprises exporting under 20 million USD a"
                    + " year; this enterprise's last-year exports are " + exports.get() / 100 + " USD",
                    type.nameZh() + "面向年出口额 2000 万美元以下的企业，本企业上年出口额为 " + exports.get() / 100 + " 美元");
        }
    }

    // ---- the quota ----

    /** The free reports of the enterprise's effective sponsored policy, today; null when it has none. */
    private record Quota(Long id, long policyId, String policyNumber, Scheme scheme, LocalDate yearStart,
                         LocalDate yearEnd, int total, int used) {
        int left() {
            return Math.max(0, total - used);
        }
    }

    private Quota quota(Tx tx, long enterpriseId) {
        LocalDate today = today();
        Schemes known = schemes.current(tx);
        return tx.list("SELECT p.id, p.policy_number, p.scheme_id, p.year_start, p.year_end, q.id AS quota_id,"
                        + " q.free_total, q.free_used FROM policies p LEFT JOIN credit_quotas q ON q.policy_id = p.id"
                        + " WHERE p.enterprise_id = ? AND p.state = 'EFFECTIVE'", r -> {
                    Long quotaId = r.nullableLong("quota_id");
                    Scheme s = known.byId(r.string("scheme_id")).orElse(null);
                    return s == null ? null : new Quota(quotaId, r.longValue("id"), r.string("policy_number"), s,
                            r.date("year_start"), r.date("year_end"),
                            quotaId == null ? s.freeCreditReports() : r.intValue("free_total"),
                            quotaId == null ? 0 : r.intValue("free_used"));
                }, enterpriseId).stream()
                // the free reports expire with the policy year
                .filter(q -> q != null && !today.isAfter(q.yearEnd()))
                .findFirst().orElse(null);
    }

    /** The quota row of an effective policy, created on first use. */
    private static long quotaRow(Tx tx, long enterpriseId, Quota q) {
        if (q.id() != null) {
            return q.id();
        }
        tx.update("INSERT INTO credit_quotas (enterprise_id, policy_id, scheme_id, free_total, free_used, expires_on)"
                        + " VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (policy_id) DO NOTHING", enterpriseId, q.policyId(),
                q.scheme().id(), q.total(), q.yearEnd());
        return tx.number("SELECT id FROM credit_quotas WHERE policy_id = ?", q.policyId());
    }

    /** A quote and, when reserving, the free slot taken. */
    private record Reserved(Quote quote, Integer slot, Long quotaId) {
    }

    private Reserved quote(Tx tx, ReportType type, boolean urgent, Quota quota, boolean reserve) {
        CreditPrices.Price price = CreditPrices.price(tx, type);
        long surcharge = urgent ? price.urgentSurchargeFen() : 0;
        int total = quota == null ? 0 : quota.total();
        int left = quota == null ? 0 : quota.left();
        LocalDate expires = quota == null ? null : quota.yearEnd();
        Integer slot = null;
        Long quotaId = null;
        boolean free = false;
        if (type.usesFreeQuota() && quota != null && left > 0) {
            if (reserve) {
                long enterpriseId = tx.number("SELECT enterprise_id FROM policies WHERE id = ?", quota.policyId());
                quotaId = quotaRow(tx, enterpriseId, quota);
                slot = reserveSlot(tx, quotaId);
                free = slot != null;
                left = (int) tx.number("SELECT free_total - free_used FROM credit_quotas WHERE id = ?", quotaId);
            } else {
                free = true;
            }
        }
        if (free) {
            return new Reserved(new Quote(type.id(), Quote.Basis.FREE, surcharge, Fen.CURRENCY, price.priceFen(),
                    price.urgentSurchargeFen(), urgent, total, left, expires,
                    "免费额度内（剩余 " + left + " 份，" + expires + " 到期）" + (urgent ? "，另收加急费 " + Fen.show(surcharge) + " 元" : ""),
                    "free: one of the policy year's free reports (" + left + " left, until " + expires + ")"
                            + (urgent ? "; the urgent surcharge of " + Fen.show(surcharge) + " CNY is charged" : "")), slot,
                    quotaId);
        }
        if (type.usesFreeQuota() && quota != null && total > 0
                && quota.scheme().extraCreditReports() == Scheme.ExtraCreditReports.REFUSED) {
            return new Reserved(new Quote(type.id(), Quote.Basis.REFUSED, 0, Fen.CURRENCY, price.priceFen(),
                    price.urgentSurchargeFen(), urgent, total, 0, expires,
                    "本保单年度的 " + total + " 份免费资信报告已用完，" + quota.scheme().nameZh() + "不提供额外的收费报告",
                    "the " + total + " free reports of this policy year are used, and " + quota.scheme().nameEn()
                            + " gives no further reports"), null, null);
        }
        long charge = price.priceFen() + surcharge;
        String why = !type.usesFreeQuota() ? "" : quota == null ? "无生效的统保保单，" : total == 0 ? "统保方案不含免费报告，"
                : "免费额度已用完，";
        String whyEn = !type.usesFreeQuota() ? "" : quota == null ? "no effective sponsored policy; "
                : total == 0 ? "the scheme gives no free reports; " : "the free reports are used; ";
        return new Reserved(new Quote(type.id(), Quote.Basis.CHARGED, charge, Fen.CURRENCY, price.priceFen(),
                price.urgentSurchargeFen(), urgent, total, left, expires,
                why + "收费 " + Fen.show(charge) + " 元（人民币）" + (urgent ? "，含加急费 " + Fen.show(surcharge) + " 元" : ""),
                whyEn + "charged " + Fen.show(charge) + " CNY" + (urgent ? ", the urgent surcharge of "
                        + Fen.show(surcharge) + " CNY included" : "")), null, null);
    }

    /** Takes a free report of the quota: the lowest slot no live order holds; null when none is left. */
    private static Integer reserveSlot(Tx tx, long quotaId) {
        int changed = tx.update("UPDATE credit_quotas SET free_used = free_used + 1 WHERE id = ? AND free_used < free_total",
                quotaId);
        if (changed == 0) {
            return null;
        }
        int total = (int) tx.number("SELECT free_total FROM credit_quotas WHERE id = ?", quotaId);
        Set<Integer> held = new HashSet<>(tx.list("SELECT slot FROM credit_orders WHERE quota_id = ? AND free = 1 AND"
                + " state IN ('ORDERED', 'IN_PROGRESS', 'DELIVERED')", r -> r.intValue("slot"), quotaId));
        for (int s = 1; s <= total; s++) {
            if (!held.contains(s)) {
                return s;
            }
        }
        throw new IllegalStateException("quota " + quotaId + ": free_used allowed one more but all " + total
                + " slots are held");
    }

    // ---- reading ----

    /** An enterprise the principal may order for or look at, for pickers. */
    public record EnterpriseChoice(long id, String name, String uscc) {
    }

    /** The most enterprises a picker lists; when more match, it says so and asks for part of a name or USCC. */
    public static final int PICKER_LIMIT = 200;

    /** What an enterprise picker offers: at most {@link #PICKER_LIMIT}, by name, and whether more matched. */
    public record EnterpriseChoices(List<EnterpriseChoice> items, boolean more) {
    }

    /**
     * The enterprises whose records the principal may see (an account manager's portfolio, all for the insurer's
     * staff) whose name or USCC contains {@code q} (null or blank: any), by name.
     */
    public EnterpriseChoices enterprises(Principal p, String q) {
        Tenancy.Filter f = Tenancy.filter(p, "e.id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String sql = "SELECT e.id, e.name_zh, e.uscc FROM enterprises e WHERE " + f.sql();
        String text = q == null ? "" : q.strip().replace("%", "").replace("_", "");
        if (!text.isEmpty()) {
            sql += " AND (e.name_zh LIKE ? OR e.uscc LIKE ?)";
            args.add("%" + text + "%");
            args.add("%" + text.toUpperCase(java.util.Locale.ROOT) + "%");
        }
        args.add(PICKER_LIMIT + 1);
        String query = sql + " ORDER BY e.name_zh, e.id LIMIT ?";
        List<EnterpriseChoice> found = db.read(tx -> tx.list(query, r -> new EnterpriseChoice(r.longValue("id"),
                r.string("name_zh"), r.string("uscc")), args.toArray()));
        return new EnterpriseChoices(List.copyOf(found.subList(0, Math.min(found.size(), PICKER_LIMIT))),
                found.size() > PICKER_LIMIT);
    }

    /**
     * Buyers of the directory an order for {@code enterpriseId} may name: the insurer's and that enterprise's own,
     * as the principal may see them, whose code or folded English name contains {@code q} (at most 20, by name).
     */
    public List<Buyer> findBuyers(Principal p, Long enterpriseId, String q) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > 200) {
            return List.of();
        }
        String key = "%" + cn.creditwindow.buyers.BuyerNames.key(text).replace("%", "").replace("_", "") + "%";
        String code = text.toUpperCase(java.util.Locale.ROOT);
        Buyers.VisibleFilter f = Buyers.visibleFilter(p, "b");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String sql = "SELECT b.id FROM buyers b WHERE " + f.sql() + " AND (b.name_key LIKE ? OR b.code = ? OR b.name_zh LIKE ?)";
        args.add(key);
        args.add(code);
        args.add("%" + text.replace("%", "").replace("_", "") + "%");
        if (enterpriseId != null) {
            sql += " AND (b.added_by_enterprise_id IS NULL OR b.added_by_enterprise_id = ?)";
            args.add(enterpriseId);
        }
        String query = sql + " ORDER BY b.name_key LIMIT 20";
        return db.read(tx -> tx.list(query, r -> r.longValue("id"), args.toArray()).stream()
                .map(id -> Buyers.byId(tx, id).orElseThrow()).toList());
    }

    /** A buyer the principal may see, or 404. */
    public Buyer buyer(Principal p, long id) {
        return db.read(tx -> Buyers.find(tx, p, id));
    }

    static final String SELECT = "SELECT o.*, e.name_zh AS enterprise_name, u.display_name AS ordered_by_name,"
            + " u.role AS ordered_by_role, b.code AS buyer_code, b.name_en AS buyer_name, b.country_code AS buyer_country"
            + " FROM credit_orders o JOIN enterprises e ON e.id = o.enterprise_id JOIN users u ON u.id = o.ordered_by"
            + " LEFT JOIN buyers b ON b.id = o.buyer_id";

    /**
     * One page of the orders the principal may see, newest first, and how many there are; {@code states} (empty: any)
     * and {@code enterpriseId} (null: any the principal may see) narrow them.
     */
    public Paged<CreditOrder> orders(Principal p, Set<OrderState> states, Long enterpriseId, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "o.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        StringBuilder where = new StringBuilder(" WHERE ").append(f.sql());
        if (!states.isEmpty()) {
            where.append(" AND o.state IN (").append(String.join(", ", Collections.nCopies(states.size(), "?"))).append(")");
            args.addAll(new TreeSet<>(states));
        }
        if (enterpriseId != null) {
            where.append(" AND o.enterprise_id = ?");
            args.add(enterpriseId);
        }
        return db.read(tx -> page.select(tx, SELECT + where, "o.id DESC", this::order, args.toArray()));
    }

    /** One page of the orders awaiting the insurer (ORDERED, IN_PROGRESS): urgent ones first, then oldest first. */
    public Paged<CreditOrder> queue(Principal p, PageRequest page) {
        requireStaff(p);
        return db.read(tx -> page.select(tx, SELECT + " WHERE o.state IN ('ORDERED', 'IN_PROGRESS')",
                "o.urgent DESC, o.id", this::order));
    }

    /** One order, or 404 when it does not exist or is not the principal's to see. */
    public CreditOrder order(Principal p, long id) {
        return db.read(tx -> visible(tx, p, id));
    }

    public List<OrderEvent> history(Principal p, long id) {
        return db.read(tx -> {
            visible(tx, p, id);
            return tx.list("SELECT v.*, u.display_name FROM credit_order_events v JOIN users u ON u.id = v.actor_id"
                    + " WHERE v.order_id = ? ORDER BY v.id", r -> new OrderEvent(r.longValue("id"), r.longValue("order_id"),
                    r.enumValue("from_state", OrderState.class), r.enumValue("to_state", OrderState.class),
                    r.longValue("actor_id"), r.string("display_name"), r.string("note"), r.instant("at")), id);
        });
    }

    /**
     * The wallet of an enterprise: its own for its people ({@code enterpriseId} null or theirs), one of the
     * portfolio for an account manager, any for a reviewer; 400 when a manager or reviewer names none, 404 when the
     * enterprise is not the principal's to see.
     */
    public Wallet wallet(Principal p, Long enterpriseId) {
        long id;
        if (p.role().isEnterpriseUser()) {
            if (enterpriseId != null && enterpriseId.longValue() != p.enterpriseId()) {
                throw enterpriseNotFound(enterpriseId);
            }
            id = p.enterpriseId();
        } else if (enterpriseId == null) {
            throw new InvalidInputException("enterpriseId", "请指定企业（enterpriseId）", "name the enterprise (enterpriseId)");
        } else {
            id = enterpriseId;
        }
        return db.read(tx -> {
            if (!Tenancy.canSee(tx, p, id)) {
                throw enterpriseNotFound(id);
            }
            Enterprise e = Accounts.enterprise(tx, id).orElseThrow(() -> enterpriseNotFound(id));
            Quota q = quota(tx, id);
            List<CreditOrder> all = tx.list(SELECT + " WHERE o.enterprise_id = ? ORDER BY o.id DESC", this::order, id);
            List<CreditOrder> uses = q == null ? List.of() : all.stream().filter(o -> o.free()).toList();
            Wallet.PolicyInfo info = q == null ? null : new Wallet.PolicyInfo(q.policyId(), q.policyNumber(),
                    q.scheme().id(), q.scheme().nameZh(), q.scheme().nameEn(), q.yearStart(), q.yearEnd());
            return new Wallet(id, e.nameZh(), info, q == null ? 0 : q.total(), q == null ? 0 : q.used(),
                    q == null ? 0 : q.left(), q == null ? null : q.yearEnd(),
                    q == null ? null : q.scheme().extraCreditReports().name(), uses, all);
        });
    }

    private CreditOrder visible(Tx tx, Principal p, long id) {
        return tx.one(SELECT + " WHERE o.id = ?", this::order, id)
                .filter(o -> Tenancy.canSee(tx, p, o.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("credit report order " + id + " not found",
                        "资信报告订单 " + id + " 不存在"));
    }

    private CreditOrder byId(Tx tx, long id) {
        return tx.one(SELECT + " WHERE o.id = ?", this::order, id).orElseThrow();
    }

    private CreditOrder order(Row r) throws SQLException {
        String typeId = r.string("report_type");
        ReportType t = types.byId(typeId).orElse(null);
        String report = r.string("report_json");
        Long slot = r.nullableLong("slot");
        return new CreditOrder(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"), typeId,
                t == null ? typeId : t.nameZh(), t == null ? typeId : t.nameEn(), r.nullableLong("buyer_id"),
                r.string("buyer_code"), r.string("buyer_name"), r.string("buyer_country"), r.string("country_code"),
                r.string("hs_code"), r.string("product"), r.bool("urgent"), r.enumValue("state", OrderState.class),
                r.bool("free"), slot == null ? null : slot.intValue(), r.longValue("charge_fen"), r.string("currency"),
                r.longValue("ordered_by"), r.string("ordered_by_name"), r.string("ordered_by_role"), r.bool("on_behalf"),
                r.instant("created_at"), r.instant("updated_at"), r.nullableLong("taken_by"), r.instant("delivered_at"),
                report == null ? null : readReport(report));
    }

    private Report readReport(String text) {
        try {
            return json.readValue(text, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored credit report is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    // ---- the lifecycle ----

    /** The insurer's staff take an ordered report (ORDERED → IN_PROGRESS). */
    public CreditOrder take(Principal staff, long id) {
        requireStaff(staff);
        return db.inTransaction(tx -> {
            CreditOrder o = visible(tx, staff, id);
            move(tx, o, Set.of(OrderState.ORDERED), OrderState.IN_PROGRESS, staff, null, "taken", "受理");
            tx.update("UPDATE credit_orders SET taken_by = ? WHERE id = ?", staff.userId(), id);
            return byId(tx, id);
        });
    }

    /**
     * Cancels: the enterprise (or its account manager) while ORDERED, the insurer's staff while ORDERED or
     * IN_PROGRESS; a free order gives its report back. 404, 409 in any other state, then 400 for a reason too long.
     */
    public CreditOrder cancel(Principal p, long id, Input<String> reason) {
        boolean staff = p.role() == Role.REVIEWER;
        if (!staff && !p.role().isEnterpriseUser() && p.role() != Role.ACCOUNT_MANAGER) {
            throw new NotAllowedException("only the enterprise, its account manager and the insurer's staff"
                    + " cancel orders", "只有企业、客户经理和保险公司人员可以取消订单");
        }
        return db.inTransaction(tx -> {
            CreditOrder o = visible(tx, p, id);
            Set<OrderState> from = staff ? Set.of(OrderState.ORDERED, OrderState.IN_PROGRESS) : Set.of(OrderState.ORDERED);
            expect(o, from, "cancelled", "取消");
            String note = reason.check((r, errors) -> note(r, false, errors));
            move(tx, o, from, OrderState.CANCELLED, p, note, "cancelled", "取消");
            return byId(tx, id);
        });
    }

    /**
     * The insurer's staff could not find the buyer or data (无法查到); a free order gives its report back. 404, 409
     * unless ordered or in progress, then 400 without a reason.
     */
    public CreditOrder unableToLocate(Principal staff, long id, Input<String> reason) {
        requireStaff(staff);
        return db.inTransaction(tx -> {
            CreditOrder o = visible(tx, staff, id);
            Set<OrderState> from = Set.of(OrderState.ORDERED, OrderState.IN_PROGRESS);
            expect(o, from, "marked unable to locate", "标记为无法查到");
            String note = reason.check((r, errors) -> note(r, true, errors));
            move(tx, o, from, OrderState.UNABLE_TO_LOCATE, staff, note, "marked unable to locate", "标记为无法查到");
            notifyEnterprise(tx, o, "资信报告无法出具 / Credit report could not be made", "您订购的" + o.typeNameZh() + "（订单 "
                    + o.id() + "，" + o.subject() + "）无法查到，原因：" + note + (o.free() ? "。所用免费额度已退回。" : "。")
                    + " Your " + o.typeNameEn() + " (order " + o.id() + ") could not be made: " + note + ".");
            return byId(tx, id);
        });
    }

    /**
     * Delivers the report (IN_PROGRESS → DELIVERED): 404, 409 unless in progress, then validated (400 per field),
     * stored, the enterprise notified, and the risk listener told of the risk events of a buyer report, all in one
     * transaction.
     */
    public CreditOrder deliver(Principal staff, long id, Input<Report> delivered) {
        requireStaff(staff);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            CreditOrder o = visible(tx, staff, id);
            Set<OrderState> from = Set.of(OrderState.IN_PROGRESS);
            expect(o, from, "delivered", "出具");
            Report report = delivered.check((r, errors) -> {
                errors.addAll(r.check(o.buyerId() != null, today()));
                return r;
            });
            String text;
            try {
                text = json.writeValueAsString(report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("writing a credit report as JSON", e);
            }
            move(tx, o, from, OrderState.DELIVERED, staff, null, "delivered", "出具", text, now);
            notifyEnterprise(tx, o, "资信报告已出具 / Credit report delivered", "您订购的" + o.typeNameZh() + "（订单 " + o.id()
                    + "，" + o.subject() + "）已出具，请登录单一窗口资信服务查看并下载。Your " + o.typeNameEn() + " (order "
                    + o.id() + ") has been delivered; sign in to the window's credit services to read it.");
            List<String> events = report.eventTypes();
            if (!events.isEmpty() && o.buyerId() != null) {
                riskListener.onRisk(tx, o.buyerId(), o.id(), events);
            }
            return byId(tx, id);
        });
    }

    /** 409 unless the order is in one of {@code from}: checked before a request's body is looked at. */
    private static void expect(CreditOrder o, Set<OrderState> from, String verbEn, String verbZh) {
        if (!from.contains(o.state())) {
            throw illegal(o, from, verbEn, verbZh);
        }
    }

    /** Moves an order from one of {@code from} to {@code to} with its history row; 409 from any other state. */
    private void move(Tx tx, CreditOrder o, Set<OrderState> from, OrderState to, Principal actor, String note,
                      String verbEn, String verbZh, Object... reportAndTime) {
        if (!from.contains(o.state())) {
            throw illegal(o, from, verbEn, verbZh);
        }
        // a delivery sets the report with the state: the table's CHECK wants both or neither
        int changed = reportAndTime.length == 0
                ? tx.update("UPDATE credit_orders SET state = ?, updated_at = ? WHERE id = ? AND state = ?", to,
                        clock.instant(), o.id(), o.state())
                : tx.update("UPDATE credit_orders SET state = ?, updated_at = ?, report_json = ?, delivered_at = ?"
                        + " WHERE id = ? AND state = ?", to, clock.instant(), reportAndTime[0], reportAndTime[1], o.id(),
                        o.state());
        if (changed != 1) {
            throw illegal(o, from, verbEn, verbZh);
        }
        if (o.free() && o.state().live() && !to.live()) {
            tx.update("UPDATE credit_quotas SET free_used = free_used - 1 WHERE id = ?",
                    tx.number("SELECT quota_id FROM credit_orders WHERE id = ?", o.id()));
            note = (note == null ? "" : note + " · ") + "免费额度已退回 / free report returned";
        }
        event(tx, o.id(), o.state(), to, actor, note);
    }

    private static ConflictException illegal(CreditOrder o, Set<OrderState> from, String verbEn, String verbZh) {
        List<OrderState> sorted = from.stream().sorted().toList();
        return new ConflictException("order " + o.id() + " is " + o.state().en() + ", so it cannot be " + verbEn
                + " (only " + String.join(" or ", sorted.stream().map(OrderState::en).toList()) + " orders can)",
                "订单 " + o.id() + " 当前为“" + o.state().zh() + "”，不能" + verbZh + "（仅“"
                        + String.join("”或“", sorted.stream().map(OrderState::zh).toList()) + "”的订单可以）");
    }

    private void event(Tx tx, long orderId, OrderState from, OrderState to, Principal actor, String note) {
        tx.insert("INSERT INTO credit_order_events (order_id, from_state, to_state, actor_id, note, at) VALUES (?, ?, ?, ?,"
                + " ?, ?)", orderId, from, to, actor.userId(), note, clock.instant());
    }

    /** Tells the enterprise's people: an e-mail to each address, an SMS to each mobile. */
    private void notifyEnterprise(Tx tx, CreditOrder o, String subject, String text) {
        record Person(long id, String email, String mobile) {
        }
        List<Person> people = tx.list("SELECT id, email, mobile FROM users WHERE enterprise_id = ? ORDER BY id",
                r -> new Person(r.longValue("id"), r.string("email"), r.string("mobile")), o.enterpriseId());
        for (Person person : people) {
            if (person.email() != null && !person.email().isBlank()) {
                notifier.send(tx, new Notice(o.enterpriseId(), person.id(), Channel.EMAIL, person.email(), subject, text));
            }
            if (person.mobile() != null && !person.mobile().isBlank()) {
                notifier.send(tx, new Notice(o.enterpriseId(), person.id(), Channel.SMS, person.mobile(), subject, text));
            }
        }
    }

    /** A reason stripped (null when none), or an error added when required and missing, or too long. */
    private static String note(String reason, boolean required, List<FieldError> errors) {
        String r = reason == null ? "" : reason.strip();
        if (required && r.isEmpty() || r.length() > MAX_NOTE) {
            errors.add(new FieldError("reason", (required ? "请填写原因" : "原因") + "（不超过 " + MAX_NOTE + " 字）",
                    (required ? "the reason is required" : "the reason") + " (at most " + MAX_NOTE + " characters)"));
        }
        return r.isEmpty() ? null : r;
    }

    private static void requireStaff(Principal p) {
        if (p.role() != Role.REVIEWER) {
            throw new NotAllowedException("only the insurer's reviewers fulfil credit reports",
                    "只有保险公司审核人员可以处理资信报告订单");
        }
    }

    private String ids() {
        return String.join(", ", types.all().stream().map(ReportType::id).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
