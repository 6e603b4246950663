package cn.creditwindow.articles;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Guard;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import cn.creditwindow.search.Attachment;

import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.Overview;
import cn.creditwindow.search.SearchPage;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.web.Lang;
import cn.creditwindow.web.Messages;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The risk-information pages (manual 5.1–5.5): the query page with its four module panels, each
 * module's list, and one article, which the insurer's reviewers and administrators may withdraw from there. Bad
 * conditions are thrown as the API throws them and shown by the error page.
 */
public final class ArticlePages {
    /** Newest matches per module panel on the query page. */
    public static final int PANEL_SIZE = 5;
    /** Items per page of a module's list (the manual: 15). */
    public static final int PAGE_SIZE = 15;

    private final ArticleIndex index;
    private final ArticleQueries queries;
    private final Withdrawals withdrawals;
    private final Countries countries;
    private final Industries industries;
    private final SearchForms forms;
    private final Pages pages;

    public ArticlePages(ArticleIndex index, ArticleQueries queries, Withdrawals withdrawals, Countries countries,
                        Industries industries, Pages pages) {
        this.index = Objects.requireNonNull(index, "index");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.withdrawals = Objects.requireNonNull(withdrawals, "withdrawals");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.forms = new SearchForms(index, queries, countries, industries);
    }

    /** {@code GET /search?q=&country=&industry=}: 风险预警信息查询; {@code done=withdrawn} after a withdrawal. */
    public void search(Context ctx) {
        Messages m = pages.messages(ctx);
        SearchConditions conditions = conditions(ctx);
        Map<String, String> params = conditions.params();
        // The panels have no pages, but a hand-made page=abc is still bad input and is said to be.
        putIfPresent(params, ctx, "page");
        ArticleQuery query = queries.parse(params);
        Overview overview = index.overview(query, PANEL_SIZE);
        List<SearchView.Panel> panels = overview.modules().stream()
                .map(p -> new SearchView.Panel(p.module(), p.total(), p.items(), conditions.moduleHref(p.module())))
                .toList();
        long total = panels.stream().mapToLong(SearchView.Panel::total).sum();
        pages.render(ctx, "articles/search.jte",
                new SearchView(forms.form(conditions, query, null, m), panels, total,
                        "withdrawn".equals(ctx.queryParam("done"))));
    }

    /** {@code GET /search/{module}?q=&country=&industry=&page=}: one module's list, 15 a page. */
    public void module(Context ctx) {
        Messages m = pages.messages(ctx);
        Module module = module(ctx.pathParam("module"));
        SearchConditions conditions = conditions(ctx);
        Map<String, String> params = conditions.params();
        params.put("module", module.id());
        params.put("size", Integer.toString(PAGE_SIZE));
        putIfPresent(params, ctx, "page");
        ArticleQuery query = queries.parse(params);
        SearchPage result = index.search(query);
        long reachable = Math.min(result.total(), ArticleIndex.MAX_WINDOW);
        int pageCount = (int) ((reachable + PAGE_SIZE - 1) / PAGE_SIZE);
        Pager pager = Pager.of(query.page(), pageCount, n -> conditions.moduleHref(module, n));
        pages.render(ctx, "articles/module.jte", new ModuleListView(forms.form(conditions, query, module, m),
                module, result.total(), query.page(), PAGE_SIZE, result.items(), pager, conditions.searchHref()));
    }

    /**
     * {@code GET /articles/{id}}: the article, its countries and industries as filters, its attachments, and for the
     * insurer's reviewers and administrators the form that withdraws it; 410 once withdrawn.
     */
    public void article(Context ctx) {
        Lang lang = pages.lang(ctx);
        Article a = withdrawals.shown(ctx.pathParam("id"));
        List<ArticlePageView.Link> countryLinks = a.countries().stream().map(code -> new ArticlePageView.Link(
                countries.find(code).map(c -> lang.pick(c.nameZh(), c.nameEn())).orElse(code),
                QueryString.of().add(SearchConditions.COUNTRY, code).appendTo("/search"))).toList();
        List<ArticlePageView.Link> industryLinks = a.industries().stream().map(code -> new ArticlePageView.Link(
                industries.find(code).map(i -> lang.pick(i.nameZh(), i.nameEn())).orElse(code),
                QueryString.of().add(SearchConditions.INDUSTRY, code).appendTo("/search"))).toList();
        List<ArticlePageView.AttachmentLink> attachments = new ArrayList<>();
        for (int n = 1; n <= a.attachments().size(); n++) {
            Attachment at = a.attachments().get(n - 1);
            attachments.add(new ArticlePageView.AttachmentLink(at.name(), ArticleHandlers.attachmentHref(a.id(), n),
                    size(at.length())));
        }
        String url = a.url();
        String original = url.startsWith("https://") || url.startsWith("http://") ? url : null;
        // a form for people: an API token (which may withdraw too) has no page session to send it with
        boolean mayWithdraw = Caller.find(ctx).filter(p -> Guard.SIGNED_IN.admits(p) && Withdrawals.mayWithdraw(p))
                .isPresent();
        pages.render(ctx, "articles/article.jte", new ArticlePageView(a,
                SearchConditions.none().moduleHref(a.module()), original, countryLinks, industryLinks, attachments,
                mayWithdraw));
    }

    /** {@code POST /articles/{id}/withdraw}, field {@code reason}: withdraws it, then the query page says so. */
    public void withdraw(Context ctx) {
        withdrawals.withdraw(Caller.require(ctx), ctx.pathParam("id"),
                Input.of(new Withdrawals.Request(ctx.formParam("reason"))));
        ctx.redirect("/search?done=withdrawn", HttpStatus.SEE_OTHER);
    }

    private static Module module(String id) {
        return Module.byId(id).orElseThrow(() -> new NotFoundException(
                "no module '" + id + "'; the modules are " + Arrays.stream(Module.values())
                        .map(m -> m.id() + " (" + m.nameEn() + ")").collect(Collectors.joining(", ")),
                "栏目“" + id + "”不存在，可选栏目：" + Arrays.stream(Module.values())
                        .map(m -> m.nameZh() + "（" + m.id() + "）").collect(Collectors.joining("、"))));
    }

    private static void putIfPresent(Map<String, String> params, Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value != null) {
            params.put(name, value);
        }
    }

    private static SearchConditions conditions(Context ctx) {
        return new SearchConditions(String.join(" ", ctx.queryParams(SearchConditions.Q)),
                String.join(",", ctx.queryParams(SearchConditions.COUNTRY)),
                String.join(",", ctx.queryParams(SearchConditions.INDUSTRY)));
    }

    /** A file size for people: {@code 980 B}, {@code 12 KB}, {@code 3.4 MB}; empty when unknown. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
