package cn.creditwindow.notify;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link Notifier}: records every notice in the {@code outbox} table and delivers nothing (there is
 * no SMS gateway here). The demo shows an enterprise its notices on screen, verification codes included.
 */
public final class Outbox implements Notifier {
    private final Database db;
    private final Clock clock;

    /** A recorded notice. */
    public record Sent(long id, Long enterpriseId, Long userId, Channel channel, String address, String subject,
                       String text, Instant sentAt) {
    }

    public Outbox(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(Tx tx, Notice n) {
        tx.insert("INSERT INTO outbox (enterprise_id, user_id, channel, address, subject, body, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", n.enterpriseId(), n.userId(), n.channel(), n.address(), n.subject(),
                n.text(), clock.instant());
    }

    /** The notices concerning an enterprise, newest first. */
    public List<Sent> ofEnterprise(long enterpriseId, int limit) {
        return db.read(tx -> tx.list("SELECT * FROM outbox WHERE enterprise_id = ? ORDER BY id DESC LIMIT ?",
                Outbox::sent, enterpriseId, limit));
    }

    private static Sent sent(Row r) throws SQLException {
        return new Sent(r.longValue("id"), r.nullableLong("enterprise_id"), r.nullableLong("user_id"),
                r.enumValue("channel", Channel.class), r.string("address"), r.string("subject"), r.string("body"),
                r.instant("created_at"));
    }
}
