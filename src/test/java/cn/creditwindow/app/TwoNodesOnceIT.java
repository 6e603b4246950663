package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.digest.DigestRun;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Outbox;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work that must happen once, on two app nodes of one deployment (one PostgreSQL database, one Solr collection, one
 * SMTP server: GreenMail) (#17): the month's digest started on both at once, e-mail delivery running on both, and a
 * node stopped in the middle of delivering. Leases last two seconds here, so a takeover is quick.
 */
class TwoNodesOnceIT {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final int MAILS = 300;
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-10-20T02:00:00Z"));
    private GreenMail smtp;
    private TestServer a;
    private TestServer b;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(TestSearch.onSolr(), "two nodes share a search cluster: this runs in the on-cluster run");
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        a = TestServer.start(dir.resolve("a"), null, null, clock,
                config -> config.toBuilder().smtp(settings).leaseTime(Duration.ofSeconds(2)).build());
        b = TestServer.secondNode(a, dir.resolve("b"));
        // the tests start the month themselves
        a.app().domains().digestSchedule().close();
        b.app().domains().digestSchedule().close();
        DemoWorld.create(a.app());
    }

    @AfterEach
    void stop() throws IOException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theDigestStartedOnBothNodesAtOnceSendsEachSubscriberOneEmail() throws Exception { // #17
        int subscribers = subscribeAndPublish();
        List<Optional<DigestRun.Report>> reports = onBothAtOnce(() -> a.app().domains().digestSchedule().tick(),
                () -> b.app().domains().digestSchedule().tick());
        assertThat(reports.stream().filter(Optional::isPresent).count()).as("one node ran the month").isEqualTo(1);
        await(() -> digestMails().size() >= subscribers);
        assertOneEmailEach(subscribers);
    }

    @Test
    void twoRunsOfTheMonthAtOnceStillSendEachSubscriberOneEmail() throws Exception { // #17: past the lease
        int subscribers = subscribeAndPublish();
        List<DigestRun.Report> reports = onBothAtOnce(
                () -> a.app().domains().digestRun().run(OCTOBER, DigestRun.Listener.NONE),
                () -> b.app().domains().digestRun().run(OCTOBER, DigestRun.Listener.NONE));
        assertThat(reports.get(0).sent() + reports.get(1).sent()).isEqualTo(subscribers);
        await(() -> digestMails().size() >= subscribers);
        assertOneEmailEach(subscribers);
    }

    @Test
    void deliveryRunningOnBothNodesSendsEachEmailOnce() throws Exception { // #17
        record(MAILS);
        b.app().domains().mailDispatcher().wake();
        awaitMails(MAILS);
        Thread.sleep(500); // a double send would arrive now
        assertThat(messageIds()).hasSize(MAILS).allSatisfy((id, copies) -> assertThat(copies).as(id).isEqualTo(1));
        assertThat(pendingOrClaimed()).isZero();
    }

    @Test
    void aNodeStoppedWhileDeliveringLeavesTheRestToTheOther() throws Exception { // #17
        record(MAILS);
        await(() -> readerMails().size() >= 30);
        a.close(); // in the middle of its batches
        a = null;
        b.app().domains().mailDispatcher().wake();
        long t0 = System.nanoTime();
        awaitMails(MAILS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        Map<String, Long> ids = messageIds();
        assertThat(ids).hasSize(MAILS);
        // at least once: at most the one e-mail in flight when the node stopped goes out twice, with its Message-ID
        assertThat(ids.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(1);
        assertThat(pendingOrClaimed()).isZero();
    }

    /** Subscribes the demo people to copper news, publishes an October article, moves to November: the subscribers. */
    private int subscribeAndPublish() {
        String[] people = {"sz-legal", "sz-operator", "hn-legal", "hn-operator", "ly-legal", "ly-operator"};
        for (int i = 0; i < people.length; i++) {
            TestServer node = i % 2 == 0 ? a : b;
            TestServer.Response r = ApiClient.demo(node, people[i]).post("/api/subscriptions",
                    Map.of("name", "铜矿", "keywords", List.of("铜矿")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>推送</title>"
                + "<item><title>秘鲁港口罢工影响铜矿出口</title><guid>once-1</guid>"
                + "<pubDate>Tue, 20 Oct 2026 10:15:00 +0800</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        TestServer.Response pushed = a.post("/api/feeds?module=trade-news", rss, "application/rss+xml",
                TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        clock.set(Instant.parse("2026-11-03T01:00:00Z"));
        long withMail = a.app().database().read(tx -> tx.number("SELECT COUNT(DISTINCT user_id) FROM subscriptions"
                + " WHERE state = 'ACTIVE'"));
        return (int) withMail;
    }

    private void assertOneEmailEach(int subscribers) throws Exception {
        Thread.sleep(500); // a second e-mail would arrive now
        Map<String, Long> byRecipient = new java.util.HashMap<>();
        for (MimeMessage m : digestMails()) {
            byRecipient.merge(((InternetAddress) m.getAllRecipients()[0]).getAddress(), 1L, Long::sum);
        }
        assertThat(byRecipient).hasSize(subscribers).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        long digests = a.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM digests WHERE month = ?",
                OCTOBER.toString()));
        assertThat(digests).isEqualTo(subscribers);
    }

    /** Records {@code n} e-mails through node A's outbox in one transaction (which wakes A's dispatcher). */
    private void record(int n) {
        Outbox outbox = a.app().domains().outbox();
        a.app().database().inTransaction(tx -> {
            for (int i = 1; i <= n; i++) {
                outbox.send(tx, Notice.email(null, null, "reader" + i + "@example.com", "通知 " + i, "正文 " + i, null,
                        Map.of()));
            }
            return null;
        });
    }

    private long pendingOrClaimed() {
        TestServer any = a != null ? a : b;
        return any.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM mail_deliveries"
                + " WHERE state <> 'SENT' OR claimed_by IS NOT NULL"));
    }

    private Map<String, Long> messageIds() {
        return readerMails().stream().collect(Collectors.groupingBy(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, Collectors.counting()));
    }

    private void awaitMails(int n) throws InterruptedException {
        await(() -> readerMails().size() >= n);
    }

    /** The e-mails {@link #record} recorded (the demo world's own notices aside). */
    private List<MimeMessage> readerMails() {
        return received(m -> subject(m).startsWith("通知 "));
    }

    /** The digest e-mails. */
    private List<MimeMessage> digestMails() {
        return received(m -> subject(m).contains("Risk digest"));
    }

    private List<MimeMessage> received(java.util.function.Predicate<MimeMessage> which) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> onBothAtOnce(Callable<T> onA, Callable<T> onB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(List.of(onA, onB))) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 600 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("waited 30 s").isTrue();
    }
}
