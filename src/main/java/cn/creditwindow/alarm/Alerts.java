package cn.creditwindow.alarm;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.losses.Obligations;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.NotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The alarm's inbox (报警信息): the alerts of the enterprises a principal may see, newest first; an enterprise's
 * people mark them read. Alerts are written by {@link CreditAlarm}. Each alert shown says what to do now about its
 * buyer when the enterprise has open shipments on it ({@link NextSteps}), worked out as it is read, in the same
 * transaction: the shipments may have changed since the alert fired.
 */
public final class Alerts {
    private static final String SELECT = "SELECT a.*, b.code, b.name_en FROM alerts a JOIN buyers b ON b.id = a.buyer_id";

    private final Database db;
    private final Obligations obligations;
    private final Clock clock;

    public Alerts(Database db, Obligations obligations, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.obligations = Objects.requireNonNull(obligations, "obligations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One page of the alerts, newest first, of one enterprise ({@code enterpriseId}; not found unless the principal
     * may see it) or of all it may see; only the unread ones when {@code unreadOnly}.
     */
    public Paged<Alert> list(Principal who, Long enterpriseId, boolean unreadOnly, PageRequest page) {
        return db.read(tx -> {
            Tenancy.Filter f = EnterpriseScope.of(tx, who, enterpriseId, "a.enterprise_id");
            Paged<Alert> found = page.select(tx, SELECT + " WHERE " + f.sql()
                    + (unreadOnly ? " AND a.read_at IS NULL" : ""), "a.id DESC", Alerts::alert, f.args());
            java.util.Map<List<Long>, NextSteps> seen = new java.util.HashMap<>(); // one look per enterprise and buyer
            return found.map(a -> a.with(seen.computeIfAbsent(List.of(a.enterpriseId(), a.buyerId()),
                    k -> nextSteps(tx, a))));
        });
    }

    /**
     * Every enterprise's alerts created in {@code [from, to)}, oldest first: for the monthly digest (a system read,
     * no principal; the digest shows each enterprise only its own).
     */
    public List<Alert> between(Instant from, Instant to) {
        return db.read(tx -> tx.list(SELECT + " WHERE a.created_at >= ? AND a.created_at < ? ORDER BY a.created_at, a.id",
                Alerts::alert, from, to));
    }

    /** How many alerts of the enterprises the principal may see are unread. */
    public long unread(Principal who) {
        Tenancy.Filter f = Tenancy.filter(who, "a.enterprise_id");
        return db.read(tx -> tx.number("SELECT COUNT(*) FROM alerts a WHERE a.read_at IS NULL AND " + f.sql(), f.args()));
    }

    /** The alert, if the principal may see it; else 404. */
    public Alert find(Principal who, long id) {
        Tenancy.Filter f = Tenancy.filter(who, "a.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(List.of(f.args()));
        return db.read(tx -> tx.one(SELECT + " WHERE a.id = ? AND " + f.sql(), Alerts::alert, args.toArray())
                .map(a -> a.with(nextSteps(tx, a))))
                .orElseThrow(() -> notFound(id));
    }

    /** Marks an alert of the principal's own enterprise read (once; marking it again changes nothing). */
    public Alert markRead(Principal who, long id) {
        long enterpriseId = EnterpriseScope.own(who);
        db.inTransaction(tx -> {
            if (tx.number("SELECT COUNT(*) FROM alerts WHERE id = ? AND enterprise_id = ?", id, enterpriseId) == 0) {
                throw notFound(id);
            }
            return tx.update("UPDATE alerts SET read_at = ? WHERE id = ? AND read_at IS NULL", clock.instant(), id);
        });
        return find(who, id);
    }

    /** What to do now about the alert's buyer, from the enterprise's shipments as they are; null when none is open. */
    private NextSteps nextSteps(Tx tx, Alert a) {
        return obligations.exposure(tx, a.enterpriseId(), a.buyerId())
                .map(e -> NextSteps.of(e, a.buyerId(), obligations.today())).orElse(null);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("alert " + id + " not found", "报警 " + id + " 不存在");
    }

    static Alert alert(Row r) throws SQLException {
        String kind = r.string("kind");
        String articleId = r.string("article_id");
        Long orderId = r.nullableLong("order_id");
        String link = "ARTICLE".equals(kind) ? "/articles/" + articleId : "/credit/orders/" + orderId;
        return new Alert(r.longValue("id"), r.longValue("enterprise_id"), r.longValue("buyer_id"), r.string("code"),
                r.string("name_en"), kind, articleId, orderId, r.string("title"), r.string("matched"),
                r.string("reason_zh"), r.string("reason_en"), link, r.instant("created_at"), r.instant("read_at"), null);
    }
}
