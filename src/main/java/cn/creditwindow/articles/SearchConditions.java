package cn.creditwindow.articles;

import cn.creditwindow.search.Module;

import cn.creditwindow.web.QueryString;
import java.util.HashMap;
import java.util.Map;

/**
 * The conditions of a risk-information query as the pages carry them in their URLs, as typed:
 * {@code q} (keywords), {@code country} and {@code industry} (codes or names, comma-separated for
 * several). Blank means unset. Every link a page draws carries them, so a bookmark, a shared link or
 * the back button brings back the same query.
 */
public record SearchConditions(String q, String country, String industry) {
    /** The query parameter names, also the names of the form's inputs. */
    static final String Q = "q";
    static final String COUNTRY = "country";
    static final String INDUSTRY = "industry";

    public SearchConditions {
        q = clean(q);
        country = clean(country);
        industry = clean(industry);
    }

    public static SearchConditions none() {
        return new SearchConditions("", "", "");
    }

    /** True when no condition is set (the query lists everything). */
    public boolean isEmpty() {
        return q.isEmpty() && country.isEmpty() && industry.isEmpty();
    }

    /** The set conditions as parameters for {@link ArticleQueries#parse} (a new, modifiable map). */
    Map<String, String> params() {
        Map<String, String> params = new HashMap<>();
        put(params, Q, q);
        put(params, COUNTRY, country);
        put(params, INDUSTRY, industry);
        return params;
    }

    /** These conditions without one of them. */
    SearchConditions without(String field) {
        return switch (field) {
            case Q -> new SearchConditions("", country, industry);
            case COUNTRY -> new SearchConditions(q, "", industry);
            case INDUSTRY -> new SearchConditions(q, country, "");
            default -> throw new IllegalArgumentException("no search condition '" + field + "'");
        };
    }

    /** The query page (all modules) with these conditions. */
    public String searchHref() {
        return query().appendTo("/search");
    }

    /** A module's list with these conditions, first page. */
    public String moduleHref(Module module) {
        return moduleHref(module, 1);
    }

    /** A module's list with these conditions, page {@code page}. */
    public String moduleHref(Module module, int page) {
        QueryString query = query();
        if (page > 1) {
            query.add("page", page);
        }
        return query.appendTo("/search/" + module.id());
    }

    private QueryString query() {
        return QueryString.of().add(Q, q).add(COUNTRY, country).add(INDUSTRY, industry);
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (!value.isEmpty()) {
            params.put(name, value);
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
