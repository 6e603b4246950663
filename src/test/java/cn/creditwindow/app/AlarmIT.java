package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buyer directory and the credit alarm over HTTP against the real server and database: search, add, watch,
 * an article pushed with the feed token (or dropped into the feeds folder) that names a watched buyer alerting the
 * enterprise in its inbox and by e-mail, muting, and the bad input of issue 5.
 */
class AlarmIT {
    @TempDir
    Path dir;

    static byte[] rss(String guid, String title, String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>报警测试</title><item>"
                + "<guid>" + guid + "</guid><title>" + title + "</title><description><![CDATA[" + body + "]]></description>"
                + "<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fields(TestServer.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static long buyerId(ApiClient c, String q) {
        JsonNode items = c.json("/api/buyers?q=" + TestServer.enc(q)).get("items");
        assertThat(items).as("buyers for " + q).isNotEmpty();
        return items.get(0).get("buyer").get("id").asLong();
    }

    private static long emails(TestServer server, long enterpriseId, String like) {
        return server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM outbox WHERE enterprise_id = ?"
                + " AND channel = 'EMAIL' AND address LIKE '%@demo.example' AND body LIKE ?", enterpriseId, "%" + like + "%"));
    }

    @Test
    void aPushedArticleNamingAWatchedBuyerAlertsTheEnterpriseAtOnce() throws IOException {
        try (TestServer server = TestServer.start(dir, null, null)) {
            DemoWorld world = DemoWorld.create(server.app());
            long sz = world.enterprises().get(0).id();
            ApiClient operator = ApiClient.demo(server, "sz-operator");
            // a typo and the wrong legal form still find it, best first
            JsonNode found = operator.json("/api/buyers?q=" + TestServer.enc("falcon crest electronic fze") + "&country=AE");
            assertThat(found.get("items").get(0).get("buyer").get("nameEn").asText()).isEqualTo("Falcon Crest Electronics FZE");
            long falcon = found.get("items").get(0).get("buyer").get("id").asLong();
            TestServer.Response watch = operator.post("/api/watches", Map.of("buyerId", falcon));
            assertThat(watch.status()).as(watch.body()).isEqualTo(201);
            assertThat(operator.json("/api/watches").get("items")).extracting(n -> n.get("buyerId").asLong()).contains(falcon);

            TestServer.Response push = server.post("/api/feeds?module=country-alert", rss("alarm-1",
                    "Sharjah: Falcon Crest Electronics stops payments to suppliers", "<p>Creditors met on Monday.</p>"),
                    "application/rss+xml", TestServer.PUSH);
            assertThat(push.status()).as(push.body()).isEqualTo(200);
            JsonNode alerts = operator.json("/api/alerts");
            assertThat(alerts.get("unread").asLong()).isEqualTo(1);
            JsonNode alert = alerts.get("items").get(0);
            assertThat(alert.get("buyerId").asLong()).isEqualTo(falcon);
            assertThat(alert.get("kind").asText()).isEqualTo("ARTICLE");
            assertThat(alert.get("matched").asText()).isEqualTo("falcon crest electronics (title)");
            assertThat(alert.get("reasonZh").asText()).contains("标题", "Falcon Crest Electronics FZE");
            assertThat(alert.get("reasonEn").asText()).contains("names the watched buyer");
            String link = alert.get("link").asText();
            assertThat(link).startsWith("/articles/");
            assertThat(server.get("/api" + link).json().get("title").asText()).contains("Falcon Crest Electronics");
            assertThat(emails(server, sz, "Falcon Crest")).isEqualTo(2); // sz-legal and sz-operator
            // the other enterprises watch nothing of it
            assertThat(ApiClient.demo(server, "hn-legal").json("/api/alerts").get("items")).isEmpty();

            // the same item again: nobody is alerted twice
            server.post("/api/feeds?module=country-alert", rss("alarm-1",
                    "Sharjah: Falcon Crest Electronics stops payments to suppliers", "<p>Creditors met on Monday.</p>"),
                    "application/rss+xml", TestServer.PUSH);
            assertThat(operator.json("/api/alerts").get("items")).hasSize(1);
            assertThat(emails(server, sz, "Falcon Crest")).isEqualTo(2);

            // read, then muted: the next article alerts nobody
            long alertId = alert.get("id").asLong();
            assertThat(operator.post("/api/alerts/" + alertId + "/read", "").json().get("readAt").isNull()).isFalse();
            assertThat(ApiClient.demo(server, "hn-legal").post("/api/alerts/" + alertId + "/read", "").status())
                    .isEqualTo(404);
            assertThat(operator.put("/api/watches/" + falcon, Map.of("muted", true)).json().get("muted").asBoolean())
                    .isTrue();
            server.post("/api/feeds?module=trade-news", rss("alarm-2", "猎鹰峰电子自贸区公司停止付款", "<p>据报道。</p>"),
                    "application/rss+xml", TestServer.PUSH);
            assertThat(operator.json("/api/alerts?unread=true").get("items")).isEmpty();
            assertThat(operator.put("/api/watches/" + falcon, Map.of("muted", false)).status()).isEqualTo(200);
            server.post("/api/feeds?module=trade-news", rss("alarm-3", "阿联酋电子分销商破产",
                    "<p>猎鹰峰电子自贸区公司已申请破产。</p>"), "application/rss+xml", TestServer.PUSH);
            JsonNode chinese = operator.json("/api/alerts?unread=true").get("items");
            assertThat(chinese).hasSize(1);
            assertThat(chinese.get(0).get("matched").asText()).isEqualTo("猎鹰峰电子自贸区 (body)");

            // the manager of the Shenzhen portfolio reads the list, not outside it
            ApiClient manager = ApiClient.demo(server, "manager");
            assertThat(manager.json("/api/watches?enterpriseId=" + sz).get("items")).hasSize(2);
            // #13: the inbox and the watch list are paged, the unread count beside the page; the filter narrows the total
            assertThat(PagedLists.readAll(operator, "/api/alerts", 1)).hasSize(2);
            assertThat(PagedLists.readAll(operator, "/api/alerts?unread=true", 1)).hasSize(1);
            assertThat(operator.json("/api/alerts?size=1&page=2").get("unread").asLong()).isEqualTo(1);
            assertThat(PagedLists.readAll(manager, "/api/watches?enterpriseId=" + sz, 1, "items", "buyerId")).hasSize(2);
            assertThat(manager.get("/api/alerts?enterpriseId=" + world.enterprises().get(1).id()).status()).isEqualTo(404);
            assertThat(operator.delete("/api/watches/" + falcon).status()).isEqualTo(204);
            assertThat(operator.delete("/api/watches/" + falcon).status()).isEqualTo(404);
        }
    }

    @Test
    void aFeedFileDroppedIntoTheFeedsFolderAlertsToo() throws IOException {
        long sz;
        try (TestServer server = TestServer.start(dir, null, null)) {
            sz = DemoWorld.create(server.app()).enterprises().get(0).id(); // sz watches Desert Rose Trading LLC
        }
        Path folder = dir.resolve("feeds/country-alerts");
        Files.createDirectories(folder);
        Files.write(folder.resolve("alarm.xml"), rss("file-1", "UAE: trading houses under pressure",
                "<p>Desert Rose Trading L.L.C. has asked a Dubai court for protection from creditors.</p>"));
        try (TestServer server = TestServer.start(dir, null, null)) { // starting ingests new files in the folder
            JsonNode items = ApiClient.demo(server, "sz-legal").json("/api/alerts").get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).get("buyerNameEn").asText()).isEqualTo("Desert Rose Trading LLC");
            assertThat(items.get(0).get("matched").asText()).isEqualTo("desert rose trading (body)");
            assertThat(emails(server, sz, "Desert Rose")).isEqualTo(2);
        }
    }

    @Test
    void addingALookalikeSaysSoAndTheEnterpriseKeepsIt() throws IOException {
        try (TestServer server = TestServer.start(dir, null, null)) {
            DemoWorld.create(server.app());
            ApiClient operator = ApiClient.demo(server, "sz-operator");
            TestServer.Response added = operator.post("/api/buyers", Map.of("nameEn", "DESERT ROSE TRADING CO., LTD",
                    "country", "阿联酋"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.json().get("buyer").get("code").asText()).matches("AE\\d{7}");
            assertThat(added.json().get("possibleDuplicate").get("code").asText()).isEqualTo("AE0000001");
            long id = added.json().get("buyer").get("id").asLong();
            assertThat(operator.json("/api/buyers/" + id).get("buyer").get("nameEn").asText())
                    .isEqualTo("DESERT ROSE TRADING CO., LTD");
            // another enterprise's buyer does not exist for hn
            ApiClient henan = ApiClient.demo(server, "hn-legal");
            assertThat(henan.get("/api/buyers/" + id).status()).isEqualTo(404);
            TestServer.Response hidden = henan.post("/api/watches", Map.of("buyerId", id)); // #13: a field of the form
            assertThat(hidden.status()).isEqualTo(400);
            assertThat(hidden.body()).contains("no such buyer: " + id + " (");
            assertThat(henan.json("/api/buyers?q=" + TestServer.enc("desert rose trading")).get("total").asLong())
                    .isEqualTo(1);
            // the insurer imports more of its directory
            TestServer.Response imported = ApiClient.demo(server, "reviewer").post("/api/buyers/import",
                    "name_en,country\nSahara Wind Logistics,MA\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(henan.json("/api/buyers?q=" + TestServer.enc("sahara wind")).get("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() throws IOException {
        try (TestServer server = TestServer.start(dir, null, null)) {
            DemoWorld world = DemoWorld.create(server.app());
            ApiClient legal = ApiClient.demo(server, "sz-legal");
            long buyersBefore = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM buyers"));
            long watchesBefore = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM watches"));

            TestServer.Response country = legal.get("/api/buyers?q=x&country=Atlantis&page=abc");
            assertThat(country.status()).isEqualTo(400);
            assertThat(fields(country)).containsExactly("country", "page");
            assertThat(country.json().get("errors").get(0).get("zh").asText()).contains("未知的国家或地区");
            TestServer.Response badBuyer = legal.post("/api/buyers", Map.of("nameEn", "Co., Ltd.", "country", "Atlantis"));
            assertThat(badBuyer.status()).isEqualTo(400);
            assertThat(fields(badBuyer)).containsExactly("nameEn", "country");
            TestServer.Response unknown = legal.post("/api/watches", Map.of("buyerId", 999_999));
            assertThat(unknown.status()).isEqualTo(400); // #13: the buyer a form names is a field of it, not a 404
            assertThat(fields(unknown)).containsExactly("buyerId");
            assertThat(legal.form("/credit/buyers/999999/watch", "").status()).isEqualTo(404); // the URL's buyer
            assertThat(legal.post("/api/watches", "{}").status()).isEqualTo(400);
            assertThat(legal.post("/api/watches", Map.of("buyerId", "abc")).status()).isEqualTo(400);
            long desert = buyerId(legal, "Desert Rose Trading");
            TestServer.Response twice = legal.post("/api/watches", Map.of("buyerId", desert));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.json().get("messageZh").asText()).contains("已在关注列表中");
            assertThat(legal.put("/api/watches/" + desert, Map.of("muted", "maybe")).status()).isEqualTo(400);
            assertThat(legal.get("/api/watches?enterpriseId=" + world.enterprises().get(1).id()).status()).isEqualTo(404);
            assertThat(legal.get("/api/alerts?enterpriseId=abc").status()).isEqualTo(400);
            assertThat(ApiClient.demo(server, "manager").get("/api/watches?enterpriseId=" + world.enterprises().get(2).id())
                    .status()).isEqualTo(404);
            assertThat(ApiClient.demo(server, "manager").post("/api/watches", Map.of("buyerId", desert)).status())
                    .isEqualTo(403);
            TestServer.Response badImport = ApiClient.demo(server, "admin").post("/api/buyers/import",
                    "name_en,country\nGood One,DE\n,DE\nBad Country,Atlantis\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(badImport.status()).isEqualTo(400);
            assertThat(fields(badImport)).containsExactly("line 3: name_en", "line 4: country");

            assertThat((long) server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM buyers"))).isEqualTo(buyersBefore);
            assertThat((long) server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM watches"))).isEqualTo(watchesBefore);
        }
    }
}
