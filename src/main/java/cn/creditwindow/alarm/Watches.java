package cn.creditwindow.alarm;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Objects;
import java.util.Map;

/**
 * Watch lists (关注的买方): an enterprise's people watch the buyers they may see, mute and unmute them, and stop
 * watching; account managers, reviewers and administrators read the lists of the enterprises they may see. One
 * watch per enterprise and buyer (a database constraint). A watch added or ended records a change of the
 * {@link WatchedNames} the alarm scans articles with, so that every node rebuilds them before its next scan.
 */
public final class Watches {
    private static final String SELECT = "SELECT w.enterprise_id, w.buyer_id, w.muted, w.created_at, b.code, b.name_en,"
            + " b.name_zh, b.country_code,"
            + " (SELECT COUNT(*) FROM alerts a WHERE a.enterprise_id = w.enterprise_id AND a.buyer_id = w.buyer_id) AS alerts,"
            + " (SELECT COUNT(*) FROM alerts a WHERE a.enterprise_id = w.enterprise_id AND a.buyer_id = w.buyer_id"
            + " AND a.read_at IS NULL) AS unread"
            + " FROM watches w JOIN buyers b ON b.id = w.buyer_id";

    private final Database db;
    private final Clock clock;

    public Watches(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The principal's enterprise starts watching the buyer a URL names ({@code /credit/buyers/{id}/watch}): not found
     * when it may not see it, a conflict if it watches it already.
     */
    public Watch watch(Principal who, long buyerId) {
        long enterpriseId = EnterpriseScope.own(who);
        return added(buyerId, () -> db.inTransaction(tx -> {
            Buyers.find(tx, who, buyerId);
            return insert(tx, who, enterpriseId, buyerId);
        }));
    }

    /**
     * The principal's enterprise starts watching the buyer a form names ({@code POST /api/watches {"buyerId"}}): a
     * missing id, or one naming no buyer it may see, is a field of the form (invalid input, "no such buyer"); a
     * conflict if it watches the buyer already.
     */
    public Watch watch(Principal who, Input<Long> buyerId) {
        long enterpriseId = EnterpriseScope.own(who);
        return db.inTransaction(tx -> {
            long id = buyerId.check((b, errors) -> {
                if (b == null || b <= 0) {
                    errors.add(new FieldError("buyerId", "请指定要关注的买方（buyerId）", "buyerId (the buyer to watch) is required"));
                } else if (Buyers.visible(tx, who, b).isEmpty()) {
                    errors.add(Buyers.noSuchBuyer("buyerId", b));
                }
                return b;
            });
            return added(id, () -> insert(tx, who, enterpriseId, id));
        });
    }

    private Watch insert(Tx tx, Principal who, long enterpriseId, long buyerId) {
        tx.insert("INSERT INTO watches (enterprise_id, buyer_id, muted, created_by_user_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", enterpriseId, buyerId, false, who.userId(), clock.instant());
        WatchedNames.changed(tx);
        return one(tx, enterpriseId, buyerId);
    }

    /** The watch {@code work} adds; a conflict when the database says the enterprise watches the buyer already. */
    private static Watch added(long buyerId, java.util.function.Supplier<Watch> work) {
        try {
            return work.get();
        } catch (ConstraintViolationException e) {
            if (e.names("ux_watches_enterprise_buyer") || e.names("watches.enterprise_id")) {
                throw new ConflictException("buyer " + buyerId + " is on the watch list already",
                        "该买方已在关注列表中");
            }
            throw e;
        }
    }

    /** Stops watching (not found if the enterprise does not watch the buyer). Its alerts stay in the inbox. */
    public void unwatch(Principal who, long buyerId) {
        long enterpriseId = EnterpriseScope.own(who);
        int n = db.inTransaction(tx -> {
            int deleted = tx.update("DELETE FROM watches WHERE enterprise_id = ? AND buyer_id = ?", enterpriseId,
                    buyerId);
            if (deleted > 0) {
                WatchedNames.changed(tx);
            }
            return deleted;
        });
        if (n == 0) {
            throw notWatched(buyerId);
        }
    }

    /**
     * Mutes (no new alerts) or unmutes a watched buyer: not found when the enterprise does not watch it, then invalid
     * input when {@code muted} is not given.
     */
    public Watch mute(Principal who, long buyerId, Input<Boolean> muted) {
        long enterpriseId = EnterpriseScope.own(who);
        return db.inTransaction(tx -> {
            one(tx, enterpriseId, buyerId);
            boolean m = muted.check((b, errors) -> {
                if (b == null) {
                    errors.add(new FieldError("muted", "请说明是否静音（muted: true 或 false）",
                            "muted (true or false) is required"));
                }
                return Boolean.TRUE.equals(b);
            });
            tx.update("UPDATE watches SET muted = ? WHERE enterprise_id = ? AND buyer_id = ?", m, enterpriseId, buyerId);
            return one(tx, enterpriseId, buyerId);
        });
    }

    /**
     * One page of the watches, newest first, of one enterprise ({@code enterpriseId}; not found unless the principal
     * may see it) or of every enterprise the principal may see.
     */
    public Paged<Watch> list(Principal who, Long enterpriseId, PageRequest page) {
        return db.read(tx -> {
            Tenancy.Filter f = EnterpriseScope.of(tx, who, enterpriseId, "w.enterprise_id");
            return page.select(tx, SELECT + " WHERE " + f.sql(), "w.id DESC", Watches::watch, f.args());
        });
    }

    /** The buyers the principal's enterprise watches, each with whether it is muted (empty for others). */
    public Map<Long, Boolean> states(Principal who) {
        Map<Long, Boolean> out = new HashMap<>();
        if (who.role().isEnterpriseUser()) {
            db.read(tx -> tx.list("SELECT buyer_id, muted FROM watches WHERE enterprise_id = ?",
                    r -> out.put(r.longValue("buyer_id"), r.bool("muted")), who.enterpriseId()));
        }
        return out;
    }

    private static Watch one(Tx tx, long enterpriseId, long buyerId) {
        return tx.one(SELECT + " WHERE w.enterprise_id = ? AND w.buyer_id = ?", Watches::watch, enterpriseId, buyerId)
                .orElseThrow(() -> notWatched(buyerId));
    }

    private static NotFoundException notWatched(long buyerId) {
        return new NotFoundException("buyer " + buyerId + " is not on the watch list", "关注列表中没有买方 " + buyerId);
    }

    private static Watch watch(Row r) throws SQLException {
        return new Watch(r.longValue("enterprise_id"), r.longValue("buyer_id"), r.string("code"), r.string("name_en"),
                r.string("name_zh"), r.string("country_code"), r.bool("muted"), r.instant("created_at"),
                r.longValue("alerts"), r.longValue("unread"));
    }
}
