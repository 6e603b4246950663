package cn.creditwindow.notify;

import cn.creditwindow.mail.MailException;
import cn.creditwindow.mail.MailMessage;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>Delivery is at least once: each e-mail is marked SENT in its own transaction right after the SMTP server
 * accepted it, so a crash (or a database failure) between the two resends at most that one e-mail when the
 * dispatcher runs again. It goes out with the same Message-ID, derived from its outbox id, so a receiver can
 * tell it is the same message.
 *
 * <p>One dispatcher per database: two processes sending from the same outbox could both send an e-mail.
 * Thread-safe; {@link #deliverDue()} runs one pass at a time.
 */
public final class MailDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** Longest error text kept on an e-mail. */
    private static final int MAX_ERROR = 1_000;

    private final Database db;
    private final SmtpMailer mailer;
    private final Clock clock;
    private final Schedule schedule;
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

    public MailDispatcher(Database db, SmtpMailer mailer, Clock clock, Schedule schedule) {
        this.db = Objects.requireNonNull(db, "db");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
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
        do {
            Instant now = clock.instant();
            batch = db.read(tx -> tx.list("SELECT o.id, o.address, o.subject, o.body, o.html, o.headers, o.created_at,"
                    + " d.attempts FROM mail_deliveries d JOIN outbox o ON o.id = d.outbox_id"
                    + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?"
                    + " ORDER BY d.next_attempt_at, d.outbox_id LIMIT ?",
                    MailDispatcher::due, now, schedule.batchSize()));
            SmtpMailer.Connection connection = null;
            MailException down = null;
            try {
                for (Due d : batch) {
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
            }
        } while (batch.size() == schedule.batchSize() && !closed);
        if (sent + retrying + failed > 0) {
            log.info("mail: {} sent, {} to retry, {} failed", sent, retrying, failed);
        }
        return new Report(sent, retrying, failed);
    }

    private MailMessage message(Due d) {
        // stable per e-mail: a resend after a crash carries the same Message-ID
        String messageId = "<outbox-" + d.id() + "." + d.createdAt().toEpochMilli() + "@" + mailer.domain() + ">";
        return new MailMessage(d.address(), d.subject(), d.text(), d.html(), Outbox.headers(d.headers()), messageId);
    }

    private void sent(Due d) {
        db.inTransaction(tx -> tx.update("UPDATE mail_deliveries SET state = 'SENT', attempts = ?, sent_at = ?,"
                + " next_attempt_at = NULL, last_error = NULL WHERE outbox_id = ? AND state = 'PENDING'",
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
                        + " last_error = ? WHERE outbox_id = ? AND state = 'PENDING'", attempts, error, d.id())
                : tx.update("UPDATE mail_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ?"
                        + " WHERE outbox_id = ? AND state = 'PENDING'", attempts,
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
     * timeout). E-mails not yet sent stay PENDING for the next start.
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
