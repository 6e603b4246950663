package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.digest.DigestRun;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node of two killed with {@code kill -9} in the middle of its work, and the other finishing it (#17): node A in
 * a JVM of its own ({@link NodeProcess}), node B a test server, on one PostgreSQL database, one Solr collection and one
 * SMTP server (GreenMail), leases of two seconds. A runs the month's digest for {@value #SUBSCRIBERS} subscribers and
 * is killed half-way; or A records {@value NodeProcess#MAILS} e-mails and is killed while delivering them. B takes the
 * run over once A's lease has run out, and sends what A had claimed once A's claims have: every subscriber gets one
 * digest, every e-mail goes out. Delivery is at least once: an e-mail the SMTP server accepted from A just before A
 * died, not yet marked sent, goes out again from B with the same Message-ID; only those may arrive twice.
 */
class TwoNodesKillIT {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final int SUBSCRIBERS = 600;
    private static final Pattern OUTBOX_ID = Pattern.compile("<outbox-(\\d+)\\.");
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-10-20T02:00:00Z"));
    private GreenMail smtp;
    private TestServer b;
    private NodeProcess a;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(TestSearch.onSolr(), "two nodes share a search cluster: this runs in the on-cluster run");
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        b = TestServer.start(dir.resolve("b"), null, null, clock,
                config -> config.toBuilder().smtp(settings).leaseTime(Duration.ofSeconds(2)).build());
        b.app().domains().digestSchedule().close(); // B looks at the month when the test says
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void aDigestRunWhoseNodeIsKilledIsFinishedByTheOtherOneEmailEach() throws Exception { // #17
        subscribeAndPublish();
        clock.set(Instant.parse("2026-11-03T01:00:00Z"));
        a = NodeProcess.start(b.secondNodeConfig(dir.resolve("a")), clock.instant(), NodeProcess.Then.DIGEST);
        await(() -> digests() >= 2 * DigestRun.DEFAULT_BATCH, Duration.ofMillis(5)); // two batches recorded
        Killed killed = kill();
        long recordedByA = digests();
        assertThat(recordedByA).as("digests A recorded before it died").isLessThan(SUBSCRIBERS);
        assertThat(b.app().domains().digestRun().finished(OCTOBER)).as("A's run finished").isFalse();

        long t0 = killed.at();
        Optional<DigestRun.Report> run = Optional.empty();
        for (int i = 0; i < 300 && run.isEmpty(); i++) { // A's lease runs out within 2 s
            run = b.app().domains().digestSchedule().tick();
            Thread.sleep(run.isEmpty() ? 50 : 0);
        }
        assertThat(run).as("B took the month over").isPresent();
        Duration takeover = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(run.get().alreadyDone()).isEqualTo(recordedByA);
        assertThat(run.get().recorded()).isEqualTo(SUBSCRIBERS - recordedByA);

        awaitDelivered(() -> digestMails().stream().map(this::recipient).distinct().count() >= SUBSCRIBERS);
        Map<String, Long> copies = assertEachOnceButWhatASentUnmarked(killed, digestMails());
        Map<String, Set<String>> idsByRecipient = new HashMap<>();
        digestMails().forEach(m -> idsByRecipient.computeIfAbsent(recipient(m), r -> new HashSet<>()).add(id(m)));
        assertThat(idsByRecipient).hasSize(SUBSCRIBERS)
                .allSatisfy((to, ids) -> assertThat(ids).as("digest e-mails to %s", to).hasSize(1));
        assertThat(digests()).isEqualTo(SUBSCRIBERS);
        System.out.printf("TwoNodesKillIT: A killed after %d of %d digests, %d of them sent and %d claimed unsent;"
                        + " B waited out A's lease and ended the run %d ms after the kill, recording %d; %d e-mails"
                        + " twice (accepted from A,"
                        + " not marked)%n", recordedByA, SUBSCRIBERS, killed.receivedBefore(), killed.claimed().size(),
                takeover.toMillis(), run.get().recorded(), copies.values().stream().filter(n -> n > 1).count());
    }

    @Test
    void aNodeKilledWhileDeliveringLeavesTheRestToTheOtherNoneLost() throws Exception { // #17
        a = NodeProcess.start(b.secondNodeConfig(dir.resolve("a")), clock.instant(), NodeProcess.Then.MAIL);
        await(() -> readerMails().size() >= 30 && claimedBy(a.pid()) > 0, Duration.ofMillis(5));
        Killed killed = kill();
        assertThat(killed.claimed()).as("e-mails A held when it died").isNotEmpty();

        awaitDelivered(() -> readerMails().stream().map(TwoNodesKillIT::id).distinct().count()
                >= NodeProcess.MAILS);
        Map<String, Long> copies = assertEachOnceButWhatASentUnmarked(killed, readerMails());
        assertThat(copies).hasSize(NodeProcess.MAILS);
        System.out.printf("TwoNodesKillIT: A killed after %d of %d e-mails arrived, holding %d; B sent the rest"
                        + " within %d ms of the kill; %d e-mails twice (accepted from A, not marked)%n", killed.receivedBefore(),
                NodeProcess.MAILS, killed.claimed().size(), Duration.ofNanos(System.nanoTime() - killed.at()).toMillis(),
                copies.values().stream().filter(n -> n > 1).count());
    }

    /**
     * What A left when it died ({@code at}, by {@link System#nanoTime}): the outbox ids of the e-mails it had claimed
     * and not marked sent, and how many e-mails had arrived by then.
     */
    private record Killed(long at, Set<Long> claimed, int receivedBefore) {
    }

    /**
     * Kills A and reads what it left: the e-mails it still claimed (another node may take them over only when the
     * claim runs out, at least a second later), then, once the SMTP server has taken in what A sent last, what arrived.
     */
    private Killed kill() throws InterruptedException {
        a.kill();
        long at = System.nanoTime();
        Set<Long> claimed = new HashSet<>(b.app().database().read(tx -> tx.list("SELECT outbox_id FROM mail_deliveries"
                + " WHERE state = 'PENDING' AND claimed_by LIKE ?", r -> r.longValue("outbox_id"), a.pid() + "@%")));
        Thread.sleep(300);
        return new Killed(at, claimed, smtp.getReceivedMessages().length);
    }

    /**
     * Asserts that each e-mail arrived once, but for those A had claimed and the SMTP server had accepted when A
     * died (it never marked them sent): those twice, with their Message-ID. The copies by Message-ID.
     */
    private Map<String, Long> assertEachOnceButWhatASentUnmarked(Killed killed, List<MimeMessage> mails)
            throws InterruptedException {
        Thread.sleep(500); // a copy too many would arrive now
        Map<String, Long> copies = new HashMap<>();
        mails.forEach(m -> copies.merge(id(m), 1L, Long::sum));
        assertThat(copies).allSatisfy((id, n) -> {
            if (n > 1) {
                assertThat(killed.claimed()).as("%s arrived %d times: only an e-mail A sent and never marked may",
                        id, n).contains(outboxId(id));
                assertThat(n).as(id).isEqualTo(2);
            }
        });
        assertThat(pendingOrClaimed()).isZero();
        return copies;
    }

    /** Waits for B to send what is left, waking its dispatcher (A's claims run out within the lease time). */
    private void awaitDelivered(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            b.app().domains().mailDispatcher().wake();
            Thread.sleep(200);
        }
        assertThat(done.getAsBoolean()).as("delivered within 45 s").isTrue();
    }

    /**
     * {@value #SUBSCRIBERS} enterprises with a legal representative each, who has an e-mail address and a
     * subscription to everything (as stored), and an article of October pushed to B.
     */
    private void subscribeAndPublish() {
        Instant created = Instant.parse("2026-10-01T00:00:00Z");
        b.app().database().inTransaction(tx -> {
            for (int i = 1; i <= SUBSCRIBERS; i++) {
                long e = tx.insert("INSERT INTO enterprises (uscc, name_zh, division_code, created_at)"
                        + " VALUES (?, ?, ?, ?)", String.format("9144030%011d", i), "订阅企业" + i, "440300", created);
                long u = tx.insert("INSERT INTO users (username, password_hash, display_name, role, enterprise_id,"
                        + " email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "subscriber" + i, "-", "订阅人" + i,
                        "LEGAL_REPRESENTATIVE", e, "subscriber" + i + "@example.com", created);
                tx.insert("INSERT INTO subscriptions (enterprise_id, user_id, name, modules, countries, industries,"
                        + " keywords, state, feed_token_hash, created_at, updated_at) VALUES (?, ?, ?, '', '', '', '',"
                        + " 'ACTIVE', ?, ?, ?)", e, u, "全部", "kill-" + i, created, created);
            }
            return null;
        });
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>推送</title>"
                + "<item><title>秘鲁港口罢工影响铜矿出口</title><guid>kill-1</guid>"
                + "<pubDate>Tue, 20 Oct 2026 10:15:00 +0800</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        TestServer.Response pushed = b.post("/api/feeds?module=trade-news", rss, "application/rss+xml",
                TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    private long digests() {
        return b.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM digests WHERE month = ?",
                OCTOBER.toString()));
    }

    private long claimedBy(long pid) {
        return b.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'PENDING'"
                + " AND claimed_by LIKE ?", pid + "@%"));
    }

    private long pendingOrClaimed() {
        return b.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM mail_deliveries"
                + " WHERE state <> 'SENT' OR claimed_by IS NOT NULL"));
    }

    /** The e-mails {@link NodeProcess.Then#MAIL} recorded. */
    private List<MimeMessage> readerMails() {
        return received(m -> subject(m).startsWith("通知 "));
    }

    private List<MimeMessage> digestMails() {
        return received(m -> subject(m).contains("Risk digest"));
    }

    private List<MimeMessage> received(Predicate<MimeMessage> which) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    private String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long outboxId(String messageId) {
        Matcher m = OUTBOX_ID.matcher(messageId);
        assertThat(m.find()).as("an outbox Message-ID: %s", messageId).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier done, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(every.toMillis());
        }
        assertThat(done.getAsBoolean()).as("waited 30 s").isTrue();
    }
}
