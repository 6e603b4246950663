package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * From alarm to action (#14): the Shenzhen trading enterprise (policy effective 2024-06-17; report within 60 days of
 * a due date) watches Gulf Star and has a receivable on it due 2024-05-02 (report by 2024-07-01); the Henan
 * enterprise watches it with nothing open. An article naming the buyer alerts both; only the first is told what to do
 * now — report (one click to the prefilled form), consider stopping shipments, order a fresh credit report — with
 * "报损期限：还有 14 天", in the API, the inbox page and the e-mail. Once the report is made, the same alert leads to
 * it instead: the steps are worked out when the alert is shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LossAlarmIT {
    private final TestClock clock = new TestClock(Instant.parse("2024-06-17T01:00:00Z"));
    private TestServer server;
    private long gulf;
    private long policyId;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, clock);
        DemoWorld.create(server.app()).effectiveCreditPolicy(server.app(), Config.CHINA);
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        policyId = server.app().database().read(tx -> tx.number("SELECT p.id FROM policies p JOIN enterprises e"
                + " ON e.id = p.enterprise_id WHERE e.uscc = ?", DemoWorld.CREDIT_ENTERPRISE.uscc()));
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void anAlertOnABuyerWithOpenShipmentsSaysWhatToDoNowWithTheDeadline() { // #14
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient henan = ApiClient.demo(server, "hn-legal");
        assertThat(legal.post("/api/watches", Map.of("buyerId", gulf)).status()).isEqualTo(201);
        assertThat(henan.post("/api/watches", Map.of("buyerId", gulf)).status()).isEqualTo(201);
        TestServer.Response receivable = legal.post("/api/loss-reports/receivables", Map.of("policyId", policyId,
                "buyerId", gulf, "invoiceNo", "INV-A1", "shippedOn", "2024-03-01", "dueOn", "2024-05-02",
                "outstanding", "440000.00"));
        assertThat(receivable.status()).as(receivable.body()).isEqualTo(201);
        push("Gulf Star General Trading LLC 拖欠多家供应商货款");

        // the API: the steps with the report-by day, one click to the prefilled form, the buyer's order form
        JsonNode alert = legal.json("/api/alerts").at("/items/0");
        JsonNode next = alert.get("nextSteps");
        assertThat(next.get("shipments").asInt()).isEqualTo(1);
        assertThat(next.get("outstandingCents").asLong()).isEqualTo(44_000_000L);
        assertThat(next.get("reportBy").asText()).isEqualTo("2024-07-01");
        assertThat(next.get("daysLeft").asLong()).isEqualTo(14);
        assertThat(next.get("deadlineZh").asText()).isEqualTo("报损期限：还有 14 天");
        String form = "/losses/new?policyId=" + policyId + "&buyerId=" + gulf;
        assertThat(next.get("steps").findValuesAsText("kind")).containsExactly("REPORT", "STOP_SHIPMENTS",
                "CREDIT_REPORT");
        assertThat(next.at("/steps/0/href").asText()).isEqualTo(form);
        assertThat(next.at("/steps/2/href").asText()).isEqualTo("/credit/order?buyerId=" + gulf);
        // an enterprise with nothing open on the buyer gets the alert without steps
        assertThat(henan.json("/api/alerts").at("/items/0/nextSteps").isNull()).isTrue();

        // the inbox page, in either language, and the one click leads to the form prefilled with the receivable
        String inbox = legal.get("/credit/alerts").body();
        assertThat(inbox).contains("建议措施", "报损期限：还有 14 天", "href=\"/losses/new?policyId=" + policyId
                + "&amp;buyerId=" + gulf + "\"", "考虑暂停向该买方出运", "href=\"/credit/order?buyerId=" + gulf + "\"",
                "订购最新资信报告");
        assertThat(legal.get("/credit/alerts?lang=en").body()).contains("What to do now",
                "Report a possible loss by 2024-07-01: 14 days left", "Consider stopping shipments to this buyer");
        assertThat(henan.get("/credit/alerts").body()).contains("Gulf Star").doesNotContain("alert-steps\"",
                "建议措施");
        TestServer.Response opened = legal.get(form);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("INV-A1");
        // the e-mail, as of the moment the alarm fired
        List<String> mails = server.app().database().read(tx -> tx.list("SELECT o.body FROM outbox o JOIN users u"
                + " ON u.id = o.user_id WHERE u.username = 'szt-legal' AND o.subject LIKE '资信报警%'",
                r -> r.string("body")));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("建议措施 / What to do now", "报损期限：还有 14 天", form,
                "考虑暂停向该买方出运", "/credit/order?buyerId=" + gulf);

        // the report is made: three days on, the same alert leads to it and no deadline is left to count
        clock.set(Instant.parse("2024-06-20T01:00:00Z"));
        legal = ApiClient.demo(server, "szt-legal"); // signed in afresh: sessions do not last three days
        TestServer.Response report = legal.post("/api/loss-reports", Map.of("policyId", policyId, "buyerId", gulf,
                "shipments", List.of(Map.of("invoiceNo", "INV-A1", "shippedOn", "2024-03-01", "dueOn", "2024-05-02",
                        "outstanding", "440000.00")), "cause", "DEFAULT", "actionsTaken", "已催收",
                "contactName", "示例联系人", "contactMobile", "13800000004", "contactEmail", "contact@demo.example"));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        long reportId = report.json().get("id").asLong();
        JsonNode after = legal.json("/api/alerts").at("/items/0/nextSteps");
        assertThat(after.get("steps").findValuesAsText("kind")).containsExactly("OPEN_REPORT", "STOP_SHIPMENTS",
                "CREDIT_REPORT");
        assertThat(after.at("/steps/0/href").asText()).isEqualTo("/losses/" + reportId);
        assertThat(after.get("reportBy").isNull()).isTrue();
        assertThat(legal.get("/credit/alerts").body())
                .contains("href=\"/losses/" + reportId + "\"", "查看报损").doesNotContain("报损期限");
    }

    private void push(String title) {
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://risk.example.cn/</link><description>d</description><item><title>" + title
                + "</title><link>https://risk.example.cn/loss/gulf-1</link><guid isPermaLink=\"false\">loss:gulf-1</guid>"
                + "<pubDate>Mon, 17 Jun 2024 08:00:00 +0800</pubDate><description>&lt;p&gt;逾期。&lt;/p&gt;</description>"
                + "</item></channel></rss>";
        TestServer.Response pushed = server.post("/api/feeds?module=trade-news", rss.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }
}
