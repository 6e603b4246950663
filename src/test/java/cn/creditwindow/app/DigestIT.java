package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.digest.DigestRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The October 2026 digest through the real application and a real SMTP server (GreenMail): the fixture feeds hold
 * October articles in every module and two just outside the month; the demo enterprises' people subscribe (by
 * country, by keyword, by a parent industry in one module, to a keyword nothing matches, and one paused); an
 * article naming the Shenzhen enterprise's watched buyer raises an alert in October. On 3 November the run sends
 * exactly the non-empty digests, grouped by module, newest first, with reasons and the alert, as multipart
 * alternative e-mails with an RFC 2047 subject and a signed one-click unsubscribe link; a second run sends nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestIT {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private GreenMail smtp;
    private TestServer server;
    private final TestClock clock = new TestClock(Instant.parse("2026-10-20T02:00:00Z"));
    private final Map<String, Long> subscriptions = new java.util.HashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config.Smtp settings = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "出口信用单一窗口 <noreply@creditwindow.test>", null, null, false);
        server = TestServer.start(dir, TestServer.fixtures("digest"), null, clock, config -> config.toBuilder().smtp(settings).build());
        server.app().domains().digestSchedule().close(); // the test runs the month itself
        DemoWorld.create(server.app());
        // an October article naming the buyer the Shenzhen enterprise watches: an alert of the month
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://risk.example.cn/</link><description>d</description><item>"
                + "<title>Desert Rose Trading LLC 申请破产保护</title><link>https://risk.example.cn/digest/dr-1</link>"
                + "<guid isPermaLink=\"false\">digest:dr-1</guid><pubDate>Mon, 19 Oct 2026 09:00:00 +0800</pubDate>"
                + "<category domain=\"country\">OM</category><description>&lt;p&gt;破产。&lt;/p&gt;</description>"
                + "</item></channel></rss>";
        TestServer.Response pushed = server.post("/api/feeds?module=trade-news", rss.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        subscribe("sz-legal", "阿联酋", Map.of("name", "阿联酋市场", "countries", List.of("阿联酋")));
        subscribe("sz-legal", "光伏", Map.of("keywords", List.of("光伏")));
        subscribe("sz-operator", "新能源", Map.of("industries", List.of("new-energy"), "modules", List.of("industry-alert")));
        subscribe("hn-legal", "无匹配", Map.of("keywords", List.of("不存在的关键字")));
        subscribe("hn-operator", "一带一路", Map.of("modules", List.of("belt-and-road")));
        subscribe("ly-legal", "沙特", Map.of("countries", List.of("SA")));
        ApiClient ly = ApiClient.demo(server, "ly-legal");
        assertThat(ly.put("/api/subscriptions/" + subscriptions.get("沙特") + "/state", Map.of("state", "PAUSED"))
                .json().get("state").asText()).isEqualTo("PAUSED");
        clock.set(Instant.parse("2026-11-03T01:00:00Z"));
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

    private void subscribe(String who, String key, Map<String, Object> body) {
        TestServer.Response r = ApiClient.demo(server, who).post("/api/subscriptions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        subscriptions.put(key, r.json().at("/subscription/id").asLong());
    }

    @Test
    @Order(1)
    void theOctoberDigestHoldsTheMonthsMatchesByModuleNewestFirstWithReasonsAndTheAlert() throws Exception {
        DigestRun.Report report = server.app().domains().digestRun().run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(report.subscribers()).as("the paused subscription's subscriber is not one").isEqualTo(4);
        assertThat(report.recorded()).isEqualTo(4);
        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.empty()).as("hn-legal's keyword matched nothing").isEqualTo(1);
        await(() -> digests().size() == 3);
        assertThat(recipients()).containsExactlyInAnyOrder("sz-legal@demo.example", "sz-operator@demo.example",
                "hn-operator@demo.example");

        MimeMessage mail = to("sz-legal@demo.example");
        assertThat(mail.getSubject()).isEqualTo("出口信用单一窗口 · 2026年10月风险信息月报 / Risk digest 2026-10");
        assertThat(mail.getHeader("Subject")[0]).as("RFC 2047 encoded").startsWith("=?UTF-8?");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        // subscription 阿联酋市场: country alerts newest first (1 October 00:30 China time is October), then the
        // industry alert; nothing from 28 September or 2 November, nothing of Saudi Arabia
        assertThat(inOrder(text, "== 订阅：阿联酋市场 ==", "【国别信息预警】3 篇", "阿联酋迪拜港口拥堵预警",
                "阿联酋央行上调基准利率", "阿联酋月初汇率提示", "【重点行业风险预警】1 篇", "光伏逆变器出口阿联酋需求上升",
                "== 订阅：", "【重点行业风险预警】2 篇", "光伏逆变器出口阿联酋需求上升", "欧盟对华光伏组件反倾销调查",
                "== 资信报警器（1 条）==", "Desert Rose Trading LLC")).isTrue();
        assertThat(text).doesNotContain("九月外贸数据", "十一月展会", "沙特阿拉伯调整进口关税", "纺织品出口美国");
        assertThat(text).contains("匹配原因：国家：阿联酋", "匹配原因：标题含关键字：光伏");
        assertThat(html).contains("<em>光伏</em>逆变器出口阿联酋需求上升", "匹配原因：国家：阿联酋");
        String base = server.base().replace("127.0.0.1", "127.0.0.1");
        assertThat(html).containsPattern("href=\"http://127\\.0\\.0\\.1:\\d+/articles/[0-9a-f]+\"");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http://127\\.0\\.0\\.1:\\d+/digests/unsubscribe\\?token=a\\d+\\.[A-Za-z0-9_-]+>");
        assertThat(base).isNotEmpty();

        // the operator's parent industry (新能源) found the photovoltaics articles, in the one module chosen
        String operator = (String) ((Multipart) to("sz-operator@demo.example").getContent()).getBodyPart(0).getContent();
        assertThat(inOrder(operator, "【重点行业风险预警】2 篇", "光伏逆变器出口阿联酋需求上升", "欧盟对华光伏组件反倾销调查")).isTrue();
        assertThat(operator).contains("匹配原因：行业：新能源；栏目：重点行业风险预警").doesNotContain("【国别信息预警】");

        // the archive: the enterprise's people see both Shenzhen digests, in the API and the same content
        JsonNode archive = ApiClient.demo(server, "sz-operator").json("/api/digests");
        assertThat(archive.get("items")).hasSize(2);
        long id = -1;
        for (JsonNode d : archive.get("items")) {
            assertThat(d.get("month").asText()).isEqualTo("2026-10");
            if (d.get("subscriberName").asText().equals("示例法人1")) {
                id = d.get("id").asLong();
            }
        }
        JsonNode digest = ApiClient.demo(server, "sz-operator").json("/api/digests/" + id).get("digest");
        JsonNode first = digest.at("/sections/0/groups/0");
        assertThat(first.get("module").asText()).isEqualTo("country-alert");
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsText("title")).containsExactly("阿联酋迪拜港口拥堵预警",
                "阿联酋央行上调基准利率", "阿联酋月初汇率提示");
        assertThat(first.at("/items/0/reasons/0/kind").asText()).isEqualTo("COUNTRY");
        assertThat(digest.get("alerts")).hasSize(1);
        // hn-legal's empty digest is neither sent nor listed; Henan's archive holds the operator's only
        JsonNode henan = ApiClient.demo(server, "hn-legal").json("/api/digests");
        assertThat(henan.get("items")).hasSize(1);
        assertThat(henan.at("/items/0/subscriberName").asText()).isEqualTo("示例操作员2");
        assertThat(ApiClient.demo(server, "hn-legal").get("/api/digests/" + id).status()).isEqualTo(404);
        // #13: the archive is paged, and counts only the enterprise's own non-empty digests
        assertThat(PagedLists.readAll(ApiClient.demo(server, "sz-operator"), "/api/digests", 1)).hasSize(2);
        assertThat(PagedLists.readAll(ApiClient.demo(server, "hn-legal"), "/api/digests", 1)).hasSize(1);
    }

    @Test
    @Order(2)
    void aSecondRunSendsNothing() throws Exception {
        DigestRun.Report again = server.app().domains().digestRun().run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(again.alreadyDone()).isEqualTo(4);
        assertThat(again.recorded()).isZero();
        assertThat(server.app().domains().digestRun().finished(OCTOBER)).isTrue();
        Thread.sleep(300); // the dispatcher would have been woken by a commit
        assertThat(server.app().domains().mailDispatcher().deliverDue().sent()).isZero();
        assertThat(digests()).hasSize(3);
    }

    @Test
    @Order(3)
    void theUnsubscribeLinkAsksThenUnsubscribesAndAForgedOneIsRefused() throws Exception {
        MimeMessage mail = to("hn-operator@demo.example");
        String header = mail.getHeader("List-Unsubscribe")[0];
        String url = header.substring(1, header.length() - 1);
        String path = url.substring(url.indexOf("/digests/"));
        // opening the link changes nothing (mail scanners open links); it names the subscription
        TestServer.Response confirm = server.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("退订月报", "确认退订", "一带一路");
        ApiClient operator = ApiClient.demo(server, "hn-operator");
        assertThat(operator.json("/api/subscriptions/" + subscriptions.get("一带一路")).get("state").asText())
                .isEqualTo("ACTIVE");
        // a forged or altered token: 400 with a clear message, nothing changes
        String token = path.substring(path.indexOf("token=") + 6);
        String altered = path.replace(token, token.replaceFirst("^a\\d+", "a1"));
        for (String bad : List.of(altered, path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA"),
                "/digests/unsubscribe?token=nonsense", "/digests/unsubscribe")) {
            TestServer.Response refused = server.post(bad, "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("退订链接无效或已被改动");
        }
        assertThat(operator.json("/api/subscriptions/" + subscriptions.get("一带一路")).get("state").asText())
                .isEqualTo("ACTIVE");
        // RFC 8058 one-click: a POST of List-Unsubscribe=One-Click to the link, without a session
        TestServer.Response done = server.post(path, "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", null);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("已退订（1 个订阅）");
        assertThat(operator.json("/api/subscriptions/" + subscriptions.get("一带一路")).get("state").asText())
                .isEqualTo("UNSUBSCRIBED");
        // the per-subscription link in the body works the same way
        String text = (String) ((Multipart) to("sz-operator@demo.example").getContent()).getBodyPart(0).getContent();
        Matcher m = Pattern.compile("退订此订阅：http://[^/]+(/digests/unsubscribe\\?token=s\\d+\\.\\S+)").matcher(text);
        assertThat(m.find()).isTrue();
        TestServer.Response one = server.post(m.group(1), new byte[0], "application/x-www-form-urlencoded", null);
        assertThat(one.body()).contains("已退订（1 个订阅）");
        assertThat(ApiClient.demo(server, "sz-operator").json("/api/subscriptions/" + subscriptions.get("新能源"))
                .get("state").asText()).isEqualTo("UNSUBSCRIBED");
    }

    /** The digest e-mails received (the credit alarm also e-mails the watching enterprise's people). */
    private List<MimeMessage> digests() {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getSubject().contains("风险信息月报")) {
                    out.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private MimeMessage to(String address) throws Exception {
        for (MimeMessage m : digests()) {
            if (((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(address)) {
                return m;
            }
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private List<String> recipients() throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : digests()) {
            out.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
        }
        return out;
    }

    /** True when the parts occur in the text in this order. */
    static boolean inOrder(String text, String... parts) {
        int at = 0;
        for (String p : parts) {
            int i = text.indexOf(p, at);
            if (i < 0) {
                System.err.println("not found in order: " + p + "\n" + text);
                return false;
            }
            at = i + p.length();
        }
        return true;
    }

    /** Waits (at most 10 s) for the mail dispatcher's thread. */
    static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("waited 10 s").isTrue();
    }
}
