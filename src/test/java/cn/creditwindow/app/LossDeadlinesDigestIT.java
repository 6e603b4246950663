package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.digest.DigestRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly digest tells the enterprise what is due and by when (#14), in the home page's words, in the e-mail
 * (both parts, real SMTP server) and in the archive's page: the Shenzhen trading enterprise (policy effective
 * 2024-06-17; its scheme gives 60 days after a due date to report) subscribes to a keyword a June article matches and
 * has two receivables, one due 2024-05-20 (report by 2024-07-19) and one due 2024-04-20 (report by 2024-06-19). The
 * June digest, made on 2 July, lists the overdue one first, then the one with 17 days left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LossDeadlinesDigestIT {
    private static final YearMonth JUNE = YearMonth.of(2024, 6);
    private GreenMail smtp;
    private TestServer server;
    private final TestClock clock = new TestClock(Instant.parse("2024-06-17T01:00:00Z"));
    private long policyId;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        server = TestServer.start(dir, null, null, clock, config -> config.toBuilder().smtp(settings).build());
        server.app().domains().digestSchedule().close(); // the test runs the month itself
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        policyId = server.app().database().read(tx -> tx.number("SELECT p.id FROM policies p JOIN enterprises e"
                + " ON e.id = p.enterprise_id WHERE e.uscc = ?", DemoWorld.CREDIT_ENTERPRISE.uscc()));
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://risk.example.cn/</link><description>d</description><item>"
                + "<title>迪拜港口拥堵预警</title><link>https://risk.example.cn/loss/dubai-1</link>"
                + "<guid isPermaLink=\"false\">loss:dubai-1</guid><pubDate>Mon, 10 Jun 2024 09:00:00 +0800</pubDate>"
                + "<description>&lt;p&gt;拥堵。&lt;/p&gt;</description></item></channel></rss>";
        TestServer.Response pushed = server.post("/api/feeds?module=trade-news", rss.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        TestServer.Response subscribed = legal.post("/api/subscriptions", Map.of("keywords", List.of("迪拜")));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        receivable(legal, "INV-D1", "2024-05-20");
        receivable(legal, "INV-D2", "2024-04-20");
        clock.set(Instant.parse("2024-07-02T01:00:00Z"));
    }

    private void receivable(ApiClient legal, String invoice, String due) {
        TestServer.Response r = legal.post("/api/loss-reports/receivables", Map.of("policyId", policyId,
                "buyerId", gulf, "invoiceNo", invoice, "shippedOn", "2024-03-01", "dueOn", due,
                "outstanding", "85000.00"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
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
    void theDigestListsTheEnterprisesDeadlinesInTheMailAndTheArchive() throws Exception { // #14
        DigestRun.Report report = server.app().domains().digestRun().run(JUNE, DigestRun.Listener.NONE);
        assertThat(report.sent()).isEqualTo(1);
        DigestIT.await(() -> digestMails().size() == 1);
        MimeMessage mail = digestMails().get(0);
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        String form = "/losses/new?policyId=" + policyId + "&buyerId=" + gulf;
        assertThat(DigestIT.inOrder(text, "迪拜港口拥堵预警", "== 待办期限 / Deadlines ==",
                "- 报损期限：已逾期 13 天", "INV-D2", "Report a possible loss by 2024-06-19: 13 days overdue",
                form, "- 报损期限：还有 17 天", "Gulf Star General Trading LLC", "INV-D1",
                "Report a possible loss by 2024-07-19: 17 days left", form, "月报存档")).isTrue();
        assertThat(html).contains("待办期限 / Deadlines", "报损期限：已逾期 13 天", "报损期限：还有 17 天",
                "Report a possible loss by 2024-07-19: 17 days left");
        assertThat(html).containsPattern("href=\"http://127\\.0\\.0\\.1:\\d+/losses/new\\?policyId=" + policyId
                + "&amp;buyerId=" + gulf + "\"");

        // the archive keeps the words of the day it was made, in the API and the page, in either language
        ApiClient operator = ApiClient.demo(server, "szt-operator");
        long id = operator.json("/api/digests").at("/items/0/id").asLong();
        JsonNode deadlines = operator.json("/api/digests/" + id).at("/digest/deadlines");
        assertThat(deadlines).hasSize(2);
        assertThat(deadlines.get(0).get("zh").asText()).isEqualTo("报损期限：已逾期 13 天");
        assertThat(deadlines.get(1).get("dueOn").asText()).isEqualTo("2024-07-19");
        String page = operator.get("/digests/" + id).body();
        assertThat(page).contains("id=\"digest-deadlines\"", "待办期限", "报损期限：还有 17 天", "报损期限：已逾期 13 天");
        assertThat(operator.get("/digests/" + id + "?lang=en").body()).contains("Deadlines",
                "Report a possible loss by 2024-07-19: 17 days left");
        clock.set(Instant.parse("2024-07-05T01:00:00Z"));
        assertThat(ApiClient.demo(server, "szt-operator").get("/").body()).as("the home page counts from today").contains("报损期限：还有 14 天");
        // another enterprise's digest shows none of it
        assertThat(ApiClient.demo(server, "hn-legal").get("/api/digests/" + id).status()).isEqualTo(404);
    }

    private List<MimeMessage> digestMails() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains("风险信息月报");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
