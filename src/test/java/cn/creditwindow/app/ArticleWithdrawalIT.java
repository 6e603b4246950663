package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.PUSH;
import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16: withdrawing an article (撤下) over the API and from its page, against the real server (and, in the build's Solr
 * run, a collection of the test SolrCloud): gone from search, its totals and the overview, its addresses 410, and kept
 * out of ingestion, pushed or read from the folder. Each test pushes articles of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleWithdrawalIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null);
        DemoWorld.create(server.app());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    /** An RSS document of country alerts: guid, title, guid, title… */
    private static byte[] rss(String... guidsAndTitles) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < guidsAndTitles.length; i += 2) {
            items.append("<item><title>").append(guidsAndTitles[i + 1]).append("</title><guid>")
                    .append(guidsAndTitles[i]).append("</guid><pubDate>Fri, 20 Nov 2026 10:15:00 +0800</pubDate>")
                    .append("<category domain=\"country\">OM</category>")
                    .append("<description><![CDATA[<p>").append(guidsAndTitles[i + 1]).append("正文</p>]]></description>")
                    .append("</item>");
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>撤下测试</title>"
                + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode push(byte[] document) {
        TestServer.Response r = server.post("/api/feeds?module=country-alert", document, "application/rss+xml", PUSH);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode search(String q) {
        TestServer.Response r = server.get("/api/articles?q=" + enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String idOf(String title) {
        JsonNode items = search(title).get("items");
        assertThat(items).as(title).hasSize(1);
        return items.get(0).get("id").asText();
    }

    private static List<String> errorFields(TestServer.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> {
            assertThat(e.get("zh").asText()).isNotBlank();
            assertThat(e.get("en").asText()).isNotBlank();
            fields.add(e.get("field").asText());
        });
        return fields;
    }

    @Test
    void aWithdrawnArticleLeavesSearchAndTheOverviewAndAPushOfTheSameItemKeepsItOut() {
        byte[] document = rss("wd-1", "阿曼港口拥堵加剧", "wd-2", "阿曼港口费用上调");
        assertThat(push(document).get("itemsNew").asInt()).isEqualTo(2);
        assertThat(search("阿曼港口").get("total").asLong()).isEqualTo(2);
        long countryAlerts = server.get("/api/articles/overview?q=" + enc("阿曼港口")).json()
                .at("/modules/0/total").asLong();
        assertThat(countryAlerts).isEqualTo(2);
        String id = idOf("拥堵加剧");

        TestServer.Response r = ApiClient.demo(server, "reviewer").delete("/api/articles/" + id,
                Map.of("reason", "  与另一来源重复  "));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("articleId").asText()).isEqualTo(id);
        assertThat(r.json().get("title").asText()).isEqualTo("阿曼港口拥堵加剧");
        assertThat(r.json().get("withdrawnBy").asText()).isEqualTo("reviewer");
        assertThat(r.json().get("reason").asText()).isEqualTo("与另一来源重复");
        assertThat(r.json().get("withdrawnAt").asText()).isNotBlank();
        JsonNode page = search("阿曼港口");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/title").asText()).isEqualTo("阿曼港口费用上调");
        assertThat(page.at("/facets/country/OM").asLong()).isEqualTo(1);
        JsonNode overview = server.get("/api/articles/overview?q=" + enc("阿曼港口")).json();
        assertThat(overview.at("/modules/0/total").asLong()).isEqualTo(1);
        assertThat(overview.at("/modules/0/items/0/title").asText()).isEqualTo("阿曼港口费用上调");
        TestServer.Response gone = server.get("/api/articles/" + id);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("error").asText()).isEqualTo("gone");
        assertThat(gone.json().get("message").asText()).contains("withdrawn on 20");
        assertThat(gone.json().get("messageZh").asText()).contains("撤下");
        assertThat(server.get("/api/articles/" + id + "/attachments/1").status()).isEqualTo(410);

        // the insurer's system pushes the same document again: the withdrawn item is left out and said to be
        JsonNode again = push(document);
        assertThat(again.get("itemsWithdrawn").asInt()).isEqualTo(1);
        assertThat(again.get("itemsUnchanged").asInt()).isEqualTo(1);
        assertThat(again.get("itemsNew").asInt()).isZero();
        // changed at the source, still out
        assertThat(push(rss("wd-1", "阿曼港口拥堵再度加剧")).get("itemsWithdrawn").asInt()).isEqualTo(1);
        assertThat(search("阿曼港口").get("total").asLong()).isEqualTo(1);
        assertThat(server.get("/api/articles/" + id).status()).isEqualTo(410);
    }

    @Test
    void aReasonOfOneToTwoHundredCharactersIsRequiredAndNamedInBothLanguages() {
        push(rss("reason-1", "巴林银行间结算延迟"));
        String id = idOf("巴林银行间结算");
        ApiClient admin = ApiClient.demo(server, "admin");
        for (Object body : List.of("", Map.of(), Map.of("reason", "   "), Map.of("reason", "因".repeat(201)),
                "{\"reason\": [\"重复\"]}")) {
            TestServer.Response r = admin.delete("/api/articles/" + id, body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(errorFields(r)).as(body.toString()).containsExactly("reason");
        }
        TestServer.Response unknown = admin.delete("/api/articles/" + id, Map.of("reason", "重复", "why", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(errorFields(unknown)).containsExactly("why");
        TestServer.Response notJson = admin.delete("/api/articles/" + id, "reason=重复");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(errorFields(notJson)).containsExactly("body");
        assertThat(admin.delete("/api/articles/" + id).status()).isEqualTo(400);
        // nothing was withdrawn
        assertThat(search("巴林银行间结算").get("total").asLong()).isEqualTo(1);
        assertThat(server.get("/api/articles/" + id).status()).isEqualTo(200);
        assertThat(admin.delete("/api/articles/" + id, Map.of("reason", "因".repeat(200))).status()).isEqualTo(200);
    }

    @Test
    void onlyReviewersAdministratorsAndFeedSystemsMayWithdrawAndAnUnknownIdIsNotFound() {
        push(rss("who-1", "卡塔尔买家信用恶化"));
        String id = idOf("卡塔尔买家信用");
        Map<String, String> why = Map.of("reason", "国别错误");
        for (String who : List.of("sz-operator", "sz-legal", "manager")) {
            TestServer.Response r = ApiClient.demo(server, who).delete("/api/articles/" + id, why);
            assertThat(r.status()).as(who).isEqualTo(403);
            assertThat(r.json().get("messageZh").asText()).as(who).isNotBlank();
        }
        assertThat(ApiClient.anonymous(server).delete("/api/articles/" + id, why).status()).isEqualTo(401);
        assertThat(ApiClient.demo(server, "reviewer").withoutCsrf().delete("/api/articles/" + id, why).status())
                .isEqualTo(403);
        assertThat(search("卡塔尔买家信用").get("total").asLong()).isEqualTo(1);

        TestServer.Response unknown = ApiClient.demo(server, "reviewer").delete("/api/articles/no-such-article", why);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("not found");
        assertThat(unknown.json().get("messageZh").asText()).contains("文章不存在");

        // the insurer's systems withdraw with their feed-push token
        TestServer.Response bySystem = server.send("DELETE", "/api/articles/" + id,
                "{\"reason\":\"来源撤稿\"}".getBytes(StandardCharsets.UTF_8), "application/json", PUSH);
        assertThat(bySystem.status()).as(bySystem.body()).isEqualTo(200);
        assertThat(bySystem.json().get("withdrawnBy").asText()).isEqualTo(Domains.ENV_FEED_TOKEN);
        assertThat(search("卡塔尔买家信用").get("total").asLong()).isZero();
    }

    @Test
    void withdrawingAgainAnswersTheFirstWithdrawal() {
        push(rss("twice-1", "科威特进口许可收紧"));
        String id = idOf("科威特进口许可");
        JsonNode first = ApiClient.demo(server, "reviewer").delete("/api/articles/" + id,
                Map.of("reason", "法律投诉")).json();
        TestServer.Response again = ApiClient.demo(server, "admin").delete("/api/articles/" + id,
                Map.of("reason", "另一个原因"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
        assertThat(again.json().get("withdrawnBy").asText()).isEqualTo("reviewer");
        assertThat(again.json().get("reason").asText()).isEqualTo("法律投诉");
    }

    @Test
    void reviewersWithdrawFromTheArticlePageAndTheQueryPageSaysSo() {
        push(rss("page-1", "约旦关税配额调整"));
        String id = idOf("约旦关税配额");
        assertThat(Jsoup.parse(server.get("/articles/" + id).body()).select("#withdraw-form")).isEmpty();
        assertThat(Jsoup.parse(ApiClient.demo(server, "sz-operator").get("/articles/" + id).body())
                .select("#withdraw-form")).isEmpty();
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        Document page = Jsoup.parse(reviewer.get("/articles/" + id + "?lang=en").body());
        assertThat(page.select("form#withdraw-form").attr("action")).isEqualTo("/articles/" + id + "/withdraw");
        assertThat(page.select("form#withdraw-form input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(page.select("form#withdraw-form textarea[name=reason]")).hasSize(1);
        assertThat(page.select("#withdraw-title").text()).isEqualTo("Withdraw this article");

        TestServer.Response blank = reviewer.form("/articles/" + id + "/withdraw", "reason=");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).text()).contains("请填写撤下原因");
        assertThat(server.get("/articles/" + id).status()).isEqualTo(200);

        TestServer.Response done = reviewer.form("/articles/" + id + "/withdraw", "reason=" + enc("国别标注错误"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.raw().headers().firstValue("Location")).hasValue("/search?done=withdrawn");
        Document search = Jsoup.parse(reviewer.get("/search?done=withdrawn&lang=zh").body());
        assertThat(search.select("#done").text()).contains("文章已撤下");
        assertThat(Jsoup.parse(reviewer.get("/search").body()).select("#done")).isEmpty();
        TestServer.Response gone = server.get("/articles/" + id + "?lang=en");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(Jsoup.parse(gone.body()).select("h1").text()).isEqualTo("Withdrawn");
        assertThat(search("约旦关税配额").get("total").asLong()).isZero();
    }

    @Test
    void aRescanOfTheFeedFolderLeavesAWithdrawnItemOut(@TempDir Path dir) throws IOException {
        String id;
        try (TestServer first = TestServer.start(dir, TestServer.fixtures("feeds"), null)) {
            id = first.get("/api/articles?q=" + enc("关税")).json().at("/items/0/id").asText();
            TestServer.Response r = first.send("DELETE", "/api/articles/" + id,
                    "{\"reason\":\"重复条目\"}".getBytes(StandardCharsets.UTF_8), "application/json", PUSH);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        // the file changes (so the next scan reads it again) and the server starts again: its first scan
        Path file = dir.resolve("feeds/trade-news/news.atom.xml");
        Files.writeString(file, Files.readString(file).replace("<updated>2026-11-17T09:00:00+08:00</updated>\n  <entry>",
                "<updated>2026-11-18T09:00:00+08:00</updated>\n  <entry>"));
        try (TestServer second = TestServer.start(dir, null, null)) {
            assertThat(second.get("/metrics").body()).containsPattern("feed_items_total\\{outcome=\"withdrawn\"} 1");
            assertThat(second.get("/api/articles?q=" + enc("关税")).json().get("total").asLong()).isZero();
            assertThat(second.get("/api/articles").json().get("total").asLong()).isEqualTo(7);
            assertThat(second.get("/api/articles/" + id).status()).isEqualTo(410);
        }
    }
}
