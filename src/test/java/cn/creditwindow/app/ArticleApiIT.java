package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The search API against the real server, on fixture feeds ingested at start. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleApiIT {
    private Path dir;
    TestServer server;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        server = TestServer.start(dir, TestServer.fixtures("feeds"), null);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private JsonNode ok(String path) {
        TestServer.Response r = server.get(path);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    @Test
    void keywordSearchAnswersWithTotalsItemsAndFacets() {
        JsonNode page = ok("/api/articles?q=" + enc("关税"));
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(15);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("title").asText()).isEqualTo("美国加征关税新清单公布");
        assertThat(item.get("titleHighlighted").asText()).isEqualTo("美国加征<em>关税</em>新清单公布");
        assertThat(item.get("module").asText()).isEqualTo("trade-news");
        assertThat(item.get("publishedAt").asText()).isEqualTo("2026-11-17T01:00:00Z");
        assertThat(item.get("countries")).extracting(JsonNode::asText).containsExactly("US");
        assertThat(item.get("url").asText()).isEqualTo("https://risk.example.cn/trade/us-tariff");
        assertThat(item.get("hasAttachments").asBoolean()).isFalse();
        assertThat(page.at("/facets/module/trade-news").asLong()).isEqualTo(1);
        assertThat(page.at("/facets/country/US").asLong()).isEqualTo(1);
    }

    @Test
    void facetsCanBeLeftOut() {
        JsonNode page = ok("/api/articles?q=" + enc("关税") + "&facets=false");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("facets").isNull()).isTrue();
        TestServer.Response bad = server.get("/api/articles?facets=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("facets");
    }

    @Test
    void noConditionsListsEverythingNewestFirst() {
        JsonNode page = ok("/api/articles");
        assertThat(page.get("total").asLong()).isEqualTo(8);
        assertThat(titles(page).get(0)).isEqualTo("阿联酋迪拜一电子产品买家申请破产保护");
        assertThat(page.at("/facets/module/country-alert").asLong()).isEqualTo(3);
    }

    @Test
    void countriesAreFoundByCodeNameAliasAndDerivedFromText() {
        assertThat(titles(ok("/api/articles?country=AE"))).containsExactly("阿联酋迪拜一电子产品买家申请破产保护");
        assertThat(titles(ok("/api/articles?country=" + enc("阿联酋")))).containsExactly("阿联酋迪拜一电子产品买家申请破产保护");
        assertThat(titles(ok("/api/articles?country=ae"))).hasSize(1);
        // no category on this item: the country comes from the gazetteer
        assertThat(titles(ok("/api/articles?country=" + enc("沙特")))).containsExactly("沙特阿拉伯政府项目付款周期延长至180天");
        assertThat(titles(ok("/api/articles?country=AE," + enc("沙特阿拉伯")))).hasSize(2);
        assertThat(titles(ok("/api/articles?q=" + enc("关税") + "&country=AE"))).isEmpty();
    }

    @Test
    void industriesIncludeTheirChildren() {
        assertThat(titles(ok("/api/articles?industry=new-energy"))).containsExactly("光伏组件出口欧洲价格战加剧");
        assertThat(titles(ok("/api/articles?industry=photovoltaics"))).containsExactly("光伏组件出口欧洲价格战加剧");
        assertThat(titles(ok("/api/articles?industry=" + enc("纺织业")))).containsExactly("纺织业订单向东南亚转移加速");
    }

    @Test
    void overviewHasEveryModule() {
        JsonNode o = ok("/api/articles/overview?per=2");
        assertThat(o.get("modules")).hasSize(4);
        assertThat(o.at("/modules/0/module").asText()).isEqualTo("country-alert");
        assertThat(o.at("/modules/0/total").asLong()).isEqualTo(3);
        assertThat(o.at("/modules/0/items")).hasSize(2);
        JsonNode filtered = ok("/api/articles/overview?q=" + enc("关税"));
        assertThat(filtered.at("/modules/0/total").asLong()).isZero();
        assertThat(filtered.at("/modules/0/items")).isEmpty();
        assertThat(filtered.at("/modules/3/total").asLong()).isEqualTo(1);
    }

    @Test
    void anArticleComesWithItsSanitisedBodyAndAttachments() {
        JsonNode hit = ok("/api/articles?q=" + enc("光伏")).get("items").get(0);
        assertThat(hit.get("hasAttachments").asBoolean()).isTrue();
        String id = hit.get("id").asText();
        JsonNode article = ok("/api/articles/" + id);
        assertThat(article.get("bodyHtml").asText()).contains("光伏组件库存高企");
        assertThat(article.get("industries")).extracting(JsonNode::asText).containsExactly("photovoltaics");
        JsonNode attachment = article.get("attachments").get(0);
        assertThat(attachment.get("name").asText()).isNotBlank();
        assertThat(attachment.get("url").asText()).isEqualTo("/api/articles/" + id + "/attachments/1");
        TestServer.Response file = server.get(attachment.get("url").asText());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(file.body()).contains("2026-10,1350");
        assertThat(server.get("/api/articles/" + id + "/attachments/2").status()).isEqualTo(400);
    }

    @Test
    void anHtmlArticlePageBecomesOneArticle() {
        JsonNode page = ok("/api/articles?module=belt-and-road");
        assertThat(titles(page)).containsExactly("哈萨克斯坦中欧班列货量创新高");
        assertThat(page.at("/items/0/countries")).extracting(JsonNode::asText).contains("KZ");
    }

    @Test
    void badParametersAreNamedInBothLanguages() {
        TestServer.Response r = server.get("/api/articles?page=0&size=101&from=2026-13-01&module=nope&country=Atlantis&sort=best&scope=body");
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.get("error").asText()).isEqualTo("invalid_input");
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            assertThat(e.get("zh").asText()).isNotBlank();
            assertThat(e.get("en").asText()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrder("page", "size", "from", "module", "country", "sort", "scope");
        assertThat(server.get("/api/articles?page=abc").status()).isEqualTo(400);
        assertThat(server.get("/api/articles?from=2026-11-10&to=2026-11-01").status()).isEqualTo(400);
        assertThat(server.get("/api/articles/overview?per=0").status()).isEqualTo(400);
        assertThat(server.get("/api/articles?q=" + "关".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void aPagePastTheEndIsEmpty() {
        JsonNode page = ok("/api/articles?page=99");
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("total").asLong()).isEqualTo(8);
    }

    @Test
    void datesFilterWholeDaysInChinaTime() {
        // 中美贸易磋商 was published 2026-10-01 09:00 +08:00
        assertThat(titles(ok("/api/articles?from=2026-10-01&to=2026-10-01"))).containsExactly("中美贸易磋商取得阶段性进展");
        assertThat(titles(ok("/api/articles?to=2026-10-31"))).containsExactly("中美贸易磋商取得阶段性进展");
    }

    @Test
    void unknownThingsAre404WithJson() {
        TestServer.Response r = server.get("/api/articles/doesnotexist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("messageZh").asText()).contains("文章不存在");
        assertThat(server.get("/no/such/page").status()).isEqualTo(404);
    }

    @Test
    void referenceListsAreBilingual() {
        JsonNode countries = ok("/api/reference/countries");
        assertThat(countries.size()).isGreaterThan(240);
        JsonNode modules = ok("/api/reference/modules");
        assertThat(modules).hasSize(4);
        assertThat(modules.get(0).get("nameZh").asText()).isEqualTo("国别信息预警");
        assertThat(ok("/api/reference/industries").size()).isGreaterThan(100);
    }

    @Test
    void healthMetricsAndDocsAnswer() {
        assertThat(ok("/health").get("articles").asLong()).isEqualTo(8);
        assertThat(server.get("/api/articles?page=0").status()).isEqualTo(400);
        TestServer.Response metrics = server.get("/metrics");
        assertThat(metrics.body()).contains("route=\"/api/articles\",status=\"400\"");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("articles_indexed 8", "http_server_requests_seconds", "jvm_memory");
        assertThat(ok("/openapi.json").get("openapi").asText()).startsWith("3.");
        TestServer.Response docs = server.get("/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        String script = docs.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(server.get(script).status()).isEqualTo(200);
    }
}
