package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000, case 2, end to end: an enterprise watches its UAE buyer; a credit report on that buyer, ordered
 * by another enterprise, is delivered marking the buyer's bankruptcy; the watcher is alerted at once (inbox
 * and e-mail), with the reason and a link to the report, and nobody else is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskAlarmIT {
    private GreenMail smtp;
    private TestServer server;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")),
                config -> config.toBuilder().smtp(settings).build());
        DemoWorld.create(server.app()).effectiveCreditPolicy(server.app(), Config.CHINA);
        JsonNode found = ApiClient.demo(server, "sz-legal").json("/api/buyers?q=" + TestServer.enc("Gulf Star Trading")
                + "&country=AE");
        gulf = found.at("/items/0/buyer/id").asLong();
        assertThat(found.at("/items/0/buyer/nameEn").asText()).isEqualTo("Gulf Star General Trading LLC");
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
    void aDeliveredBankruptcyAlertsTheBuyersWatchersAtOnce() throws Exception {
        ApiClient watcher = ApiClient.demo(server, "sz-legal");
        assertThat(watcher.post("/api/watches", Map.of("buyerId", gulf)).status()).isEqualTo(201);
        long before = watcher.json("/api/alerts").get("items").size();

        ApiClient orderer = ApiClient.demo(server, "szt-legal");
        JsonNode quote = orderer.json("/api/credit/quote?type=BUYER_CREDIT&urgent=true&buyerId=" + gulf);
        long order = orderer.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId", gulf, "urgent", true,
                "expectedCharge", quote.get("charge").asText())).json().get("id").asLong();
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        assertThat(reviewer.post("/api/credit/orders/" + order + "/take", "").status()).isEqualTo(200);
        TestServer.Response delivered = reviewer.post("/api/credit/orders/" + order + "/delivery", Map.of(
                "registration", Map.of("name", "Gulf Star General Trading LLC", "registrationNo", "DXB-000123",
                        "country", "AE", "address", "Dubai", "established", "2009-05-01", "legalForm", "LLC"),
                "rating", "D", "paymentBehaviour", "DELINQUENT",
                "financials", Map.of("year", 2023, "currency", "AED", "revenue", 12000000),
                "riskEvents", List.of(Map.of("type", "BANKRUPTCY", "date", "2024-05-20", "description", "迪拜法院宣告该买方破产")),
                "summary", "该阿联酋买方已被宣告破产，建议立即停止对其出运。"));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);

        JsonNode alerts = watcher.json("/api/alerts").get("items");
        assertThat(alerts.size()).isEqualTo(before + 1);
        String alert = alerts.toString();
        assertThat(alert).contains("REPORT", "/credit/orders/" + order, "BANKRUPTCY");
        assertThat(watcher.json("/api/outbox").toString()).contains("EMAIL", "sz-legal@demo.example");
        // and the e-mail arrives at the watcher's people over SMTP
        MimeMessage mail = awaitMailTo("sz-legal@demo.example");
        assertThat(mail.getSubject()).contains("Gulf Star General Trading LLC");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        // the orderer does not watch the buyer: it is told of the delivery, not alarmed
        assertThat(orderer.json("/api/alerts").toString()).doesNotContain("/credit/orders/" + order);
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains("Gulf Star")) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no alert e-mail to " + address + " within 10 s; received "
                + smtp.getReceivedMessages().length);
    }
}
