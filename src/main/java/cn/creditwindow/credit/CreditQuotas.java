package cn.creditwindow.credit;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The free reports of a sponsored policy and the wallet that shows them. The enterprise's effective sponsored policy
 * gives {@link Scheme#freeCreditReports()} free overseas buyer reports for its policy year; beyond them the scheme
 * charges for further reports or refuses them ({@link Scheme#extraCreditReports()}).
 *
 * <p>An order takes a free report with a conditional {@code UPDATE credit_quotas SET free_used = free_used + 1 WHERE …
 * free_used < free_total} and holds a numbered slot that a partial unique index keeps to one live order, so the
 * database refuses what the code might get wrong; a cancelled or unable-to-locate free order gives its slot back.
 * Both happen inside the order's own transaction ({@link CreditOrders}), never in one of their own.
 */
public final class CreditQuotas {
    private final Database db;
    private final SchemeCatalogue schemes;
    private final OrderRows rows;
    private final Clock clock;
    private final ZoneId zone;

    public CreditQuotas(Database db, SchemeCatalogue schemes, ReportTypes types, ObjectMapper json, Clock clock,
                        ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.rows = new OrderRows(types, json);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The free reports of the enterprise's effective sponsored policy, today; null when it has none. */
    record Quota(Long id, long policyId, String policyNumber, Scheme scheme, LocalDate yearStart,
                 LocalDate yearEnd, int total, int used) {
        int left() {
            return Math.max(0, total - used);
        }
    }

    /** A free report taken: the quota row, the slot held (null when none was left) and how many are left after. */
    record Slot(long quotaId, Integer number, int left) {
    }

    /** The enterprise's quota today: its effective sponsored policy's, while the policy year runs; null when none. */
    Quota quota(Tx tx, long enterpriseId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
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

    /** Takes a free report of {@code quota} in the caller's transaction (its row created on first use). */
    static Slot reserve(Tx tx, Quota quota) {
        long enterpriseId = tx.number("SELECT enterprise_id FROM policies WHERE id = ?", quota.policyId());
        long quotaId = quotaRow(tx, enterpriseId, quota);
        Integer slot = reserveSlot(tx, quotaId);
        int left = (int) tx.number("SELECT free_total - free_used FROM credit_quotas WHERE id = ?", quotaId);
        return new Slot(quotaId, slot, left);
    }

    /** Gives the free report of a free order back, in the caller's transaction (the order leaving its live states). */
    static void giveBack(Tx tx, long orderId) {
        tx.update("UPDATE credit_quotas SET free_used = free_used - 1 WHERE id = ?",
                tx.number("SELECT quota_id FROM credit_orders WHERE id = ?", orderId));
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

    /**
     * The wallet of an enterprise: its own for its people ({@code enterpriseId} null or theirs), one of the
     * portfolio for an account manager, any for a reviewer; invalid input when a manager or reviewer names none, not
     * found when the enterprise is not the principal's to see.
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
            List<CreditOrder> all = tx.list(OrderRows.SELECT + " WHERE o.enterprise_id = ? ORDER BY o.id DESC",
                    rows::order, id);
            List<CreditOrder> uses = q == null ? List.of() : all.stream().filter(o -> o.free()).toList();
            Wallet.PolicyInfo info = q == null ? null : new Wallet.PolicyInfo(q.policyId(), q.policyNumber(),
                    q.scheme().id(), q.scheme().nameZh(), q.scheme().nameEn(), q.yearStart(), q.yearEnd());
            return new Wallet(id, e.nameZh(), info, q == null ? 0 : q.total(), q == null ? 0 : q.used(),
                    q == null ? 0 : q.left(), q == null ? null : q.yearEnd(),
                    q == null ? null : q.scheme().extraCreditReports().name(), uses, all);
        });
    }

    private static NotFoundException enterpriseNotFound(Long id) {
        return new NotFoundException("enterprise " + id + " not found", "企业 " + id + " 不存在");
    }
}
