package cn.creditwindow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.mail.SmtpMailer;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Leases;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox and its mail dispatcher against a real database file and GreenMail, a real SMTP server in this JVM.
 * Back-off runs on a clock the test moves; the dispatcher's thread is awaited with a bounded poll (at most 5 s).
 */
class MailDispatcherTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String FROM = "出口信用单一窗口 <noreply@creditwindow.test>";
    /** Three attempts, 1 then 2 minutes apart; a poll so long that only a wake-up can explain a quick delivery. */
    private static final MailDispatcher.Schedule SCHEDULE = new MailDispatcher.Schedule(3, Duration.ofMinutes(1),
            Duration.ofMinutes(10), Duration.ofHours(1), 25);

    @TempDir
    Path dir;
    private Database db;
    private final TestClock clock = TestClock.at2026();
    private final List<MailDispatcher> dispatchers = new ArrayList<>();
    private final List<Leases> leases = new ArrayList<>();
    private static final Duration LEASE_TIME = Duration.ofMinutes(5);

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("t.db"));
    }

    @AfterEach
    void close() {
        dispatchers.forEach(MailDispatcher::close);
        leases.forEach(Leases::close);
        db.close();
    }

    @Test
    void aNoticeCommittedIsDeliveredByTheThreadRightAfterTheCommit() throws Exception {
        MailDispatcher dispatcher = dispatcher(greenMail.getSmtp().getPort());
        dispatcher.start();
        Outbox outbox = new Outbox(db, clock, dispatcher);
        db.inTransaction(tx -> {
            outbox.send(tx, Notice.email(null, null, "王芳 <wang_fang-1@example.com>", "保单生效通知 / Policy effective",
                    "您的保单已生效。", "<p>您的保单<b>已生效</b>。</p>",
                    Map.of("List-Unsubscribe", "<https://window.example.cn/u?t=x1>")));
            return null;
        });
        await(() -> greenMail.getReceivedMessages().length == 1);
        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertThat(((InternetAddress) m.getAllRecipients()[0]).getAddress()).isEqualTo("wang_fang-1@example.com");
        assertThat(m.getSubject()).isEqualTo("保单生效通知 / Policy effective");
        assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<https://window.example.cn/u?t=x1>");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("您的保单已生效。");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>您的保单<b>已生效</b>。</p>");
        Outbox.Sent sent = only(outbox);
        await(() -> outbox.notice(sent.id()).orElseThrow().delivery() == Delivery.SENT);
        Outbox.Sent done = outbox.notice(sent.id()).orElseThrow();
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.deliveredAt()).isEqualTo(clock.instant());
        assertThat(done.deliveryError()).isNull();
        assertThat(m.getMessageID()).isEqualTo("<outbox-" + sent.id() + "." + sent.sentAt().toEpochMilli()
                + "@creditwindow.test>");
    }

    @Test
    void nothingIsSentBeforeTheCommitNorForARolledBackTransaction() {
        MailDispatcher dispatcher = dispatcher(greenMail.getSmtp().getPort());
        Outbox outbox = new Outbox(db, clock, dispatcher);
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            outbox.send(tx, new Notice(null, null, Channel.EMAIL, "a@example.com", "不会发出", "回滚"));
            // a pass while the transaction is open sees nothing to send
            assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 0));
            throw new IllegalStateException("the change fails");
        })).hasMessage("the change fails");
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 0));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(outbox.ofEnterprise(0, new PageRequest(1, 10)).items()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_deliveries")).isZero();
    }

    @Test
    void aServerThatStaysDownFailsTheMailAfterTheLastAttemptWithTheError() throws IOException {
        int closedPort = freePort();
        MailDispatcher dispatcher = dispatcher(closedPort);
        Outbox outbox = new Outbox(db, clock, dispatcher);
        record(outbox, "a@example.com", "第一封");
        long id = only(outbox).id();

        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 1, 0));
        Outbox.Sent first = outbox.notice(id).orElseThrow();
        assertThat(first.delivery()).isEqualTo(Delivery.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.deliveryError()).contains("cannot connect to SMTP server 127.0.0.1:" + closedPort);
        assertThat(nextAttempt(id)).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59)); // not yet due
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 1, 0));
        assertThat(nextAttempt(id)).isEqualTo(clock.instant().plus(Duration.ofMinutes(2))); // doubled
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 1));

        Outbox.Sent failed = outbox.notice(id).orElseThrow();
        assertThat(failed.delivery()).isEqualTo(Delivery.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.deliveryError()).contains("cannot connect");
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 0));
    }

    @Test
    void mailWaitingForAServerThatWasDownIsDeliveredWhenItComesBack() throws IOException {
        int port = freePort();
        MailDispatcher dispatcher = dispatcher(port);
        Outbox outbox = new Outbox(db, clock, dispatcher);
        record(outbox, "a@example.com", "服务器恢复后送达");
        long id = only(outbox).id();
        assertThat(dispatcher.deliverDue().retrying()).isEqualTo(1);

        GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
            assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 0)); // waits its turn
            clock.advance(Duration.ofMinutes(1));
            assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(1, 0, 0));
            assertThat(back.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("服务器恢复后送达");
        } finally {
            back.stop();
        }
        Outbox.Sent sent = outbox.notice(id).orElseThrow();
        assertThat(sent.delivery()).isEqualTo(Delivery.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.deliveryError()).isNull();
    }

    @Test
    void manyMailsToManyRecipientsAllArriveExactlyOnce() throws Exception {
        MailDispatcher dispatcher = dispatcher(greenMail.getSmtp().getPort());
        dispatcher.start();
        Outbox outbox = new Outbox(db, clock, dispatcher);
        int recipients = 40;
        int each = 3;
        for (int round = 1; round <= each; round++) {
            int r = round;
            db.inTransaction(tx -> { // a transaction recording many, and the dispatcher running beside the next ones
                for (int i = 1; i <= recipients; i++) {
                    outbox.send(tx, new Notice(null, null, Channel.EMAIL, "user" + i + "@example.com",
                            "第 " + r + " 期 / round " + r, "给第 " + i + " 位收件人"));
                }
                return null;
            });
        }
        await(() -> count("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'SENT'")
                == recipients * each);
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(0, 0, 0)); // nothing left to resend
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(recipients * each);
        Map<String, List<String>> byRecipient = new HashMap<>();
        for (MimeMessage m : received) {
            byRecipient.computeIfAbsent(((InternetAddress) m.getAllRecipients()[0]).getAddress(), k -> new ArrayList<>())
                    .add(m.getSubject());
        }
        assertThat(byRecipient).hasSize(recipients);
        assertThat(byRecipient.values()).allSatisfy(subjects -> assertThat(subjects)
                .containsExactlyInAnyOrder("第 1 期 / round 1", "第 2 期 / round 2", "第 3 期 / round 3"));
        assertThat(Arrays.stream(received).map(MailDispatcherTest::messageId).collect(Collectors.toSet()))
                .hasSize(recipients * each);
    }

    // #13: SMTP has no two-phase commit; a run killed between the server's acceptance and the SENT mark resends the
    // e-mail that was in flight, and must never resend more than that one
    @Test
    void aCrashBetweenTheServersAcceptanceAndTheSentMarkResendsOnlyTheOneEmailInFlight() throws Exception {
        MailDispatcher next = dispatcher(greenMail.getSmtp().getPort()); // not started: the next process's, for later
        Outbox outbox = new Outbox(db, clock, next);
        for (int i = 1; i <= 30; i++) {
            record(outbox, "reader" + i + "@example.com", "月报 " + i);
        }
        // the first process: its database goes away the moment the server has taken the 12th e-mail
        Database doomed = Database.openFile(dir.resolve("t.db"));
        var users = greenMail.getUserManager();
        var deliver = users.getMessageDeliveryHandler();
        int[] taken = {0};
        users.setMessageDeliveryHandler((message, to) -> {
            var user = deliver.handle(message, to);
            if (++taken[0] == 12) {
                doomed.close();
            }
            return user;
        });
        SmtpMailer mailer = new SmtpMailer(new Config.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), FROM, null, null,
                false), clock);
        MailDispatcher first = new MailDispatcher(doomed, mailer, clock, SCHEDULE, leases(doomed, "first"));
        assertThatThrownBy(first::deliverDue).as("the process dies").isInstanceOf(RuntimeException.class);
        users.setMessageDeliveryHandler(deliver);
        assertThat(greenMail.getReceivedMessages()).hasSize(12);
        assertThat(count("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'SENT'")).isEqualTo(11);

        // the next process delivers what is left: at once the five the first had not claimed (its batch was 25), and
        // once the dead one's claims have run out (#17) the one in flight again, then the rest of its batch
        assertThat(next.deliverDue()).isEqualTo(new MailDispatcher.Report(5, 0, 0));
        clock.advance(LEASE_TIME);
        assertThat(next.deliverDue()).isEqualTo(new MailDispatcher.Report(14, 0, 0));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(31);
        Map<String, Long> byId = Arrays.stream(received).collect(Collectors.groupingBy(MailDispatcherTest::messageId,
                Collectors.counting()));
        assertThat(byId).hasSize(30);
        assertThat(byId.values().stream().filter(n -> n > 1)).containsExactly(2L);
        assertThat(count("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'SENT'")).isEqualTo(30);
    }

    @Test
    void aBadRecipientFailsAtOnceAndDoesNotHoldUpTheOthers() {
        MailDispatcher dispatcher = dispatcher(greenMail.getSmtp().getPort());
        Outbox outbox = new Outbox(db, clock, dispatcher);
        record(outbox, "first@example.com", "一");
        record(outbox, "not an address", "二");
        record(outbox, "third@example.com", "三");
        assertThat(dispatcher.deliverDue()).isEqualTo(new MailDispatcher.Report(2, 0, 1));
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("一", "三");
        List<Outbox.Sent> all = all(outbox);
        assertThat(all).extracting(Outbox.Sent::delivery)
                .containsExactly(Delivery.SENT, Delivery.FAILED, Delivery.SENT);
        Outbox.Sent bad = all.get(1);
        assertThat(bad.attempts()).isEqualTo(1);
        assertThat(bad.deliveryError()).contains("not a valid e-mail address: 'not an address'");
    }

    @Test
    void withoutAnSmtpServerEmailsAreRecordedAsSkippedAndSmsOnlyRecorded() {
        Outbox outbox = new Outbox(db, clock);
        db.inTransaction(tx -> {
            outbox.send(tx, new Notice(null, null, Channel.EMAIL, "a@example.com", "邮件", "正文"));
            outbox.send(tx, new Notice(null, null, Channel.SMS, "13912345678", "短信", "正文"));
            return null;
        });
        List<Outbox.Sent> all = all(outbox);
        assertThat(all.get(0).delivery()).isEqualTo(Delivery.SKIPPED);
        assertThat(all.get(0).deliveryError()).isEqualTo(Outbox.NO_SMTP);
        assertThat(all.get(1).delivery()).isNull();
        assertThat(count("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'PENDING'")).isZero();
    }

    @Test
    void smsNoticesCarryNoHtmlOrHeadersAndTheOldConstructorStillWorks() {
        assertThatThrownBy(() -> new Notice(null, null, Channel.SMS, "13912345678", "s", "t", "<p>t</p>", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only e-mails");
        assertThatThrownBy(() -> Notice.email(null, null, "a@example.com", "s", "t", null,
                Map.of("List-Unsubscribe", "<x>\r\nBcc: b@example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        Notice old = new Notice(1L, 2L, Channel.EMAIL, "a@example.com", "s", "t");
        assertThat(old.html()).isNull();
        assertThat(old.headers()).isEmpty();
        assertThat(Outbox.headers(Outbox.headerLines(Map.of("List-Unsubscribe", "<mailto:u@example.cn?subject=退订>"))))
                .containsExactly(Map.entry("List-Unsubscribe", "<mailto:u@example.cn?subject=退订>"));
    }

    @Test
    void theBackOffDoublesUpToTheLongestWait() {
        MailDispatcher.Schedule s = MailDispatcher.Schedule.DEFAULT;
        assertThat(List.of(s.backOff(1), s.backOff(2), s.backOff(3), s.backOff(7), s.backOff(8), s.backOff(40)))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofHours(1),
                        Duration.ofHours(1), Duration.ofHours(1));
        assertThatThrownBy(() -> new MailDispatcher.Schedule(3, Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofSeconds(1), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    private MailDispatcher dispatcher(int port) {
        SmtpMailer mailer = new SmtpMailer(new Config.Smtp("127.0.0.1", port, FROM, null, null, false), clock);
        MailDispatcher d = new MailDispatcher(db, mailer, clock, SCHEDULE, leases(db, "node-" + dispatchers.size()));
        dispatchers.add(d);
        return d;
    }

    /** A node's leases on the test clock; closed after the test. */
    private Leases leases(Database on, String holder) {
        Leases l = new Leases(on, clock, holder, LEASE_TIME);
        leases.add(l);
        return l;
    }

    private void record(Outbox outbox, String address, String subject) {
        db.inTransaction(tx -> {
            outbox.send(tx, new Notice(null, null, Channel.EMAIL, address, subject, "正文：" + subject));
            return null;
        });
    }

    /** Every notice, oldest first (the tests' notices concern no enterprise). */
    private List<Outbox.Sent> all(Outbox outbox) {
        List<Long> ids = db.read(tx -> tx.list("SELECT id FROM outbox ORDER BY id", r -> r.longValue("id")));
        return ids.stream().map(id -> outbox.notice(id).orElseThrow()).toList();
    }

    private Outbox.Sent only(Outbox outbox) {
        List<Outbox.Sent> all = all(outbox);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    private java.time.Instant nextAttempt(long id) {
        return db.read(tx -> tx.one("SELECT next_attempt_at FROM mail_deliveries WHERE outbox_id = ?",
                r -> r.instant("next_attempt_at"), id).orElseThrow());
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits (at most 5 s) for the dispatcher's thread to bring about {@code condition}. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            Thread.sleep(20);
        }
    }
}
