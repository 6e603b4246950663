package cn.creditwindow.articles;

import cn.creditwindow.search.Module;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchConditionsTest {
    private final SearchConditions c = new SearchConditions(" 关税 ", "美国", null);

    @Test
    void linksCarryTheSetConditionsAndOnlyThose() {
        assertThat(c.searchHref()).isEqualTo("/search?q=%E5%85%B3%E7%A8%8E&country=%E7%BE%8E%E5%9B%BD");
        assertThat(c.moduleHref(Module.TRADE_NEWS))
                .isEqualTo("/search/trade-news?q=%E5%85%B3%E7%A8%8E&country=%E7%BE%8E%E5%9B%BD");
        assertThat(c.moduleHref(Module.TRADE_NEWS, 2)).endsWith("&page=2");
        assertThat(SearchConditions.none().searchHref()).isEqualTo("/search");
    }

    @Test
    void aConditionCanBeDropped() {
        assertThat(c.without("country")).isEqualTo(new SearchConditions("关税", "", ""));
        assertThat(c.without("q").without("country").isEmpty()).isTrue();
        assertThat(c.params()).containsOnlyKeys("q", "country").containsEntry("q", "关税");
    }
}
