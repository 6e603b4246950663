package cn.creditwindow.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.Module;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A subscription's Atom feed over a real in-memory index, read back with an XML parser. */
class AtomFeedsTest {
    private static final Countries COUNTRIES = Countries.load();
    private static final Industries INDUSTRIES = Industries.load();
    private static final ArticleQueries QUERIES = new ArticleQueries(COUNTRIES, INDUSTRIES, Config.CHINA);

    private LuceneArticleIndex index;
    private Matching matching;

    @BeforeEach
    void setUp() throws Exception {
        index = LuceneArticleIndex.open(new ByteBuffersDirectory(), INDUSTRIES::withAncestors, 0);
        matching = new Matching(index, COUNTRIES, INDUSTRIES, Config.CHINA);
        index.upsert(List.of(
                article("uae-alert", Module.COUNTRY_ALERT, "阿联酋进口商付款延迟风险上升", "2026-10-05T02:00:00Z", "AE"),
                article("uae-news", Module.TRADE_NEWS, "阿联酋调整部分商品关税", "2026-10-20T02:00:00Z", "AE"),
                article("uae-first", Module.TRADE_NEWS, "阿联酋十月首日快讯", "2026-09-30T16:30:00Z", "AE"),
                article("uae-nov", Module.TRADE_NEWS, "阿联酋十一月快讯", "2026-10-31T16:30:00Z", "AE"),
                article("de-news", Module.TRADE_NEWS, "德国纺织订单回落", "2026-10-10T02:00:00Z", "DE")));
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
    }

    private static Article article(String id, Module module, String title, String published, String country) {
        return new Article(id, module, title, "<p>" + title + "</p>", Instant.parse(published), "测试来源",
                "https://risk.example.cn/" + id, List.of(country), List.of(), List.of());
    }

    private static Conditions conditions(String q, String country, String industry, String module) {
        return Conditions.parse(QUERIES, q, country, industry, module);
    }

    private static Subscription subscription(long id, String name, Conditions c) {
        Instant t = Instant.parse("2026-09-01T00:00:00Z");
        return new Subscription(id, 1, 1, "张三", null, name, c, SubscriptionState.ACTIVE, t, t);
    }

    @Test
    void theAtomFeedHoldsTheNewestMatchesWithAbsoluteLinks() {
        Subscription s = subscription(9, "阿联酋 <中东>\u0001", conditions(null, "AE", null, null));
        String xml = new AtomFeeds(matching).feed(s, "https://window.example.cn",
                "https://window.example.cn/subscriptions/feed/tok");
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(doc.selectFirst("feed > title").text()).isEqualTo("出口信用单一窗口 · 阿联酋 <中东>");
        assertThat(doc.selectFirst("feed > id").text()).isEqualTo("urn:credit-window:subscription:9");
        assertThat(doc.select("feed > link[rel=self]").attr("href")).isEqualTo("https://window.example.cn/subscriptions/feed/tok");
        // every match at any time, newest first: November's too
        assertThat(doc.select("entry > title").eachText()).containsExactly("阿联酋十一月快讯", "阿联酋调整部分商品关税",
                "阿联酋进口商付款延迟风险上升", "阿联酋十月首日快讯");
        assertThat(doc.select("entry").get(1).select("link").attr("href"))
                .isEqualTo("https://window.example.cn/articles/uae-news");
        assertThat(doc.select("entry").get(1).select("summary").text()).isEqualTo("国际贸易和投资要闻 · 国家：阿联酋");
        assertThat(doc.select("entry").get(1).select("category").eachAttr("term")).containsExactly("trade-news", "AE");
        assertThat(xml).doesNotContain("\u0001");
    }

    @Test
    void textXmlCannotCarryIsDropped() {
        assertThat(AtomFeeds.xml("a\u0000b\u0008c\td\ne\uFFFEf")).isEqualTo("abc\td\nef");
        assertThat(AtomFeeds.xml(null)).isEmpty();
    }

    @Test
    void aFeedWithoutMatchesIsStillAFeed() {
        Subscription s = subscription(3, "火星", conditions("火星基地", null, null, null));
        Document doc = Jsoup.parse(new AtomFeeds(matching).feed(s, "https://window.example.cn", "https://x/feed"),
                "", Parser.xmlParser());
        assertThat(doc.select("entry")).isEmpty();
        assertThat(doc.selectFirst("feed > title").text()).isEqualTo("出口信用单一窗口 · 火星");
    }
}
