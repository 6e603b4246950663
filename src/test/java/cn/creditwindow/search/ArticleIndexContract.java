package cn.creditwindow.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.search.ArticleIndex.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArticleIndex} does, the same on each engine (#16): the embedded index runs these as
 * {@link LuceneArticleIndexTest}, a SolrCloud collection as {@link SolrArticleIndexIT}. Each test starts from an
 * empty index.
 */
abstract class ArticleIndexContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected ArticleIndex index;

    /** A new, empty index of the engine under test, with {@link #ancestors} as the industry tree. */
    protected abstract ArticleIndex open() throws IOException;

    @BeforeEach
    void openIndex() throws IOException {
        index = open();
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
    }

    /** A stand-in for the industry tree: 光伏 is under 新能源, 17 under C. */
    static Collection<String> ancestors(Collection<String> codes) {
        Set<String> out = new java.util.TreeSet<>(codes);
        if (codes.contains("photovoltaics")) {
            out.add("new-energy");
        }
        if (codes.contains("17")) {
            out.add("C");
        }
        return out;
    }

    static Article article(String id, Module module, String title, int day, List<String> countries,
                                   List<String> industries) {
        return new Article(id, module, title, "<p>" + title + "正文</p>", T0.plusSeconds(day * 86_400L),
                "测试来源", "https://risk.example.cn/" + id, countries, industries, List.of());
    }

    static Article article(String id, String title, int day) {
        return article(id, Module.TRADE_NEWS, title, day, List.of(), List.of());
    }

    List<String> titles(ArticleQuery q) {
        return index.search(q).items().stream().map(Hit::title).toList();
    }

    List<String> titles(String... keywords) {
        return titles(ArticleQuery.builder().keywords(List.of(keywords)).build());
    }

    @Test
    void keywordFindsEveryTitleContainingIt() throws IOException {
        index.upsert(List.of(
                article("a", "纺织业出口承压", 1),
                article("b", "沙特阿拉伯基建项目付款延迟", 2),
                article("c", "共建一带一路国家贸易增长", 3),
                article("d", "一带一路", 4),
                article("e", "纺纱企业订单回升", 5)));
        assertThat(titles("纺织")).containsExactly("纺织业出口承压");
        assertThat(titles("沙特")).containsExactly("沙特阿拉伯基建项目付款延迟");
        assertThat(titles("一带一路")).containsExactly("一带一路", "共建一带一路国家贸易增长");
        assertThat(titles("纺")).containsExactly("纺纱企业订单回升", "纺织业出口承压");
        assertThat(titles("织业出")).containsExactly("纺织业出口承压");
        assertThat(titles("出口订单")).isEmpty();
    }

    @Test
    void allKeywordsMustMatch() throws IOException {
        index.upsert(List.of(
                article("a", "美国加征关税影响光伏出口", 1),
                article("b", "欧盟关税调整", 2),
                article("c", "美国大选结果揭晓", 3)));
        assertThat(titles("美国", "关税")).containsExactly("美国加征关税影响光伏出口");
        assertThat(titles(ArticleQuery.builder().keywords(List.of("关税")).build())).hasSize(2);
    }

    @Test
    void latinMatchesAtTheStartOfAWordCaseInsensitively() throws IOException {
        index.upsert(List.of(
                article("a", "苹果发布iPhoneX新机", 1),
                article("b", "iPhone8降价促销", 2),
                article("c", "JinAir航线调整", 3),
                article("d", "AI芯片出口管制升级", 4),
                article("e", "宏碁4745G笔记本停产", 5),
                article("f", "5G手机出口增长", 6)));
        assertThat(titles("iphone")).containsExactly("iPhone8降价促销", "苹果发布iPhoneX新机");
        assertThat(titles("AI")).containsExactly("AI芯片出口管制升级");
        assertThat(titles("ai芯片")).containsExactly("AI芯片出口管制升级");
        assertThat(titles("5G")).containsExactly("5G手机出口增长");
        assertThat(titles("5g手")).containsExactly("5G手机出口增长");
    }

    @Test
    void traditionalKeywordsFindSimplifiedTitles() throws IOException {
        index.upsert(List.of(article("a", "美国对华关税再升级", 1), article("b", "關稅談判重啟", 2)));
        assertThat(titles("美國")).containsExactly("美国对华关税再升级");
        assertThat(titles("关税")).containsExactly("關稅談判重啟", "美国对华关税再升级");
    }

    @Test
    void wholeWordMatchesRankAboveAccidentalSubstrings() throws IOException {
        index.upsert(List.of(
                article("a", "中美洲多国货币贬值", 9),
                article("b", "中美贸易谈判取得进展", 1)));
        ArticleQuery relevance = ArticleQuery.builder().keyword("中美").order(ArticleQuery.Order.RELEVANCE).build();
        assertThat(titles(relevance)).containsExactly("中美贸易谈判取得进展", "中美洲多国货币贬值");
        assertThat(titles("中美")).containsExactly("中美洲多国货币贬值", "中美贸易谈判取得进展");
    }

    @Test
    void titleHighlightingEscapesAndMarksKeywords() throws IOException {
        index.upsert(List.of(article("a", "警惕<script>钓鱼</script>邮件冒充美國买家", 1)));
        Hit hit = index.search(ArticleQuery.builder().keywords(List.of("钓鱼", "美国")).build()).items().get(0);
        assertThat(hit.titleHighlighted())
                .isEqualTo("警惕&lt;script&gt;<em>钓鱼</em>&lt;/script&gt;邮件冒充<em>美國</em>买家");
    }

    @Test
    void filtersCombineAndValuesWithinAFilterAreAlternatives() throws IOException {
        index.upsert(List.of(
                article("a", Module.COUNTRY_ALERT, "阿联酋买家破产", 1, List.of("AE"), List.of()),
                article("b", Module.COUNTRY_ALERT, "沙特付款延迟", 2, List.of("SA"), List.of("17")),
                article("c", Module.INDUSTRY_ALERT, "光伏组件反倾销", 3, List.of("US"), List.of("photovoltaics")),
                article("d", Module.TRADE_NEWS, "纺织品配额", 4, List.of("US"), List.of("17"))));
        assertThat(titles(ArticleQuery.builder().countries(List.of("AE", "SA")).build()))
                .containsExactly("沙特付款延迟", "阿联酋买家破产");
        assertThat(titles(ArticleQuery.builder().countries(List.of("US")).industries(List.of("17")).build()))
                .containsExactly("纺织品配额");
        assertThat(titles(ArticleQuery.builder().industries(List.of("new-energy")).build()))
                .containsExactly("光伏组件反倾销");
        assertThat(titles(ArticleQuery.builder().industries(List.of("C")).build()))
                .containsExactly("纺织品配额", "沙特付款延迟");
        assertThat(titles(ArticleQuery.builder().modules(List.of(Module.COUNTRY_ALERT)).build())).hasSize(2);
        assertThat(titles(ArticleQuery.builder().from(T0.plusSeconds(2 * 86_400L)).to(T0.plusSeconds(4 * 86_400L)).build()))
                .containsExactly("光伏组件反倾销", "沙特付款延迟");
        SearchPage page = index.search(ArticleQuery.all());
        assertThat(page.facets().module()).containsEntry("country-alert", 2L).containsEntry("trade-news", 1L);
        assertThat(page.facets().country()).containsEntry("US", 2L).containsEntry("AE", 1L);
        assertThat(page.facets().industry()).containsEntry("17", 2L).containsEntry("C", 2L)
                .containsEntry("new-energy", 1L);
        assertThat(page.items().get(0).industries()).containsExactly("17");
    }

    @Test
    void pagesAreNewestFirstWithExactTotals() throws IOException {
        List<Article> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(article("n" + i, "关税新闻第" + i + "号", i));
        }
        // several batches, so that the index has several segments
        index.upsert(many.subList(0, 13));
        index.upsert(many.subList(13, 29));
        index.upsert(many.subList(29, 40));
        SearchPage p1 = index.search(ArticleQuery.builder().keyword("关税").build());
        assertThat(p1.total()).isEqualTo(40);
        assertThat(p1.items()).hasSize(15);
        assertThat(p1.items().get(0).title()).isEqualTo("关税新闻第39号");
        SearchPage p3 = index.search(ArticleQuery.builder().keyword("关税").page(3).build());
        assertThat(p3.items()).extracting(Hit::title).containsExactly("关税新闻第9号", "关税新闻第8号", "关税新闻第7号",
                "关税新闻第6号", "关税新闻第5号", "关税新闻第4号", "关税新闻第3号", "关税新闻第2号", "关税新闻第1号", "关税新闻第0号");
        assertThat(index.search(ArticleQuery.builder().keyword("关税").page(4).build()).items()).isEmpty();
        // past the end is an empty page, even far beyond the result window
        assertThat(index.search(ArticleQuery.builder().page(700).size(15).build()).items()).isEmpty();
        assertThat(index.search(ArticleQuery.builder().keyword("不存在").page(700).build()).items()).isEmpty();
    }

    @Test
    void overviewGivesEveryModuleItsTotalAndNewestItems() throws IOException {
        index.upsert(List.of(
                article("a", Module.COUNTRY_ALERT, "俄罗斯关税调整", 1, List.of(), List.of()),
                article("b", Module.COUNTRY_ALERT, "土耳其关税上调", 2, List.of(), List.of()),
                article("c", Module.COUNTRY_ALERT, "巴西关税下调", 3, List.of(), List.of()),
                article("d", Module.TRADE_NEWS, "欧盟关税新规", 4, List.of(), List.of()),
                article("e", Module.BELT_AND_ROAD, "中欧班列开行", 5, List.of(), List.of())));
        Overview o = index.overview(ArticleQuery.builder().keyword("关税").build(), 2);
        assertThat(o.modules()).extracting(p -> p.module().id())
                .containsExactly("country-alert", "industry-alert", "belt-and-road", "trade-news");
        assertThat(o.modules().get(0).total()).isEqualTo(3);
        assertThat(o.modules().get(0).items()).extracting(Hit::title).containsExactly("巴西关税下调", "土耳其关税上调");
        assertThat(o.modules().get(1).total()).isZero();
        assertThat(o.modules().get(1).items()).isEmpty();
        assertThat(o.modules().get(2).total()).isZero();
        assertThat(o.modules().get(3).items()).extracting(Hit::title).containsExactly("欧盟关税新规");
    }

    @Test
    void overviewKeepsPerModuleItemsAcrossSegments() throws IOException {
        // each upsert commits a segment; the overview once returned perModule items from each of them
        for (int day = 1; day <= 4; day++) {
            index.upsert(List.of(article("s" + day, Module.COUNTRY_ALERT, "第" + day + "期国别预警", day, List.of(),
                    List.of())));
        }
        Overview o = index.overview(ArticleQuery.all(), 2);
        assertThat(o.modules().get(0).total()).isEqualTo(4);
        assertThat(o.modules().get(0).items()).extracting(Hit::title).containsExactly("第4期国别预警", "第3期国别预警");
    }

    @Test
    void upsertTellsNewUpdatedAndUnchanged() throws IOException {
        Article a = article("a", "原标题", 1);
        assertThat(index.upsert(List.of(a))).containsExactly(Outcome.NEW);
        assertThat(index.upsert(List.of(a))).containsExactly(Outcome.UNCHANGED);
        Article changed = article("a", "新标题", 1);
        assertThat(index.upsert(List.of(changed))).containsExactly(Outcome.UPDATED);
        assertThat(index.count()).isEqualTo(1);
        assertThat(titles("标题")).containsExactly("新标题");
        assertThat(index.upsert(List.of(article("b", "一", 1), article("b", "二", 1))))
                .containsExactly(Outcome.NEW, Outcome.UPDATED);
        assertThat(index.find("b")).get().extracting(Article::title).isEqualTo("二");
    }

    // #16: deletes
    @Test
    void deletedArticlesAreGoneFromSearchOverviewFacetsTotalsAndFind() throws IOException {
        index.upsert(List.of(
                article("a", Module.COUNTRY_ALERT, "沙特关税上调", 1, List.of("SA"), List.of("17")),
                article("b", Module.COUNTRY_ALERT, "阿联酋关税下调", 2, List.of("AE"), List.of()),
                article("c", Module.TRADE_NEWS, "欧盟关税新规", 3, List.of("SA"), List.of())));
        ArticleQuery tariffs = ArticleQuery.builder().keyword("关税").build();
        // asked once before, so that an engine that caches results has these answers to serve
        assertThat(index.search(tariffs).total()).isEqualTo(3);
        assertThat(index.overview(tariffs, 5).modules().get(0).total()).isEqualTo(2);

        assertThat(index.delete(List.of("a", "c", "a"))).isEqualTo(2);

        SearchPage page = index.search(tariffs);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).extracting(Hit::title).containsExactly("阿联酋关税下调");
        assertThat(page.facets().module()).containsOnlyKeys("country-alert").containsEntry("country-alert", 1L);
        assertThat(page.facets().country()).containsOnlyKeys("AE");
        assertThat(page.facets().industry()).isEmpty();
        Overview o = index.overview(tariffs, 5);
        assertThat(o.modules().get(0).total()).isEqualTo(1);
        assertThat(o.modules().get(0).items()).extracting(Hit::id).containsExactly("b");
        assertThat(o.modules().get(3).total()).isZero();
        assertThat(o.modules().get(3).items()).isEmpty();
        assertThat(index.search(ArticleQuery.builder().countries(List.of("SA")).build()).total()).isZero();
        assertThat(index.find("a")).isEmpty();
        assertThat(index.find("c")).isEmpty();
        assertThat(index.find("b")).isPresent();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void deletingWhatIsNotStoredCountsNothing() throws IOException {
        index.upsert(List.of(article("a", "只此一篇", 1)));
        assertThat(index.delete(List.of("nope"))).isZero();
        assertThat(index.delete(List.of())).isZero();
        assertThat(index.count()).isEqualTo(1);
        assertThat(index.delete(List.of("a", "nope"))).isEqualTo(1);
        assertThat(index.delete(List.of("a"))).isZero();
        assertThat(index.count()).isZero();
    }

    @Test
    void aDeletedIdMayBeStoredAgain() throws IOException {
        Article a = article("a", "撤下后重新发布", 1);
        index.upsert(List.of(a));
        index.delete(List.of("a"));
        assertThat(index.upsert(List.of(a))).containsExactly(Outcome.NEW);
        assertThat(titles("重新发布")).containsExactly("撤下后重新发布");
        assertThat(index.find("a")).contains(a);
    }

    @Test
    void findReturnsTheWholeArticle() throws IOException {
        Article a = new Article("x1", Module.INDUSTRY_ALERT, "光伏行业预警", "<p>正文</p>", T0, "信保研究",
                "https://risk.example.cn/x1", List.of("DE", "FR"), List.of("photovoltaics"),
                List.of(new Attachment("统计.csv", "industry-alerts/attachments/a.csv", "text/csv", 120)));
        index.upsert(List.of(a));
        assertThat(index.find("x1")).contains(a);
        assertThat(index.find("nope")).isEmpty();
        assertThat(index.search(ArticleQuery.all()).items().get(0).hasAttachments()).isTrue();
    }

    @Test
    void cachedResultsNeverHideANewArticle() throws IOException {
        index.upsert(List.of(article("a", "关税一", 1)));
        assertThat(index.search(ArticleQuery.builder().keyword("关税").build()).total()).isEqualTo(1);
        index.upsert(List.of(article("b", "关税二", 2)));
        assertThat(index.search(ArticleQuery.builder().keyword("关税").build()).total()).isEqualTo(2);
    }

    @Test
    void scopeAllAlsoSearchesBodies() throws IOException {
        index.upsert(List.of(new Article("a", Module.TRADE_NEWS, "市场动态", "<p>墨西哥提高钢材进口关税</p>", T0, "", "",
                List.of(), List.of(), List.of())));
        assertThat(titles("墨西哥")).isEmpty();
        assertThat(titles(ArticleQuery.builder().keyword("墨西哥").scope(ArticleQuery.Scope.ALL).build()))
                .containsExactly("市场动态");
    }
}
