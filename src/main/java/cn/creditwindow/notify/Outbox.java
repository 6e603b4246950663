package cn.creditwindow.notify;

import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Notifier}: records every notice in the {@code outbox} table, in the transaction of the change it
 * reports (a transactional outbox). SMS notices are only recorded (there is no SMS gateway here); the demo shows
 * an enterprise its notices on screen, verification codes included.
 *
 * <p>An e-mail notice also gets a row in {@code mail_deliveries}: {@link Delivery#PENDING} when a
 * {@link MailDispatcher} is given (it is woken once the transaction commits, and sends the e-mail from its own
 * thread, never inside the transaction), {@link Delivery#SKIPPED} when there is no SMTP server. A rolled-back
 * change leaves neither the notice nor its delivery, so nothing is sent for it.
 */
public final class Outbox implements Notifier {
    /** The reason recorded for e-mails when no SMTP server is configured. */
    public static final String NO_SMTP = "not sent: no SMTP server configured";

    private final Database db;
    private final Clock clock;
    private final MailDispatcher dispatcher;

    /**
     * A recorded notice.
     *
     * @param delivery      where an e-mail is on its way ({@code null} for SMS, and for e-mails recorded before
     *                      e-mail delivery existed)
     * @param attempts      how often sending an e-mail was tried
     * @param deliveryError why the last attempt failed, or why it was not sent; null when it went through
     * @param deliveredAt   when the SMTP server accepted the e-mail, or null
     */
    public record Sent(long id, Long enterpriseId, Long userId, Channel channel, String address, String subject,
                       String text, Instant sentAt, Delivery delivery, int attempts, String deliveryError,
                       Instant deliveredAt) {
    }

    /** An outbox that records e-mails as {@link Delivery#SKIPPED}: no SMTP server is configured. */
    public Outbox(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dispatcher = null;
    }

    /** An outbox whose e-mails {@code dispatcher} delivers. */
    public Outbox(Database db, Clock clock, MailDispatcher dispatcher) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void send(Tx tx, Notice n) {
        Instant now = clock.instant();
        long id = tx.insert("INSERT INTO outbox (enterprise_id, user_id, channel, address, subject, body, html, headers,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", n.enterpriseId(), n.userId(), n.channel(),
                n.address(), n.subject(), n.text(), n.html(), n.headers().isEmpty() ? null : headerLines(n.headers()),
                now);
        if (n.channel() != Channel.EMAIL) {
            return;
        }
        if (dispatcher == null) {
            tx.update("INSERT INTO mail_deliveries (outbox_id, state, last_error) VALUES (?, ?, ?)", id,
                    Delivery.SKIPPED, NO_SMTP);
        } else {
            tx.update("INSERT INTO mail_deliveries (outbox_id, state, next_attempt_at) VALUES (?, ?, ?)", id,
                    Delivery.PENDING, now);
            tx.afterCommit(dispatcher::wake);
        }
    }

    /** One page of the notices concerning an enterprise, newest first. */
    public Paged<Sent> ofEnterprise(long enterpriseId, PageRequest page) {
        return db.read(tx -> page.select(tx, SELECT + " WHERE o.enterprise_id = ?", "o.id DESC", Outbox::sent,
                enterpriseId));
    }

    /** One notice by its id. */
    public Optional<Sent> notice(long id) {
        return db.read(tx -> tx.one(SELECT + " WHERE o.id = ?", Outbox::sent, id));
    }

    private static final String SELECT = "SELECT o.*, d.state AS delivery, d.attempts, d.last_error, d.sent_at"
            + " FROM outbox o LEFT JOIN mail_deliveries d ON d.outbox_id = o.id";

    private static Sent sent(Row r) throws SQLException {
        return new Sent(r.longValue("id"), r.nullableLong("enterprise_id"), r.nullableLong("user_id"),
                r.enumValue("channel", Channel.class), r.string("address"), r.string("subject"), r.string("body"),
                r.instant("created_at"), r.enumValue("delivery", Delivery.class), r.intValue("attempts"),
                r.string("last_error"), r.instant("sent_at"));
    }

    /** Header fields as stored: one {@code Name: value} line each (values are single lines, names have no colon). */
    static String headerLines(Map<String, String> headers) {
        StringBuilder b = new StringBuilder();
        headers.forEach((name, value) -> b.append(name).append(": ").append(value).append('\n'));
        return b.toString();
    }

    /** The inverse of {@link #headerLines}; null or empty gives no headers. */
    static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }
}
