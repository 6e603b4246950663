package cn.creditwindow.subscriptions;

import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.search.Module;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.reference.Industry;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a subscription looks for, validated and resolved to codes: the search page's conditions plus modules.
 * Within each kind any value matches (modules, countries, industries); every keyword must occur in the title —
 * exactly as the search index reads an {@link ArticleQuery}. Nothing set means all risk information.
 *
 * @param modules    any of them; empty = every module
 * @param countries  ISO alpha-2 codes, any of them; empty = any country
 * @param industries industry codes (a parent finds its children), any of them; empty = any industry
 * @param keywords   each must occur in the title; empty = no keyword condition
 */
record Conditions(List<Module> modules, List<String> countries, List<String> industries,
                         List<String> keywords) {
    /** Most values of one kind. */
    public static final int MAX_VALUES = 30;

    public Conditions {
        modules = List.copyOf(modules);
        countries = List.copyOf(countries);
        industries = List.copyOf(industries);
        keywords = List.copyOf(keywords);
    }

    /**
     * Parses conditions as users type them — the search page's {@code q}, {@code country}, {@code industry} (codes,
     * names or aliases, comma-separated) and {@code module} (ids, comma-separated) — with the search's own parser, so
     * a subscription accepts exactly what the search page accepts.
     *
     * @throws InvalidInputException naming each bad field ({@code q}, {@code country}, {@code industry},
     *                               {@code module}) in Chinese and English
     */
    public static Conditions parse(ArticleQueries queries, String q, String country, String industry, String module) {
        Map<String, String> params = new HashMap<>();
        put(params, "q", q);
        put(params, "country", country);
        put(params, "industry", industry);
        put(params, "module", module);
        ArticleQuery query = queries.parse(params);
        List<FieldError> errors = new ArrayList<>();
        tooMany(errors, "country", query.countries().size(), "国家或地区");
        tooMany(errors, "industry", query.industries().size(), "行业");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Module> modules = Arrays.stream(Module.values()).filter(query.modules()::contains).toList();
        return new Conditions(modules, query.countries().stream().sorted().toList(),
                query.industries().stream().sorted().toList(), query.keywords());
    }

    /** Reads conditions as {@link #store} wrote them (trusted: they were validated when saved). */
    static Conditions stored(String modules, String countries, String industries, String keywords) {
        return new Conditions(split(modules, ",").stream().map(id -> Module.byId(id).orElseThrow(() ->
                new IllegalStateException("stored module '" + id + "' is unknown"))).toList(),
                split(countries, ","), split(industries, ","), split(keywords, " "));
    }

    /** The columns {@code modules, countries, industries, keywords} as stored. */
    List<String> store() {
        return List.of(String.join(",", modules.stream().map(Module::id).toList()), String.join(",", countries),
                String.join(",", industries), String.join(" ", keywords));
    }

    /** True when nothing is set: the subscription takes all risk information. */
    public boolean isEmpty() {
        return modules.isEmpty() && countries.isEmpty() && industries.isEmpty() && keywords.isEmpty();
    }

    /** The keywords as the search form's {@code q}. */
    public String q() {
        return String.join(" ", keywords);
    }

    /** The countries as the search form's {@code country} (codes, which it accepts). */
    public String country() {
        return String.join(",", countries);
    }

    /** The industries as the search form's {@code industry} (codes). */
    public String industry() {
        return String.join(",", industries);
    }

    /** The modules as ids, comma-separated. */
    public String module() {
        return String.join(",", modules.stream().map(Module::id).toList());
    }

    /**
     * The query for articles published in {@code [from, to)}, newest first, without facets (a digest needs no
     * counts by country).
     */
    public ArticleQuery query(Instant from, Instant to, int size) {
        return ArticleQuery.builder().keywords(keywords).countries(countries).industries(industries).modules(modules)
                .from(from).to(to).size(size).facets(false).build();
    }

    /** A one-line description, e.g. {@code 国家：阿联酋；关键字：关税} (or in English). */
    public String describe(Countries allCountries, Industries allIndustries, boolean chinese) {
        if (isEmpty()) {
            return chinese ? "全部风险信息" : "all risk information";
        }
        List<String> parts = new ArrayList<>();
        part(parts, chinese ? "栏目" : "modules", modules, m -> chinese ? m.nameZh() : m.nameEn(), chinese);
        part(parts, chinese ? "国家" : "countries", countries, c -> allCountries.find(c)
                .map(x -> chinese ? x.nameZh() : x.nameEn()).orElse(c), chinese);
        part(parts, chinese ? "行业" : "industries", industries, c -> allIndustries.find(c)
                .map(x -> chinese ? x.nameZh() : x.nameEn()).orElse(c), chinese);
        part(parts, chinese ? "关键字" : "keywords", keywords, k -> k, chinese);
        return String.join(chinese ? "；" : "; ", parts);
    }

    /** Names of countries in a language, for reasons. */
    static String countryName(Countries all, String code, boolean chinese) {
        return all.find(code).map((Country c) -> chinese ? c.nameZh() : c.nameEn()).orElse(code);
    }

    /** Names of industries in a language, for reasons. */
    static String industryName(Industries all, String code, boolean chinese) {
        return all.find(code).map((Industry i) -> chinese ? i.nameZh() : i.nameEn()).orElse(code);
    }

    private static <T> void part(List<String> parts, String label, Collection<T> values, Function<T, String> name,
                                 boolean chinese) {
        if (!values.isEmpty()) {
            parts.add(label + (chinese ? "：" : ": ") + String.join(chinese ? "、" : ", ",
                    values.stream().map(name).toList()));
        }
    }

    private static void tooMany(List<FieldError> errors, String field, int n, String zh) {
        if (n > MAX_VALUES) {
            errors.add(new FieldError(field, zh + "最多 " + MAX_VALUES + " 个，不能是 " + n + " 个",
                    "at most " + MAX_VALUES + " values in " + field + ", not " + n));
        }
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    private static List<String> split(String stored, String separator) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(separator));
    }
}
