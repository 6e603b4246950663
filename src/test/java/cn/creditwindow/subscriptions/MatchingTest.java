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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What conditions match in a month (in China's calendar) and why, against a real in-memory index.
 */
class MatchingTest {
    private static final Countries COUNTRIES = Countries.load();
    private static final Industries INDUSTRIES = Industries.load();
    private static final ArticleQueries QUERIES = new ArticleQueries(COUNTRIES, INDUSTRIES, Config.CHINA);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private LuceneArticleIndex index;
    private Matching matching;

    @BeforeEach
    void setUp() throws Exception {
        index = LuceneArticleIndex.open(new ByteBuffersDirectory(), INDUSTRIES::withAncestors, 0);
        matching = new Matching(index, COUNTRIES, INDUSTRIES, Config.CHINA);
        List<Article> articles = new ArrayList<>(List.of(
                article("uae-alert", Module.COUNTRY_ALERT, "阿联酋进口商付款延迟风险上升", "2026-10-05T02:00:00Z", "AE", "17"),
                article("uae-news", Module.TRADE_NEWS, "阿联酋调整部分商品关税", "2026-10-20T02:00:00Z", "AE", null),
                // 1 October 00:30 in China, 30 September in UTC: October's
                article("uae-first", Module.TRADE_NEWS, "阿联酋十月首日快讯", "2026-09-30T16:30:00Z", "AE", null),
                // 1 November 00:30 in China: not October's
                article("uae-nov", Module.TRADE_NEWS, "阿联酋十一月快讯", "2026-10-31T16:30:00Z", "AE", null),
                article("de-news", Module.TRADE_NEWS, "德国纺织订单回落", "2026-10-10T02:00:00Z", "DE", "17")));
        for (int i = 0; i < 12; i++) {
            articles.add(article("bulk-" + i, Module.BELT_AND_ROAD, "一带一路沙特项目进展" + i,
                    "2026-10-" + String.format("%02d", i + 2) + "T02:00:00Z", "SA", null));
        }
        index.upsert(articles);
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
    }

    private static Article article(String id, Module module, String title, String published, String country,
                                   String industry) {
        return new Article(id, module, title, "<p>" + title + "</p>", Instant.parse(published), "测试来源",
                "https://risk.example.cn/" + id, List.of(country), industry == null ? List.of() : List.of(industry),
                List.of());
    }

    private static Conditions conditions(String q, String country, String industry, String module) {
        return Conditions.parse(QUERIES, q, country, industry, module);
    }

    private static Subscription subscription(long id, String name, Conditions c) {
        Instant t = Instant.parse("2026-09-01T00:00:00Z");
        return new Subscription(id, 1, 1, "张三", null, name, c, SubscriptionState.ACTIVE, t, t);
    }

    @Test
    void theMonthIsChinasCalendarMonth() {
        assertThat(matching.start(OCTOBER)).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(matching.previousMonth(Instant.parse("2026-10-31T16:30:00Z"))).isEqualTo(OCTOBER);
        assertThat(matching.previousMonth(Instant.parse("2026-10-31T15:30:00Z"))).isEqualTo(YearMonth.of(2026, 9));
    }

    @Test
    void aCountryMatchesItsArticlesOfTheMonthGroupedByModuleNewestFirst() {
        Matched m = matching.month(subscription(7, "阿联酋", conditions(null, "AE", null, null)), OCTOBER);
        assertThat(m.subscriptionId()).isEqualTo(7);
        assertThat(m.conditionsZh()).isEqualTo("国家：阿联酋");
        assertThat(m.conditionsEn()).isEqualTo("countries: United Arab Emirates");
        assertThat(m.total()).isEqualTo(3);
        assertThat(m.groups()).extracting(Matched.Group::module).containsExactly("country-alert", "trade-news");
        assertThat(m.groups().get(1).items()).extracting(Matched.Item::title)
                .containsExactly("阿联酋调整部分商品关税", "阿联酋十月首日快讯");
        Matched.Item first = m.groups().get(0).items().get(0);
        assertThat(first.link()).isEqualTo("/articles/uae-alert");
        assertThat(first.reasonsZh()).isEqualTo("国家：阿联酋");
    }

    // #16: subscriptions and digests match through the index, so a withdrawn (deleted) article leaves them by itself
    @Test
    void aDeletedArticleLeavesTheMonthsMatches() throws Exception {
        index.delete(List.of("uae-alert"));
        Matched m = matching.month(subscription(7, "阿联酋", conditions(null, "AE", null, null)), OCTOBER);
        assertThat(m.total()).isEqualTo(2);
        assertThat(m.groups()).extracting(Matched.Group::module).containsExactly("trade-news");
    }

    @Test
    void aMonthWithNothingMatchedHasNoGroups() {
        Matched m = matching.month(subscription(1, "阿联酋", conditions(null, "AE", null, null)), YearMonth.of(2026, 8));
        assertThat(m.total()).isZero();
        assertThat(m.groups()).isEmpty();
    }

    @Test
    void everyConditionMustHoldAndReasonsSayWhich() {
        Matched m = matching.preview("纺织", conditions("订单", null, "纺织业", "trade-news"), OCTOBER);
        assertThat(m.subscriptionId()).isZero();
        assertThat(m.groups()).hasSize(1);
        Matched.Item item = m.groups().get(0).items().get(0);
        assertThat(item.title()).isEqualTo("德国纺织订单回落");
        assertThat(item.reasons()).extracting(Matched.Reason::kind).containsExactly("KEYWORD", "INDUSTRY", "MODULE");
        assertThat(item.reasonsEn()).contains("title contains: 订单").contains("industry: Manufacture of Textiles");
    }

    @Test
    void aModuleListsItsTenNewestButCountsAll() {
        Matched m = matching.month(subscription(1, "一带一路", conditions(null, null, null, "belt-and-road")), OCTOBER);
        Matched.Group g = m.groups().get(0);
        assertThat(g.total()).isEqualTo(12);
        assertThat(g.items()).hasSize(Matching.PER_MODULE);
        assertThat(g.items().get(0).title()).isEqualTo("一带一路沙特项目进展11");
        assertThat(g.moreHref()).isEqualTo("/search/belt-and-road");
    }

    @Test
    void theCachedViewAsksOncePerDistinctConditions() {
        Matching.Cached cached = matching.cached();
        Conditions uae = conditions(null, "AE", null, null);
        Matched a = cached.month(subscription(1, "甲", uae), OCTOBER);
        Matched b = cached.month(subscription(2, "乙", conditions(null, "阿联酋", null, null)), OCTOBER);
        cached.month(subscription(3, "丙", conditions(null, "DE", null, null)), OCTOBER);
        assertThat(cached.queries()).isEqualTo(2);
        assertThat(b.total()).isEqualTo(a.total());
        assertThat(b.subscriptionId()).isEqualTo(2);
        assertThat(b.name()).isEqualTo("乙");
    }

    @Test
    void allRiskInformationSaysSo() {
        Matched m = matching.month(subscription(1, "全部", conditions(null, null, null, null)), OCTOBER);
        assertThat(m.total()).isEqualTo(16);
        assertThat(m.groups().get(0).items().get(0).reasonsZh()).isEqualTo("订阅全部风险信息");
    }
}
