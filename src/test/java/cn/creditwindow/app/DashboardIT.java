package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home dashboard against a world made through the real API: Shenzhen's enterprise has its enrolment application
 * returned and an unread alert; Zhengzhou's and Luoyang's hold pending policies; the Shenzhen trading enterprise holds
 * an effective policy awaiting receipt, a returned claim, a report order in progress and a financing application
 * awaiting the bank. Each viewer's counts ({@code GET /api/dashboard} and the home page) are checked against that
 * world, and every count's link is followed: the list it opens holds exactly that many records, and the right ones.
 * The account managers on the home page are the most specific portfolio match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    /** What marks one record in the list a link opens, by the link's path. */
    private static final Map<String, Pattern> ROWS = Map.ofEntries(
            Map.entry("/enrolment", Pattern.compile("<tr data-policy=\"(\\d+)\"")),
            Map.entry("/enrolment/review", Pattern.compile("<tr data-application=\"(\\d+)\"")),
            Map.entry("/agreements/review", Pattern.compile("class=\"review-item\" data-id=\"(\\d+)\"")),
            Map.entry("/claims", Pattern.compile("<tr data-claim=\"(\\d+)\"")),
            Map.entry("/claims/review", Pattern.compile("<tr data-claim=\"(\\d+)\"")),
            Map.entry("/credit", Pattern.compile("<tr data-order=\"(\\d+)\"")),
            Map.entry("/credit/fulfilment", Pattern.compile("<tr data-order=\"(\\d+)\"")),
            Map.entry("/credit/alerts", Pattern.compile("class=\"alert-item alert-unread\" data-id=\"(\\d+)\"")),
            Map.entry("/financing/applications", Pattern.compile("<tr data-application=\"(\\d+)\"")),
            Map.entry("/enrolment/payments", Pattern.compile("<tr data-policy=\"(\\d+)\"")));

    private TestServer server;
    private long szPolicy;
    private long sztPolicy;
    private long claim;
    private long order;
    private long financing;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        DemoWorld world = DemoWorld.create(server.app());
        world.pushPendingPolicies(server.app(), Config.CHINA);
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        world.submittedClaim(server.app());
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        ApiClient szt = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");

        // Shenzhen: applies for its pending policy with the code from its outbox; the reviewer returns it
        szPolicy = sz.json("/api/policies").get("items").get(0).get("id").asLong();
        Map<String, Object> contact = new LinkedHashMap<>(Map.of("contactName", "示例联系人", "mobile", "13800000001",
                "email", "sz@example.com"));
        assertThat(sz.post("/api/policies/" + szPolicy + "/verification-code", contact).status()).isIn(200, 201);
        Matcher code = Pattern.compile("验证码为 (\\d{6})").matcher(sz.json("/api/outbox").toString());
        assertThat(code.find()).isTrue();
        contact.put("declaration", true);
        contact.put("code", code.group(1));
        assertThat(sz.post("/api/policies/" + szPolicy + "/application", contact).status()).isEqualTo(201);
        long application = reviewer.json("/api/review/applications").get("items").get(0).get("application").get("id")
                .asLong();
        assertThat(reviewer.post("/api/review/applications/" + application + "/return",
                Map.of("reason", "联系人邮箱有误，请更正")).status()).isIn(200, 201);
        // ... and an article names the buyer it watches: one unread alert
        String rss = "<rss version=\"2.0\"><channel><title>t</title><item><guid>dash-1</guid><title>Desert Rose Trading"
                + " files for bankruptcy in Dubai</title></item></channel></rss>";
        assertThat(server.post("/api/feeds?module=country-alert", rss.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", TestServer.PUSH).status()).isIn(200, 201);

        // the trading enterprise: effective policy (receipt pending), its demo claim returned, an order, a financing
        sztPolicy = szt.json("/api/claims/policies").get("items").get(0).get("policy").get("id").asLong();
        claim = reviewer.json("/api/review/claims").get("items").get(0).get("id").asLong();
        assertThat(reviewer.post("/api/review/claims/" + claim + "/return", Map.of("reason", "请补充催收记录")).status())
                .isEqualTo(200);
        long gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        TestServer.Response ordered = szt.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId", gulf,
                "expectedCharge", "0.00"));
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        order = ordered.json().get("id").asLong();
        TestServer.Response applied = szt.post("/api/financing/products/policy-loan/applications", Map.of(
                "amountYuan", 200000, "termMonths", 6, "purpose", "采购原材料", "contactName", "示例联系人",
                "mobile", "13800000004"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        financing = applied.json().get("id").asLong();
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void eachEnterpriseSeesItsOwnCountsAndEachLinkListsExactlyThose() {
        Map<String, Long> sz = counts("sz-legal", "ENTERPRISE");
        assertThat(sz).containsEntry("pending", 0L).containsEntry("returned", 1L).containsEntry("effective", 0L)
                .containsEntry("alerts", 1L).containsEntry("claimsReturned", 0L).containsEntry("reportsInProgress", 0L)
                .containsEntry("financingSubmitted", 0L);
        assertThat(linkedIds("sz-legal", "returned")).containsExactly(szPolicy);

        Map<String, Long> szt = counts("szt-operator", "ENTERPRISE");
        assertThat(szt).containsEntry("pending", 0L).containsEntry("returned", 0L).containsEntry("effective", 1L)
                .containsEntry("claimsReturned", 1L).containsEntry("claimsAccepted", 0L).containsEntry("claimsPaid", 0L)
                .containsEntry("reportsInProgress", 1L).containsEntry("reportsDelivered", 0L)
                .containsEntry("alerts", 0L).containsEntry("financingSubmitted", 1L).containsEntry("financingApproved", 0L);
        assertThat(linkedIds("szt-operator", "effective")).containsExactly(sztPolicy);
        assertThat(linkedIds("szt-operator", "claimsReturned")).containsExactly(claim);
        assertThat(linkedIds("szt-operator", "reportsInProgress")).containsExactly(order);
        assertThat(linkedIds("szt-operator", "financingSubmitted")).containsExactly(financing);

        Map<String, Long> hn = counts("hn-legal", "ENTERPRISE");
        assertThat(hn).containsEntry("pending", 1L).containsEntry("returned", 0L).containsEntry("alerts", 0L)
                .containsEntry("financingSubmitted", 0L);
        long hnPolicy = ApiClient.demo(server, "hn-legal").json("/api/policies").get("items").get(0).get("id").asLong();
        assertThat(linkedIds("hn-legal", "pending")).containsExactly(hnPolicy);

        // every count of every enterprise opens a list with exactly that many records
        for (String who : List.of("sz-legal", "szt-legal", "hn-legal", "ly-legal")) {
            everyLinkListsItsCount(who);
        }
    }

    @Test
    void managersSeeTheirPortfolioAndStaffTheirQueues() {
        // the Shenzhen manager (4403) sees both Shenzhen enterprises, not Henan's
        Map<String, Long> manager = counts("manager", "ACCOUNT_MANAGER");
        assertThat(manager).containsEntry("pending", 0L).containsEntry("returned", 1L).containsEntry("effective", 1L)
                .containsEntry("claimsReturned", 1L).containsEntry("reportsInProgress", 1L).containsEntry("alerts", 1L)
                .containsEntry("financingSubmitted", 1L);
        everyLinkListsItsCount("manager");
        // a 宝安 (440306) manager sees the Shenzhen enterprise only
        Map<String, Long> baoan = counts("mgr-baoan-1", "ACCOUNT_MANAGER");
        assertThat(baoan).containsEntry("returned", 1L).containsEntry("effective", 0L).containsEntry("alerts", 1L)
                .containsEntry("financingSubmitted", 0L);
        everyLinkListsItsCount("mgr-baoan-1");

        Map<String, Long> reviewer = counts("reviewer", "REVIEWER");
        assertThat(reviewer).containsOnlyKeys("review", "paymentsToRecord", "agreementsToSign", "claimsToReview",
                "reportsToFulfil", "financingToRecord");
        assertThat(reviewer).containsEntry("paymentsToRecord", 0L); // #14
        assertThat(reviewer).containsEntry("review", 0L).containsEntry("agreementsToSign", 1L)
                .containsEntry("claimsToReview", 0L).containsEntry("reportsToFulfil", 1L)
                .containsEntry("financingToRecord", 1L);
        everyLinkListsItsCount("reviewer");
        assertThat(linkedIds("reviewer", "reportsToFulfil")).containsExactly(order);

        // on 2024-06-17 only 2024's holiday schedule is needed, and it is bundled
        assertThat(counts("admin", "ADMIN")).containsOnlyKeys("listsOpen", "financingToRecord", "calendarMissing")
                .containsEntry("financingToRecord", 1L).containsEntry("listsOpen", 0L)
                .containsEntry("calendarMissing", 0L);
        // nobody signed in: no counts, the public home page
        assertThat(ApiClient.anonymous(server).get("/api/dashboard").status()).isEqualTo(401);
        String home = ApiClient.anonymous(server).get("/").body();
        assertThat(home).doesNotContain("id=\"dashboard\"", "id=\"account-managers\"").contains("home-newest");
    }

    @Test
    void theHomePageShowsTheCountsAndTheMostSpecificAccountManagers() {
        String home = ApiClient.demo(server, "sz-legal").get("/").body();
        assertThat(home).contains("id=\"dashboard\" data-audience=\"ENTERPRISE\"");
        assertThat(tile(home, "returned")).isEqualTo("/enrolment?filter=returned|1");
        assertThat(tile(home, "alerts")).isEqualTo("/credit/alerts?unread=true|1");
        // 宝安 (440306): the two 宝安 managers of the sample data, not the city-wide demo manager (4403)
        String managers = home.substring(home.indexOf("id=\"account-managers\""));
        assertThat(managers).contains("王经理", "0755-00000101", "wang.baoan@example.com", "陈经理", "0755-00000102")
                .doesNotContain("示例客户经理", "赵经理").contains("0755-00000700");
        JsonNode card = ApiClient.demo(server, "sz-operator").json("/api/my/account-manager");
        assertThat(card.get("managers").findValuesAsText("name")).containsExactly("王经理", "陈经理");
        assertThat(card.get("claimsHotline").asText()).isEqualTo("0755-00000700");
        // 罗湖 (440303): the 龙华/罗湖 manager
        assertThat(ApiClient.demo(server, "szt-legal").json("/api/my/account-manager").get("managers")
                .findValuesAsText("name")).containsExactly("何经理");
        // Zhengzhou: no manager's portfolio covers it
        assertThat(ApiClient.demo(server, "hn-legal").json("/api/my/account-manager").get("managers")).isEmpty();
        assertThat(ApiClient.demo(server, "hn-legal").get("/").body()).contains("id=\"no-manager\"");
        // the same card on a returned enrolment application and on a returned claim (one fragment, not two lists)
        String returnedPolicy = ApiClient.demo(server, "sz-legal").get("/enrolment/policies/" + szPolicy).body();
        assertThat(returnedPolicy).contains("联系人邮箱有误，请更正");
        assertThat(returnedPolicy.substring(returnedPolicy.indexOf("id=\"returned-contacts\"")))
                .contains("王经理", "0755-00000101", "0755-00000700");
        String returnedClaim = ApiClient.demo(server, "szt-legal").get("/claims/" + claim).body();
        assertThat(returnedClaim.substring(returnedClaim.indexOf("id=\"review-receipt\"")))
                .contains("何经理", "0755-00000401", "he.longhua@example.com", "0755-00000700");
        assertThat(returnedClaim.split("id=\"account-managers\"", -1)).hasSize(2);
        assertThat(ApiClient.demo(server, "szt-legal").json("/api/claims/" + claim).get("managers")
                .findValuesAsText("displayName")).containsExactly("何经理");
        // staff see their queues, no account-manager card
        String reviewerHome = ApiClient.demo(server, "reviewer").get("/").body();
        assertThat(reviewerHome).contains("data-audience=\"REVIEWER\"").doesNotContain("id=\"account-managers\"");
        assertThat(tile(reviewerHome, "reportsToFulfil")).isEqualTo("/credit/fulfilment|1");
    }

    /** The viewer's counts from the API, checking the audience and that the page shows the same. */
    private Map<String, Long> counts(String who, String audience) {
        ApiClient c = ApiClient.demo(server, who);
        JsonNode body = c.json("/api/dashboard");
        assertThat(body.get("audience").asText()).isEqualTo(audience);
        Map<String, Long> out = new LinkedHashMap<>();
        body.get("counts").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        String home = c.get("/").body();
        for (JsonNode t : body.get("tiles")) {
            assertThat(tile(home, t.get("key").asText())).as(who + " " + t.get("key").asText())
                    .isEqualTo(t.get("href").asText() + "|" + t.get("count").asLong());
        }
        return out;
    }

    /** A tile of the home page as "href|count". */
    private static String tile(String html, String key) {
        Matcher m = Pattern.compile("id=\"home-" + key + "\" href=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("tile " + key).isTrue();
        return m.group(1).replace("&amp;", "&") + "|" + m.group(2);
    }

    /** The ids listed by the page a tile links to. */
    private List<Long> linkedIds(String who, String key) {
        ApiClient c = ApiClient.demo(server, who);
        for (JsonNode t : c.json("/api/dashboard").get("tiles")) {
            if (t.get("key").asText().equals(key)) {
                return ids(c, t.get("href").asText());
            }
        }
        throw new AssertionError(who + " has no tile " + key);
    }

    private void everyLinkListsItsCount(String who) {
        ApiClient c = ApiClient.demo(server, who);
        for (JsonNode t : c.json("/api/dashboard").get("tiles")) {
            assertThat(ids(c, t.get("href").asText())).as(who + ": " + t.get("key").asText() + " → " + t.get("href"))
                    .hasSize(t.get("count").asInt());
        }
    }

    private static List<Long> ids(ApiClient c, String href) {
        TestServer.Response page = c.get(href);
        assertThat(page.status()).as(href).isEqualTo(200);
        String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        Pattern row = ROWS.get(path);
        assertThat(row).as("a row marker for " + path).isNotNull();
        List<Long> ids = new ArrayList<>();
        Matcher m = row.matcher(page.body());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
