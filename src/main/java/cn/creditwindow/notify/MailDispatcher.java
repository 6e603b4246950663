package cn.creditwindow.notify;

import cn.creditwindow.mail.MailException;
import cn.creditwindow.mail.MailMessage;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Leases;
import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's e-mails: one background thread sends every {@link Delivery#PENDING} e-mail that is due
 * through the {@link SmtpMailer} and marks it {@link Delivery#SENT}. The {@link Outbox} wakes it as soon as a
 * transaction that recorded an e-mail has committed; it also looks every {@link Schedule#poll()} for e-mails whose
 * next attempt has come (and, at start, for those a stopped service left behind).
 *
 * <p>A failure is recorded on the e-mail (attempts, the error, the next attempt after a back-off that doubles from
 * {@link Schedule#firstRetry()} up to {@link Schedule#maxRetry()}); after {@link Schedule#maxAttempts()} attempts,
 * or at once when the failure is permanent (a malformed address, a recipient the server refuses with 5xx), the
 * e-mail is {@link Delivery#FAILED}. One recipient's failure never holds up the others: each e-mail is sent and
 * marked on its own, and an e-mail waiting for its next attempt does not block those behind it.
 *
 * <p><b>Several nodes (#17).</b> Every app node runs a dispatcher on the one outbox. A dispatcher claims each batch
 * before sending it: in one transaction it selects due e-mails that no one has claimed (or whose claim has run out)
 * with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two dispatchers selecting at once lock and get different
 * rows and neither waits (on SQLite the write transaction has the file to itself), and writes its name and an expiry
 * one {@linkplain Leases#time() lease time} ahead on them ({@code claimed_by}, {@code claimed_until}). The others
 * pass a claimed e-mail over until the claim runs out. A dispatcher starts no send in the second half of its claim
 * (it gives the rest of the batch back and claims again), so it never sends an e-mail whose claim another node may
 * already have taken over; closing gives back what it had claimed and not sent. A node that dies leaves its claims
 * to run out: another node sends those e-mails within one lease time.
 *
 * <p>Delivery is at least once: each e-mail is marked SENT in its own transaction right after the SMTP server
 * accepted it, so a crash (or a database failure) between the two resends that one e-mail, on this node when it
 * runs again or on another once the claim has run out. It goes out with the same Message-ID, derived from its
 * outbox id, so a receiver can tell it is the same message and drop it. (Exactly once would need the SMTP server
 * to take part in the transaction, which SMTP cannot.)
 *
 * <p>Thread-safe; {@link #deliverDue()} runs one pass at a time in a process.
 */
public final class MailDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** E-mails due ({@code next_attempt_at <= ?}) that no node holds a claim on ({@code claimed_until <= ?}). */
    private static final String CLAIMABLE = " WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?"
            + " AND (d.claimed_until IS NULL OR d.claimed_until <= ?)";
    /** Longest error text kept on an e-mail. */
    private static final int MAX_ERROR = 1_000;

    private final Database db;
    private final SmtpMailer mailer;
    private final Clock clock;
    private final Schedule schedule;
    private final Leases leases;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private volatile boolean closed;

    /**
     * When to try, and how often.
     *
     * @param maxAttempts how many attempts before an e-mail is FAILED (at least 1)
     * @param firstRetry  the wait after the first failed attempt; each further failure doubles it
     * @param maxRetry    the longest wait between two attempts
     * @param poll        how often the thread looks for e-mails that have become due without being woken
     * @param batchSize   how many e-mails are sent over one SMTP connection before the outbox is read again
     */
    public record Schedule(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration poll, int batchSize) {
        /** 8 attempts over about two hours (1, 2, 4 … 64 minutes apart); a look every 10 seconds. */
        public static final Schedule DEFAULT = new Schedule(8, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofSeconds(10), 100);

        public Schedule {
            Objects.requireNonNull(firstRetry, "firstRetry");
            Objects.requireNonNull(maxRetry, "maxRetry");
            Objects.requireNonNull(poll, "poll");
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("maxAttempts and batchSize must be positive, were " + maxAttempts
                        + " and " + batchSize);
            }
            // a positive wait also guarantees that one pass ends: a failed e-mail is not due again in the same pass
            if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0
                    || poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("need 0 < firstRetry <= maxRetry and poll > 0, were " + firstRetry
                        + ", " + maxRetry + ", " + poll);
            }
        }

        /** The wait after the {@code attempts}-th failed attempt. */
        Duration backOff(int attempts) {
            Duration wait = firstRetry;
            for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    /** What one {@link #deliverDue()} pass did. */
    public record Report(int sent, int retrying, int failed) {
    }

    private record Due(long id, String address, String subject, String text, String html, String headers,
                       Instant createdAt, int attempts) {
    }

    /**
     * @param clock  when e-mails are due (the service's clock)
     * @param leases this node's name and lease time, and the real time, for claiming e-mails
     */
    public MailDispatcher(Database db, SmtpMailer mailer, Clock clock, Schedule schedule, Leases leases) {
        this.db = Objects.requireNonNull(db, "db");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.thread = new Thread(this::run, "mail-dispatcher");
        thread.setDaemon(true);
    }

    /** Starts the background thread, which first sends whatever is due. */
    public void start() {
        running = true;
        thread.start();
    }

    /** Asks the thread to look for due e-mails now (called after a commit that recorded one). Never blocks. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Sends every e-mail that is due now, in batches over one SMTP connection each, and records each outcome.
     * The thread calls this; tests may call it directly (with the thread not started) to run one pass.
     */
    public synchronized Report deliverDue() {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        List<Due> batch;
        boolean more;
        do {
            batch = claim();
            // a send starts only in the first half of the claim: it ends well before another node may take it over
            Instant sendUntil = leases.now().plus(leases.time().dividedBy(2));
            List<Due> unsent = new ArrayList<>(batch);
            Collections.reverse(unsent); // sent from the end: the next to send is the last
            SmtpMailer.Connection connection = null;
            MailException down = null;
            try {
                for (Due d : batch) {
                    if (closed || !leases.now().isBefore(sendUntil)) {
                        break;
                    }
                    unsent.remove(unsent.size() - 1);
                    if (down == null && (connection == null || !connection.isOpen())) {
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                        try {
                            connection = mailer.connect();
                        } catch (MailException e) {
                            down = e; // the rest of this batch fails the same way without hammering the server
                        }
                    }
                    MailException failure = down;
                    if (failure == null) {
                        try {
                            connection.send(message(d));
                            sent(d);
                            sent++;
                            continue;
                        } catch (MailException e) {
                            failure = e;
                        }
                    }
                    if (failed(d, failure)) {
                        failed++;
                    } else {
                        retrying++;
                    }
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
                giveBack(unsent);
            }
            more = batch.size() == schedule.batchSize() || !unsent.isEmpty();
        } while (more && !closed);
        if (sent + retrying + failed > 0) {
            log.info("mail: {} sent, {} to retry, {} failed", sent, retrying, failed);
        }
        return new Report(sent, retrying, failed);
    }

    /**
     * Claims the next batch of due e-mails for this node: those no node has claimed, or whose claim has run out,
     * locked as they are read so that another node's claim at the same moment gets other rows.
     */
    private List<Due> claim() {
        Instant due = clock.instant();
        Instant now = leases.now();
        // most looks find nothing: they need no write transaction (nor, on SQLite, wait for the file's writer)
        boolean any = db.read(tx -> tx.number("SELECT COUNT(*) FROM (SELECT 1 FROM mail_deliveries d" + CLAIMABLE
                + " LIMIT 1) AS d", due, now)) > 0;
        if (!any) {
            return List.of();
        }
        return db.inTransaction(tx -> {
            List<Due> batch = tx.list("SELECT o.id, o.address, o.subject, o.body, o.html, o.headers, o.created_at,"
                    + " d.attempts FROM mail_deliveries d JOIN outbox o ON o.id = d.outbox_id" + CLAIMABLE
                    + " ORDER BY d.next_attempt_at, d.outbox_id LIMIT ?" + db.dialect().forUpdateSkipLocked("d"),
                    MailDispatcher::due, due, now, schedule.batchSize());
            if (!batch.isEmpty()) {
                tx.update("UPDATE mail_deliveries SET claimed_by = ?, claimed_until = ? WHERE outbox_id IN ("
                        + ids(batch) + ")", leases.holder(), now.plus(leases.time()));
            }
            return batch;
        });
    }

    /** Gives back the claims of e-mails this node claimed and did not try, so that any node may send them at once. */
    private void giveBack(List<Due> unsent) {
        if (!unsent.isEmpty()) {
            db.inTransaction(tx -> tx.update("UPDATE mail_deliveries SET claimed_by = NULL, claimed_until = NULL"
                    + " WHERE claimed_by = ? AND state = 'PENDING' AND outbox_id IN (" + ids(unsent) + ")",
                    leases.holder()));
        }
    }

    /** The outbox ids of e-mails, as a list for {@code IN (…)} (numbers read from the database, never user text). */
    private static String ids(List<Due> mails) {
        StringBuilder b = new StringBuilder();
        for (Due d : mails) {
            b.append(b.isEmpty() ? "" : ", ").append(d.id());
        }
        return b.toString();
    }

    private MailMessage message(Due d) {
        // stable per e-mail: a resend after a crash carries the same Message-ID
        String messageId = "<outbox-" + d.id() + "." + d.createdAt().toEpochMilli() + "@" + mailer.domain() + ">";
        return new MailMessage(d.address(), d.subject(), d.text(), d.html(), Outbox.headers(d.headers()), messageId);
    }

    private void sent(Due d) {
        db.inTransaction(tx -> tx.update("UPDATE mail_deliveries SET state = 'SENT', attempts = ?, sent_at = ?,"
                + " next_attempt_at = NULL, last_error = NULL, claimed_by = NULL, claimed_until = NULL"
                + " WHERE outbox_id = ? AND state = 'PENDING'",
                d.attempts() + 1, clock.instant(), d.id()));
    }

    /** Records a failed attempt; true when it was the last one (the e-mail is FAILED). */
    private boolean failed(Due d, MailException e) {
        int attempts = d.attempts() + 1;
        boolean last = e.permanent() || attempts >= schedule.maxAttempts();
        String error = e.getMessage().length() > MAX_ERROR ? e.getMessage().substring(0, MAX_ERROR) : e.getMessage();
        log.warn("mail to {} (outbox {}), attempt {}{}: {}", d.address(), d.id(), attempts, last ? ", giving up" : "",
                error);
        db.inTransaction(tx -> last
                ? tx.update("UPDATE mail_deliveries SET state = 'FAILED', attempts = ?, next_attempt_at = NULL,"
                        + " last_error = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE outbox_id = ? AND state = 'PENDING'", attempts, error, d.id())
                : tx.update("UPDATE mail_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ?,"
                        + " claimed_by = NULL, claimed_until = NULL WHERE outbox_id = ? AND state = 'PENDING'", attempts,
                        clock.instant().plus(schedule.backOff(attempts)), error, d.id()));
        return last;
    }

    private static Due due(Row r) throws SQLException {
        return new Due(r.longValue("id"), r.string("address"), r.string("subject"), r.string("body"), r.string("html"),
                r.string("headers"), r.instant("created_at"), r.intValue("attempts"));
    }

    private void run() {
        while (running) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                // a database hiccup must not end the dispatcher: the e-mails stay PENDING and the next pass tries
                log.error("mail dispatcher pass failed", e);
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(schedule.poll().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /**
     * Stops the thread after the e-mail it is sending, if any (waiting at most a little longer than one SMTP
     * timeout). E-mails not yet sent stay PENDING, their claims given back, for another node or the next start.
     */
    @Override
    public void close() {
        closed = true;
        running = false;
        wake();
        if (thread.isAlive()) {
            try {
                thread.join(SmtpMailer.TIMEOUT_MS * 3L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
