package cn.creditwindow.credit;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.QuotaExhaustedException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Report orders and their lifecycle. An enterprise's people order for it; an account manager orders on behalf of an
 * enterprise of the portfolio; insurer reviewers take, deliver, cancel or mark them unable to locate. Every operation
 * is one transaction with its history row; who sees which order is {@link Tenancy}'s decision (others' orders answer
 * not found). What an order costs is {@link CreditQuotes}' answer, asked again inside the order's transaction, and the
 * free reports it takes and gives back are {@link CreditQuotas}' rows, changed in that same transaction.
 */
public final class CreditOrders {
    static final int MAX_NOTE = 500;

    private final Database db;
    private final ReportTypes types;
    private final CreditQuotes quotes;
    private final OrderRows rows;
    private final Notifier notifier;
    private final RiskListener riskListener;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json;

    public CreditOrders(Database db, ReportTypes types, CreditQuotes quotes, Notifier notifier,
                        RiskListener riskListener, Clock clock, ZoneId zone, ObjectMapper json) {
        this.db = Objects.requireNonNull(db, "db");
        this.types = Objects.requireNonNull(types, "types");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.rows = new OrderRows(types, json);
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

    // ---- the order ----

    /**
     * Places an order: invalid input naming every bad field (as {@link CreditQuotes#quote}); the charge is computed
     * again in the order's transaction, a free report reserved when there is one, and the order refused (a conflict)
     * when the charge is not the one the user confirmed or the scheme refuses it.
     */
    public CreditOrder order(Principal p, Input<OrderRequest> request) {
        CreditQuotes.requireOrderer(p);
        try {
            return db.inTransaction(tx -> {
                CreditQuotes.Checked c = quotes.checked(tx, p, request, true);
                // the enterprise owns its free reports: orders for it, on any node, take them one after the other
                tx.lock("enterprises", c.enterprise().id());
                long expected = c.expectedFen();
                CreditQuotes.Reserved res = quotes.price(tx, c, true);
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
        return db.read(tx -> page.select(tx, OrderRows.SELECT + where, "o.id DESC", rows::order, args.toArray()));
    }

    /** One page of the orders awaiting the insurer (ORDERED, IN_PROGRESS): urgent ones first, then oldest first. */
    public Paged<CreditOrder> queue(Principal p, PageRequest page) {
        requireStaff(p);
        return db.read(tx -> page.select(tx, OrderRows.SELECT + " WHERE o.state IN ('ORDERED', 'IN_PROGRESS')",
                "o.urgent DESC, o.id", rows::order));
    }

    /** One order, or not found when it does not exist or is not the principal's to see. */
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

    private CreditOrder visible(Tx tx, Principal p, long id) {
        return tx.one(OrderRows.SELECT + " WHERE o.id = ?", rows::order, id)
                .filter(o -> Tenancy.canSee(tx, p, o.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("credit report order " + id + " not found",
                        "资信报告订单 " + id + " 不存在"));
    }

    private CreditOrder byId(Tx tx, long id) {
        return tx.one(OrderRows.SELECT + " WHERE o.id = ?", rows::order, id).orElseThrow();
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
     * IN_PROGRESS; a free order gives its report back. Not found, a conflict in any other state, then invalid input
     * for a reason too long.
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
     * The insurer's staff could not find the buyer or data (无法查到); a free order gives its report back. Not found, a
     * conflict unless ordered or in progress, then invalid input without a reason.
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
     * Delivers the report (IN_PROGRESS → DELIVERED): not found, a conflict unless in progress, then validated (invalid
     * input per field), stored, the enterprise notified, and the risk listener told of the risk events of a buyer
     * report, all in one transaction.
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

    /** A conflict unless the order is in one of {@code from}: checked before a request's body is looked at. */
    private static void expect(CreditOrder o, Set<OrderState> from, String verbEn, String verbZh) {
        if (!from.contains(o.state())) {
            throw illegal(o, from, verbEn, verbZh);
        }
    }

    /** Moves an order from one of {@code from} to {@code to} with its history row; a conflict from any other state. */
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
            CreditQuotas.giveBack(tx, o.id());
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
}
