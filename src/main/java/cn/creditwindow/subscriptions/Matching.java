package cn.creditwindow.subscriptions;

import cn.creditwindow.search.Module;
import cn.creditwindow.articles.SearchConditions;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.Hit;
import cn.creditwindow.search.Overview;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What subscriptions match, asked of the search index — the one matcher, so a digest never disagrees with the
 * search page: the subscription's conditions become an {@link ArticleQuery} with the period as {@code from} /
 * {@code to}, and one overview query gives each module's total and newest matches. "Why it matched" is then read
 * off each hit: the keywords (marked in the title by the index's highlighter), the subscription's countries and
 * industries the article carries (an industry also through its parents), its module.
 *
 * <p>Thread-safe. A {@link #cached()} view remembers the answer for each distinct set of conditions, for a run
 * over many subscriptions (identical conditions are asked once); it is not thread-safe.
 */
public final class Matching {
    /** Newest articles of each module a digest shows (the total says how many matched). */
    public static final int PER_MODULE = 10;

    private final ArticleIndex index;
    private final Countries countries;
    private final Industries industries;
    private final ZoneId zone;

    public Matching(ArticleIndex index, Countries countries, Industries industries, ZoneId zone) {
        this.index = Objects.requireNonNull(index, "index");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The first instant of a month in the users' zone (China). */
    public Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The month before the one {@code now} falls in, in the users' zone. */
    public YearMonth previousMonth(Instant now) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** What the subscription matched in the month. */
    public Matched month(Subscription s, YearMonth month) {
        return match(s.id(), s.name(), s.conditions(), start(month), start(month.plusMonths(1)), null);
    }

    /** What conditions not yet saved would have matched in the month (a preview). */
    public Matched preview(String name, Conditions c, YearMonth month) {
        return match(0, name, c, start(month), start(month.plusMonths(1)), null);
    }

    /** The newest matches of the conditions, any time (an Atom feed), newest first. */
    public List<Hit> newest(Conditions c, int n) {
        return index.search(c.query(null, null, n)).items();
    }

    /** A view that asks the index once per distinct conditions and period. Not thread-safe. */
    public Cached cached() {
        return new Cached();
    }

    /** See {@link #cached()}. */
    public final class Cached {
        private record Key(Conditions conditions, Instant from, Instant to) {
        }

        private final Map<Key, Overview> answers = new HashMap<>();
        private long asked;

        private Cached() {
        }

        /** What the subscription matched in the month. */
        public Matched month(Subscription s, YearMonth month) {
            return match(s.id(), s.name(), s.conditions(), start(month), start(month.plusMonths(1)), this);
        }

        /** How many index queries this view made (distinct conditions). */
        public long queries() {
            return asked;
        }

        Overview overview(Conditions c, Instant from, Instant to) {
            return answers.computeIfAbsent(new Key(c, from, to), k -> {
                asked++;
                return index.overview(c.query(from, to, PER_MODULE), PER_MODULE);
            });
        }
    }

    private Matched match(long id, String name, Conditions c, Instant from, Instant to, Cached cache) {
        Overview overview = cache != null ? cache.overview(c, from, to)
                : index.overview(c.query(from, to, PER_MODULE), PER_MODULE);
        SearchConditions search = new SearchConditions(c.q(), c.country(), c.industry());
        List<Matched.Group> groups = new ArrayList<>();
        for (Overview.ModulePanel panel : overview.modules()) {
            Module m = panel.module();
            // the overview answers every module: a subscription's modules keep theirs
            if (panel.total() == 0 || (!c.modules().isEmpty() && !c.modules().contains(m))) {
                continue;
            }
            List<Matched.Item> items = new ArrayList<>();
            for (Hit h : panel.items()) {
                items.add(new Matched.Item(h.id(), h.title(), h.titleHighlighted(), h.publishedAt(),
                        "/articles/" + h.id(), reasons(c, h)));
            }
            groups.add(new Matched.Group(m.id(), m.nameZh(), m.nameEn(), panel.total(), items, search.moduleHref(m)));
        }
        return new Matched(id, name, c.describe(countries, industries, true), c.describe(countries, industries, false),
                search.searchHref(), groups);
    }

    /** Which of the conditions the article meets. */
    List<Matched.Reason> reasons(Conditions c, Hit h) {
        List<Matched.Reason> out = new ArrayList<>();
        if (c.isEmpty()) {
            out.add(new Matched.Reason("ALL", "订阅全部风险信息", "subscribed to all risk information"));
            return out;
        }
        if (!c.keywords().isEmpty()) {
            out.add(new Matched.Reason("KEYWORD", "标题含关键字：" + String.join("、", c.keywords()),
                    "title contains: " + String.join(", ", c.keywords())));
        }
        List<String> matchedCountries = c.countries().stream().filter(h.countries()::contains).toList();
        if (!matchedCountries.isEmpty()) {
            out.add(new Matched.Reason("COUNTRY", "国家：" + names(matchedCountries, true, true),
                    "country: " + names(matchedCountries, true, false)));
        }
        Set<String> articleIndustries = new LinkedHashSet<>();
        for (String code : h.industries()) {
            if (industries.find(code).isPresent()) {
                articleIndustries.addAll(industries.withAncestors(List.of(code)));
            }
        }
        List<String> matchedIndustries = c.industries().stream().filter(articleIndustries::contains).toList();
        if (!matchedIndustries.isEmpty()) {
            out.add(new Matched.Reason("INDUSTRY", "行业：" + names(matchedIndustries, false, true),
                    "industry: " + names(matchedIndustries, false, false)));
        }
        if (!c.modules().isEmpty()) {
            out.add(new Matched.Reason("MODULE", "栏目：" + h.module().nameZh(), "module: " + h.module().nameEn()));
        }
        return out;
    }

    private String names(List<String> codes, boolean country, boolean chinese) {
        return String.join(chinese ? "、" : ", ", codes.stream().map(code -> country
                ? Conditions.countryName(countries, code, chinese)
                : Conditions.industryName(industries, code, chinese)).toList());
    }
}
