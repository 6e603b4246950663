package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
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
 * Subscriptions over the API: bad conditions are refused field by field with nothing saved; the preview shows last
 * month's digest; a subscription is created, edited, paused and deleted by its enterprise's people and is 404 to
 * everyone else; its Atom feed is read by a real feed parser (Rome), survives XML-hostile titles, and stops
 * answering when its address is renewed or the subscription deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsApiIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, TestServer.fixtures("digest"), null,
                new TestClock(Instant.parse("2026-11-03T01:00:00Z")));
        server.app().domains().digestSchedule().close();
        DemoWorld.create(server.app());
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void badConditionsAreRefusedFieldByFieldAndNothingIsSaved() {
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        TestServer.Response bad = legal.post("/api/subscriptions", Map.of("modules", List.of("no-such-module"),
                "countries", List.of("阿联酋", "Atlantis"), "industries", List.of("no-such-industry"),
                "keywords", List.of("光伏")));
        assertThat(bad.status()).isEqualTo(400);
        JsonNode errors = bad.json().get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("modules", "countries", "industries");
        assertThat(bad.body()).contains("未知的栏目“no-such-module”", "unknown module 'no-such-module'",
                "未知的国家或地区：“Atlantis”", "unknown country: 'Atlantis'", "未知的行业");
        assertThat(legal.post("/api/subscriptions", Map.of("name", "x".repeat(61))).json().at("/errors/0/field")
                .asText()).isEqualTo("name");
        assertThat(legal.post("/api/subscriptions", "{\"region\": \"AE\"}").json().at("/errors/0/field").asText())
                .isEqualTo("region");
        assertThat(legal.post("/api/subscriptions", "{\"countries\": \"AE\"}").status()).isEqualTo(400);
        assertThat(legal.json("/api/subscriptions").get("items")).isEmpty();
    }

    @Test
    void thePreviewShowsLastMonthsDigestWithoutSaving() {
        ApiClient legal = ApiClient.demo(server, "sz-operator");
        JsonNode preview = legal.post("/api/subscriptions/preview", Map.of("countries", List.of("AE"),
                "modules", List.of("country-alert"))).json();
        assertThat(preview.get("month").asText()).isEqualTo("2026-10");
        JsonNode groups = preview.at("/preview/groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.at("/0/items").findValuesAsText("title")).containsExactly("阿联酋迪拜港口拥堵预警",
                "阿联酋央行上调基准利率", "阿联酋月初汇率提示");
        assertThat(groups.at("/0/items/0/reasons").findValuesAsText("zh")).containsExactly("国家：阿联酋",
                "栏目：国别信息预警");
        assertThat(legal.json("/api/subscriptions").get("items")).isEmpty();
    }

    @Test
    void aSubscriptionIsKeptByItsEnterpriseAndReadAsAnAtomFeed() throws Exception {
        ApiClient legal = ApiClient.demo(server, "hn-legal");
        TestServer.Response created = legal.post("/api/subscriptions", Map.of("name", "光伏 & 阿联酋",
                "keywords", List.of("光伏")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/subscription/id").asLong();
        String feedUrl = created.json().get("feedUrl").asText();
        assertThat(feedUrl).matches("http://127\\.0\\.0\\.1:\\d+/api/atom/[A-Za-z0-9_-]{43}");
        String feedPath = feedUrl.substring(feedUrl.indexOf("/api/atom/"));
        String path = "/api/subscriptions/" + id;

        // the enterprise's other people see and change it; everyone else gets 404 (or 403 for staff)
        ApiClient colleague = ApiClient.demo(server, "hn-operator");
        assertThat(colleague.json(path).get("subscriberName").asText()).isEqualTo("示例法人2");
        ApiClient other = ApiClient.demo(server, "sz-legal");
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.put(path, Map.of("keywords", List.of("x"))).status()).isEqualTo(404);
        assertThat(other.put(path + "/state", Map.of("state", "PAUSED")).status()).isEqualTo(404);
        assertThat(other.post(path + "/feed-token", "").status()).isEqualTo(404);
        assertThat(other.delete(path).status()).isEqualTo(404);
        assertThat(other.json("/api/subscriptions").get("items")).isEmpty();
        // #13: paged like every list; the enterprise's people count its subscriptions, another enterprise none
        assertThat(PagedLists.readAll(colleague, "/api/subscriptions", 1)).contains(String.valueOf(id));
        assertThat(PagedLists.readAll(other, "/api/subscriptions", 1)).isEmpty();
        assertThat(ApiClient.demo(server, "manager").get(path).status()).isEqualTo(403);

        // edit and pause
        JsonNode edited = colleague.put(path, Map.of("name", "光伏 & 阿联酋", "keywords", List.of("光伏"),
                "countries", List.of("AE"))).json();
        assertThat(edited.get("countries").get(0).asText()).isEqualTo("AE");
        assertThat(edited.get("descriptionZh").asText()).isEqualTo("国家：阿联酋；关键字：光伏");
        assertThat(colleague.put(path + "/state", Map.of("state", "UNSUBSCRIBED")).status()).isEqualTo(400);
        assertThat(colleague.put(path + "/state", Map.of("state", "PAUSED")).json().get("state").asText())
                .isEqualTo("PAUSED");

        // an XML-hostile title
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://risk.example.cn/</link><description>d</description><item>"
                + "<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; R&amp;D \"光伏\" ]]&gt; 阿联酋</title>"
                + "<link>https://risk.example.cn/digest/hostile</link><guid isPermaLink=\"false\">digest:hostile</guid>"
                + "<pubDate>Sun, 01 Nov 2026 09:00:00 +0800</pubDate><category domain=\"country\">AE</category>"
                + "<description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>";
        assertThat(server.post("/api/feeds?module=industry-alert", rss.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", TestServer.PUSH).status()).isEqualTo(200);

        // the feed (paused or not), read by Rome
        TestServer.Response atom = server.get(feedPath);
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom.raw().body())));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("出口信用单一窗口 · 光伏 & 阿联酋");
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries.stream().map(SyndEntry::getTitle).toList()).containsExactly(
                "</title><script>x</script> R&D \"光伏\" ]]> 阿联酋", "光伏逆变器出口阿联酋需求上升");
        assertThat(entries.get(1).getLink()).matches(server.base().replace(".", "\\.") + "/articles/[0-9a-f]+");
        assertThat(entries.get(1).getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-10-15T02:00:00Z"));
        assertThat(entries.get(1).getDescription().getValue()).contains("标题含关键字：光伏", "国家：阿联酋");
        assertThat(server.get(entries.get(1).getLink().substring(server.base().length())).status())
                .as("the entry's link opens the article page").isEqualTo(200);

        // a new address ends the old one
        String renewed = colleague.post(path + "/feed-token", "").json().get("feedUrl").asText();
        assertThat(server.get(feedPath).status()).isEqualTo(404);
        assertThat(server.get(renewed.substring(renewed.indexOf("/api/atom/"))).status()).isEqualTo(200);
        assertThat(server.get("/api/atom/not-a-token").status()).isEqualTo(404);

        // deleted: gone, its feed too
        assertThat(legal.delete(path).status()).isEqualTo(204);
        assertThat(legal.get(path).status()).isEqualTo(404);
        assertThat(server.get(renewed.substring(renewed.indexOf("/api/atom/"))).status()).isEqualTo(404);
    }
}
