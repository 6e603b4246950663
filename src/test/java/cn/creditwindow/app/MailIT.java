package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mail through the real application: with an SMTP server configured (GreenMail, a real SMTP server in this JVM),
 * the policy-effective notice that the reviewer's acceptance records arrives as an e-mail at the contact address
 * the enterprise gave, and the outbox (API and page) shows it as sent. Shenzhen's demo enterprise has signed its
 * agreement and authorised its data, so its pending policy can be applied for at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final String CONTACT = "li_ming-2@example.com";
    private GreenMail smtp;
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")),
                config -> config.toBuilder().smtp(settings).build());
        DemoWorld world = DemoWorld.create(server.app());
        world.pushPendingPolicies(server.app(), Config.CHINA);
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
    void thePolicyEffectiveNoticeArrivesByEmailAndTheOutboxShowsItSent() throws Exception {
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        long policy = legal.json("/api/policies").get("items").get(0).get("id").asLong();
        Map<String, String> contact = Map.of("contactName", "李明", "mobile", "13800002222", "email", CONTACT);
        TestServer.Response asked = legal.post("/api/policies/" + policy + "/verification-code", contact);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        TestServer.Response applied = legal.post("/api/policies/" + policy + "/application", Map.of("contactName", "李明",
                "mobile", "13800002222", "email", CONTACT, "declaration", true, "code", code(legal)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(smtp.getReceivedMessages()).as("only SMS so far").isEmpty();

        long application = reviewer.json("/api/review/applications").get("items").get(0).get("application").get("id")
                .asLong();
        JsonNode accepted = reviewer.post("/api/review/applications/" + application + "/accept", "{}").json();
        String number = accepted.get("policyNumber").asText();

        await(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(CONTACT);
        assertThat(mail.getSubject()).isEqualTo("保单生效通知 / Policy effective");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("出口信用单一窗口");
        assertThat((String) mail.getContent()).contains("保单 " + number + " 已生效", "policy " + number);

        await(() -> "SENT".equals(latestEmail(legal).path("delivery").asText()));
        JsonNode email = latestEmail(legal);
        assertThat(email.get("attempts").asInt()).isEqualTo(1);
        assertThat(email.get("deliveredAt").asText()).isEqualTo("2024-06-17T01:00:00Z");
        for (JsonNode n : legal.json("/api/outbox").get("items")) {
            if (n.get("channel").asText().equals("SMS")) {
                assertThat(n.get("delivery").isNull()).as("SMS are only recorded").isTrue();
            }
        }
        TestServer.Response page = legal.get("/enrolment/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("邮件状态", "delivery-SENT", "已发送");
        assertThat(smtp.getReceivedMessages()).as("exactly once").hasSize(1);
    }

    private static JsonNode latestEmail(ApiClient who) {
        for (JsonNode n : who.json("/api/outbox").get("items")) {
            if (n.get("channel").asText().equals("EMAIL")) {
                return n;
            }
        }
        throw new AssertionError("no e-mail in the outbox");
    }

    private static String code(ApiClient who) {
        for (JsonNode n : who.json("/api/outbox").get("items")) {
            Matcher m = CODE.matcher(n.get("text").asText());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no code in the outbox");
    }

    /** Waits (at most 5 s) for the mail dispatcher's thread. */
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
