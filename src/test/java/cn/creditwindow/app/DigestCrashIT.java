package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.digest.DigestMail;
import cn.creditwindow.digest.DigestRun;
import cn.creditwindow.digest.UnsubscribeTokens;
import cn.creditwindow.web.Json;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under a crash: six subscribers, recorded two per transaction; the run dies while recording the fifth
 * (inside the third transaction), so four are recorded and mailed and the other two not at all; the run started
 * again records and mails only those two; a third run nothing. The SMTP server being down meanwhile only delays the
 * e-mails: they wait in the outbox and go out once it is back. Every subscriber receives exactly one digest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestCrashIT {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final List<String> SUBSCRIBERS = List.of("sz-legal", "sz-operator", "hn-legal", "hn-operator",
            "ly-legal", "ly-operator");
    private GreenMail smtp;
    private int smtpPort;
    private Path dir;
    private TestServer server;
    private final TestClock clock = new TestClock(Instant.parse("2026-10-20T02:00:00Z"));

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        server = TestServer.start(dir, TestServer.fixtures("digest"), null, clock, config -> config.toBuilder().smtp(settings).build());
        server.app().domains().digestSchedule().close();
        DemoWorld.create(server.app());
        for (String who : SUBSCRIBERS) {
            TestServer.Response r = ApiClient.demo(server, who).post("/api/subscriptions", Map.of("name", "全部"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        clock.set(Instant.parse("2026-11-01T00:10:00Z"));
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aRunThatDiesHalfWayIsCompletedByTheNextAndEverySubscriberGetsExactlyOneDigest() throws Exception {
        App app = server.app();
        DigestMail mail = new DigestMail(UnsubscribeTokens.keyIn(app.database(), Domains.unsubscribeKeyFile(
                dir.resolve("data/credit-window.db")), new SecureRandom(), clock), app::publicUrl, Config.CHINA);
        DigestRun twoAtATime = new DigestRun(app.database(), app.domains().subscriptions(), app.domains().matching(), app.domains().alerts(),
                app.domains().lossReports()::obligationsOf, mail,
                app.domains().outbox(), Json.mapper(), clock, 2);
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> twoAtATime.run(OCTOBER, (userId, digest) -> {
            if (seen.incrementAndGet() == 5) {
                throw new IllegalStateException("simulated crash while recording the fifth subscriber");
            }
        })).hasMessageContaining("simulated crash");
        assertThat(twoAtATime.finished(OCTOBER)).isFalse();
        assertThat(recordedDigests()).as("two whole transactions, the third rolled back").isEqualTo(4);
        DigestIT.await(() -> smtp.getReceivedMessages().length == 4);
        List<String> firstFour = recipients();

        // the server is down while the rest are recorded: they wait in the outbox
        smtp.stop();
        DigestRun.Report second = app.domains().digestRun().run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(second.alreadyDone()).isEqualTo(4);
        assertThat(second.recorded()).isEqualTo(2);
        assertThat(second.sent()).isEqualTo(2);
        assertThat(app.domains().digestRun().finished(OCTOBER)).isTrue();
        DigestIT.await(() -> pending() == 2 && attempted() == 2);
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // after the back-off the dispatcher tries again
        clock.advance(java.time.Duration.ofMinutes(5));
        app.domains().mailDispatcher().deliverDue();
        DigestIT.await(() -> smtp.getReceivedMessages().length == 2);

        DigestRun.Report third = app.domains().digestRun().run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(third.recorded()).isZero();
        assertThat(app.domains().mailDispatcher().deliverDue().sent()).isZero();
        assertThat(recordedDigests()).isEqualTo(6);
        assertThat(recipients()).containsExactlyInAnyOrder("ly-legal@demo.example", "ly-operator@demo.example");
        assertThat(firstFour).containsExactlyInAnyOrder("sz-legal@demo.example", "sz-operator@demo.example",
                "hn-legal@demo.example", "hn-operator@demo.example");
    }

    private List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            to.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
        }
        return to;
    }

    /** E-mails waiting in the outbox. */
    private long pending() {
        return server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'PENDING'"));
    }

    /** Waiting e-mails that have been tried (and failed) at least once. */
    private long attempted() {
        return server.app().database().read(tx -> tx.number(
                "SELECT COUNT(*) FROM mail_deliveries WHERE state = 'PENDING' AND attempts > 0 AND last_error IS NOT NULL"));
    }

    private long recordedDigests() {
        return server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM digests WHERE month = ?", "2026-10"));
    }
}
