package cn.creditwindow.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.Module;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subscription's conditions: parsed as the search page parses them, stored and read back, described. */
class ConditionsTest {
    private static final Countries COUNTRIES = Countries.load();
    private static final Industries INDUSTRIES = Industries.load();
    private static final ArticleQueries QUERIES = new ArticleQueries(COUNTRIES, INDUSTRIES, Config.CHINA);

    @Test
    void namesAndAliasesBecomeSortedCodesAndModulesKeepTheirOrder() {
        Conditions c = Conditions.parse(QUERIES, "关税 付款", "德国,阿联酋", "纺织业", "trade-news,country-alert");
        assertThat(c.countries()).containsExactly("AE", "DE");
        assertThat(c.industries()).containsExactly("17");
        assertThat(c.keywords()).containsExactly("关税", "付款");
        // in the modules' own order, not as typed
        assertThat(c.modules()).containsExactly(Module.COUNTRY_ALERT, Module.TRADE_NEWS);
        assertThat(c.q()).isEqualTo("关税 付款");
        assertThat(c.country()).isEqualTo("AE,DE");
        assertThat(c.module()).isEqualTo("country-alert,trade-news");
        assertThat(c.isEmpty()).isFalse();
    }

    @Test
    void nothingSetIsAllRiskInformation() {
        Conditions c = Conditions.parse(QUERIES, " ", null, "", null);
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.describe(COUNTRIES, INDUSTRIES, true)).isEqualTo("全部风险信息");
        assertThat(c.describe(COUNTRIES, INDUSTRIES, false)).isEqualTo("all risk information");
    }

    @Test
    void everyBadFieldIsNamedInBothLanguages() {
        assertThatThrownBy(() -> Conditions.parse(QUERIES, null, "火星国", "不存在的行业", "weather"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("country", "industry", "module");
                    assertThat(e.errors()).allSatisfy(f -> {
                        assertThat(f.zh()).isNotBlank();
                        assertThat(f.en()).isNotBlank();
                    });
                });
    }

    @Test
    void moreThanThirtyCountriesAreRefused() {
        List<String> codes = COUNTRIES.all().stream().map(c -> c.alpha2()).limit(Conditions.MAX_VALUES + 1).toList();
        assertThat(Conditions.parse(QUERIES, null, String.join(",", codes.subList(0, 30)), null, null).countries())
                .hasSize(30);
        assertThatThrownBy(() -> Conditions.parse(QUERIES, null, String.join(",", codes), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("country");
                    assertThat(e.errors().get(0).en()).isEqualTo("at most 30 values in country, not 31");
                });
    }

    @Test
    void whatIsStoredReadsBackTheSame() {
        Conditions c = Conditions.parse(QUERIES, "关税 付款", "AE,DE", "17", "belt-and-road");
        List<String> stored = c.store();
        assertThat(stored).containsExactly("belt-and-road", "AE,DE", "17", "关税 付款");
        assertThat(Conditions.stored(stored.get(0), stored.get(1), stored.get(2), stored.get(3))).isEqualTo(c);
        Conditions empty = Conditions.stored("", "", "", "");
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.store()).containsExactly("", "", "", "");
        assertThatThrownBy(() -> Conditions.stored("weather", "", "", "")).isInstanceOf(IllegalStateException.class)
                .hasMessage("stored module 'weather' is unknown");
    }

    @Test
    void theDescriptionNamesEachKindInTheLanguage() {
        Conditions c = Conditions.parse(QUERIES, "关税", "AE,DE", "17", "country-alert");
        assertThat(c.describe(COUNTRIES, INDUSTRIES, true))
                .isEqualTo("栏目：国别信息预警；国家：阿联酋、德国；行业：纺织业；关键字：关税");
        assertThat(c.describe(COUNTRIES, INDUSTRIES, false)).isEqualTo("modules: Country risk alerts; countries:"
                + " United Arab Emirates, Germany; industries: Manufacture of Textiles; keywords: 关税");
    }

    @Test
    void theQueryCoversTheGivenPeriodWithoutFacets() {
        Conditions c = Conditions.parse(QUERIES, "关税", "AE", null, null);
        Instant from = Instant.parse("2026-09-30T16:00:00Z");
        Instant to = Instant.parse("2026-10-31T16:00:00Z");
        var q = c.query(from, to, 10);
        assertThat(q.from()).isEqualTo(from);
        assertThat(q.to()).isEqualTo(to);
        assertThat(q.size()).isEqualTo(10);
        assertThat(q.facets()).isFalse();
        assertThat(q.keywords()).containsExactly("关税");
        assertThat(q.countries()).containsExactly("AE");
    }

    @Test
    void valuesAreCopied() {
        List<String> codes = new java.util.ArrayList<>(List.of("AE"));
        Conditions c = new Conditions(List.of(), codes, List.of(), List.of());
        codes.add("DE");
        assertThat(c.countries()).containsExactly("AE");
    }
}
