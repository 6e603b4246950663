package cn.creditwindow.articles;

import cn.creditwindow.search.Module;

import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.reference.Industry;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a search request as users and scripts write it (the API's query parameters, the command
 * line's flags) into an {@link ArticleQuery}: countries and industries by code or name, modules by
 * id, dates as days or instants. Every bad value is reported, each with its field, at once.
 */
public final class ArticleQueries {
    /** Longest keyword string accepted. */
    public static final int MAX_Q_LENGTH = 200;
    /** Most keywords in one query. */
    public static final int MAX_KEYWORDS = 10;

    private final Countries countries;
    private final Industries industries;
    private final ZoneId zone;

    /**
     * @param zone where a bare date such as {@code 2026-11-01} starts and ends (China: Asia/Shanghai)
     */
    public ArticleQueries(Countries countries, Industries industries, ZoneId zone) {
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Parses request parameters: {@code q, country, industry, module, from, to, scope, sort, page,
     * size, facets}. Absent or blank parameters take their defaults.
     *
     * @throws InvalidInputException naming every bad parameter
     */
    public ArticleQuery parse(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        ArticleQuery.Builder b = ArticleQuery.builder();
        String q = param(params, "q");
        if (q != null) {
            List<String> keywords = keywords(q);
            if (q.length() > MAX_Q_LENGTH) {
                errors.add(new FieldError("q", "关键字不能超过" + MAX_Q_LENGTH + "个字符",
                        "q must be at most " + MAX_Q_LENGTH + " characters"));
            } else if (keywords.size() > MAX_KEYWORDS) {
                errors.add(new FieldError("q", "关键字不能超过" + MAX_KEYWORDS + "个",
                        "q may hold at most " + MAX_KEYWORDS + " keywords"));
            }
            b.keywords(keywords);
        }
        b.countries(resolveAll(params, "country", errors, v -> countries.find(v).map(Country::alpha2),
                "未知的国家或地区", "unknown country"));
        b.industries(resolveAll(params, "industry", errors, v -> industries.find(v).map(Industry::code),
                "未知的行业", "unknown industry"));
        List<Module> modules = new ArrayList<>();
        for (String id : list(params, "module")) {
            Module.byId(id).ifPresentOrElse(modules::add, () -> errors.add(new FieldError("module",
                    "未知的栏目“" + id + "”，可选：country-alert、industry-alert、belt-and-road、trade-news",
                    "unknown module '" + id + "'; use country-alert, industry-alert, belt-and-road or trade-news")));
        }
        b.modules(modules);
        Instant from = instant(params, "from", false, errors);
        Instant to = instant(params, "to", true, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "结束日期必须晚于开始日期", "to must be after from"));
        }
        b.from(from).to(to);
        String scope = param(params, "scope");
        if (scope != null) {
            switch (scope.toLowerCase(Locale.ROOT)) {
                case "title" -> b.scope(ArticleQuery.Scope.TITLE);
                case "all" -> b.scope(ArticleQuery.Scope.ALL);
                default -> errors.add(new FieldError("scope", "scope 只能是 title 或 all",
                        "scope must be title or all, was '" + scope + "'"));
            }
        }
        String sort = param(params, "sort");
        if (sort != null) {
            switch (sort.toLowerCase(Locale.ROOT)) {
                case "date" -> b.order(ArticleQuery.Order.DATE);
                case "relevance" -> b.order(ArticleQuery.Order.RELEVANCE);
                default -> errors.add(new FieldError("sort", "sort 只能是 date 或 relevance",
                        "sort must be date or relevance, was '" + sort + "'"));
            }
        }
        String facets = param(params, "facets");
        if (facets != null) {
            switch (facets.toLowerCase(Locale.ROOT)) {
                case "true" -> b.facets(true);
                case "false" -> b.facets(false);
                default -> errors.add(new FieldError("facets", "facets 只能是 true 或 false",
                        "facets must be true or false, was '" + facets + "'"));
            }
        }
        b.page(integer(params, "page", 1, 1, Integer.MAX_VALUE / ArticleQuery.MAX_SIZE, errors));
        b.size(integer(params, "size", ArticleQuery.DEFAULT_SIZE, 1, ArticleQuery.MAX_SIZE, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return b.build();
    }

    /** What separates keywords: ASCII or ideographic white space (compiled once: split(regex) compiles per call). */
    private static final Pattern KEYWORD_SEPARATOR = Pattern.compile("[\\s\u3000]+");

    /** The keywords of a query string: separated by ASCII or ideographic white space. */
    public static List<String> keywords(String q) {
        List<String> out = new ArrayList<>();
        for (String part : KEYWORD_SEPARATOR.split(q.strip())) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /**
     * Reads an integer parameter within bounds.
     *
     * @throws InvalidInputException when it is not a whole number within [min, max]
     */
    public static int integer(Map<String, String> params, String name, int fallback, int min, int max) {
        List<FieldError> errors = new ArrayList<>();
        int value = integer(params, name, fallback, min, max, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return value;
    }

    private static int integer(Map<String, String> params, String name, int fallback, int min, int max,
                               List<FieldError> errors) {
        String raw = param(params, name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, name + " 必须是 " + min + " 到 " + max + " 之间的整数，不能是“" + raw + "”",
                name + " must be a whole number from " + min + " to " + max + ", was '" + raw + "'"));
        return fallback;
    }

    private interface Resolver {
        Optional<String> resolve(String value);
    }

    private static Set<String> resolveAll(Map<String, String> params, String name, List<FieldError> errors,
                                          Resolver resolver, String zh, String en) {
        Set<String> codes = new LinkedHashSet<>();
        for (String value : list(params, name)) {
            resolver.resolve(value).ifPresentOrElse(codes::add,
                    () -> errors.add(new FieldError(name, zh + "：“" + value + "”", en + ": '" + value + "'")));
        }
        return codes;
    }

    private Instant instant(Map<String, String> params, String name, boolean endOfDay, List<FieldError> errors) {
        String raw = param(params, name);
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, name + " 必须是日期（如 2026-11-01）或带时区的时间（如 2026-11-01T08:00:00+08:00）",
                    name + " must be a date like 2026-11-01 or a date-time with offset like 2026-11-01T08:00:00+08:00, was '"
                            + raw + "'"));
            return null;
        }
    }

    private static List<String> list(Map<String, String> params, String name) {
        String raw = param(params, name);
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : raw.split("[,，]")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String param(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
