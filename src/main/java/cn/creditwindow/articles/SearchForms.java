package cn.creditwindow.articles;

import cn.creditwindow.search.Module;

import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.reference.Industry;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.Facets;
import cn.creditwindow.web.Lang;
import cn.creditwindow.web.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Fills in the {@link SearchForm}: the inputs show the chosen countries and industries by name, and
 * the suggestions carry counts. Each list's counts come from the query without its own condition (so
 * with 阿联酋 chosen, the country list still says how many match every other country).
 */
final class SearchForms {
    private final ArticleIndex index;
    private final ArticleQueries queries;
    private final Countries countries;
    private final Industries industries;

    SearchForms(ArticleIndex index, ArticleQueries queries, Countries countries, Industries industries) {
        this.index = Objects.requireNonNull(index, "index");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
    }

    /**
     * @param conditions the conditions as typed
     * @param query      the same, validated and resolved to codes
     * @param module     the module whose list the form is on, or null on the query page
     */
    SearchForm form(SearchConditions conditions, ArticleQuery query, Module module, Messages m) {
        Lang lang = m.lang();
        String action = module == null ? "/search" : "/search/" + module.id();
        Function<String, String> resetOf = field -> module == null ? conditions.without(field).searchHref()
                : conditions.without(field).moduleHref(module);
        String countryText = names(query.countries(), c -> countries.find(c).map(x -> value(lang, x)).orElse(c));
        String industryText = names(query.industries(), c -> industries.find(c).map(x -> value(lang, x)).orElse(c));
        List<SearchForm.ActiveCondition> active = new ArrayList<>();
        if (!conditions.q().isEmpty()) {
            active.add(new SearchForm.ActiveCondition(SearchConditions.Q, conditions.q(),
                    resetOf.apply(SearchConditions.Q)));
        }
        if (!countryText.isEmpty()) {
            active.add(new SearchForm.ActiveCondition(SearchConditions.COUNTRY, countryText,
                    resetOf.apply(SearchConditions.COUNTRY)));
        }
        if (!industryText.isEmpty()) {
            active.add(new SearchForm.ActiveCondition(SearchConditions.INDUSTRY, industryText,
                    resetOf.apply(SearchConditions.INDUSTRY)));
        }
        return new SearchForm(action, conditions.q(), countryText, industryText,
                countryOptions(conditions, m), industryOptions(conditions, m), active, action);
    }

    private List<SearchForm.Option> countryOptions(SearchConditions conditions, Messages m) {
        Map<String, Long> counts = countsWithout(conditions, SearchConditions.COUNTRY).country();
        List<Country> all = new ArrayList<>(countries.all());
        all.sort(byCount(counts, Country::alpha2));
        return all.stream().map(c -> new SearchForm.Option(value(m.lang(), c),
                label(m, m.lang().pick(c.nameEn(), c.nameZh()), c.alpha2(), counts.get(c.alpha2())))).toList();
    }

    private List<SearchForm.Option> industryOptions(SearchConditions conditions, Messages m) {
        Map<String, Long> counts = countsWithout(conditions, SearchConditions.INDUSTRY).industry();
        List<Industry> all = new ArrayList<>(industries.all());
        all.sort(byCount(counts, Industry::code));
        return all.stream().map(i -> new SearchForm.Option(value(m.lang(), i),
                label(m, m.lang().pick(i.nameEn(), i.nameZh()), i.code(), counts.get(i.code())))).toList();
    }

    private Facets countsWithout(SearchConditions conditions, String field) {
        Map<String, String> params = conditions.without(field).params();
        params.put("size", "1");
        return index.search(queries.parse(params)).facets();
    }

    /** Those with matches first, most matches first; the rest in their list's order (a stable sort). */
    private static <T> Comparator<T> byCount(Map<String, Long> counts, Function<T, String> code) {
        return Comparator.comparingLong(t -> -counts.getOrDefault(code.apply(t), 0L));
    }

    private static String label(Messages m, String otherName, String code, Long count) {
        String label = otherName + " · " + code;
        return count == null || count == 0 ? label : label + " · " + m.plural("count.items", count);
    }

    /** What a country input shows and sends: its name in the page's language. */
    private static String value(Lang lang, Country c) {
        return lang.pick(c.nameZh(), c.nameEn());
    }

    /** What an industry input shows and sends: its name, or its code where the name has a comma (a list separator). */
    private static String value(Lang lang, Industry i) {
        String name = lang.pick(i.nameZh(), i.nameEn());
        return name.contains(",") || name.contains("，") ? i.code() : name;
    }

    private static String names(Iterable<String> codes, UnaryOperator<String> name) {
        List<String> out = new ArrayList<>();
        codes.forEach(c -> out.add(name.apply(c)));
        return String.join(",", out);
    }
}
