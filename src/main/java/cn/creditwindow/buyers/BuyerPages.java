package cn.creditwindow.buyers;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The buyer directory's pages (买方名录, under 资信服务): the search, one buyer (with the look-alike warning and,
 * for an enterprise's people, watching it), adding a missing buyer and the insurer's import. Forms post back here
 * and redirect (303); bad input shows the error page naming each field.
 */
public record BuyerPages(Buyers buyers, Countries countries, Function<Principal, Map<Long, Boolean>> watchStates,
                         Pages pages) {
    // ---- views (public: the generated templates live in another package) ----

    public record SearchView(String q, String country, Buyers.SearchResult result, Map<Long, Boolean> watched,
                             boolean canAdd, boolean canImport, Pager pager, Countries countries) {
        public String countryZh(String code) {
            return countries.find(code).map(c -> c.nameZh()).orElse(code);
        }

        public String countryEn(String code) {
            return countries.find(code).map(c -> c.nameEn()).orElse(code);
        }

        public String addHref() {
            return "/credit/buyers/new?nameEn=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        }
    }

    /** One buyer: {@code watchedMuted} null when the enterprise does not watch it. */
    public record BuyerView(Buyer buyer, Buyer duplicate, String countryZh, String countryEn, boolean enterprise,
                            Boolean watchedMuted, boolean mine, String done) {
    }

    public record NewView(String nameEn) {
    }

    public record ImportView(String done, String imported, String duplicates) {
    }

    // ---- pages ----

    /** {@code GET /credit/buyers?q=&country=&page=&size=}. */
    public void search(Context ctx) {
        Principal p = Caller.require(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String country = ctx.queryParam("country") == null ? "" : ctx.queryParam("country").strip();
        String size = ctx.queryParam("size");
        Buyers.SearchResult r = buyers.search(p, new Buyers.Query(q, country, ctx.queryParam("page"), size));
        int pagesTotal = (int) Math.max(1, (r.total() + r.size() - 1) / r.size());
        Pager pager = Pager.of(r.page(), pagesTotal, n -> "/credit/buyers?q=" + enc(q) + "&country=" + enc(country)
                + (size == null || size.isBlank() ? "" : "&size=" + enc(size)) + "&page=" + n);
        pages.render(ctx, "buyers/search.jte", new SearchView(q, country, r, watchStates.apply(p), canAdd(p),
                p.is(Role.REVIEWER) || p.is(Role.ADMIN), pager, countries));
    }

    /** {@code GET /credit/buyers/{id}}. */
    public void buyer(Context ctx) {
        Principal p = Caller.require(ctx);
        Buyer b = buyers.find(p, Params.pathId(ctx, "id"));
        var c = countries.find(b.countryCode());
        String done = ctx.queryParam("done");
        pages.render(ctx, "buyers/buyer.jte", new BuyerView(b, buyers.duplicateOf(p, b).orElse(null),
                c.map(x -> x.nameZh()).orElse(b.countryCode()), c.map(x -> x.nameEn()).orElse(b.countryCode()),
                p.role().isEnterpriseUser(), watchStates.apply(p).get(b.id()),
                p.role().isEnterpriseUser() && p.enterpriseId().equals(b.addedByEnterpriseId()),
                done != null && done.matches("[a-z]{1,20}") ? done : null));
    }

    /** {@code GET /credit/buyers/new?nameEn=}: the form, with the name searched for. */
    public void newPage(Context ctx) {
        Caller.require(ctx);
        String name = ctx.queryParam("nameEn");
        pages.render(ctx, "buyers/new.jte", new NewView(name == null ? "" : name.strip()));
    }

    /** {@code POST /credit/buyers}: adds the buyer, then shows it (with the look-alike warning if any). */
    public void add(Context ctx) {
        Principal p = Caller.require(ctx);
        Buyer b = buyers.add(p, new Buyers.NewBuyer(ctx.formParam("nameEn"), ctx.formParam("nameZh"),
                ctx.formParam("country"), ctx.formParam("address"), ctx.formParam("registrationNo")));
        ctx.redirect("/credit/buyers/" + b.id() + "?done=added", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /credit/buyers/import}. */
    public void importPage(Context ctx) {
        Caller.require(ctx);
        String done = ctx.queryParam("imported");
        pages.render(ctx, "buyers/import.jte", new ImportView(done == null ? null : "imported",
                digits(ctx.queryParam("imported")), digits(ctx.queryParam("duplicates"))));
    }

    /** {@code POST /credit/buyers/import}: the uploaded CSV, all rows or none. */
    public void importCsv(Context ctx) {
        Principal p = Caller.require(ctx);
        Buyers.ImportResult r = buyers.importCsv(p, BuyerHandlers.upload(ctx));
        ctx.redirect("/credit/buyers/import?imported=" + r.imported() + "&duplicates=" + r.possibleDuplicates().size(),
                HttpStatus.SEE_OTHER);
    }

    private static boolean canAdd(Principal p) {
        return p.role().isEnterpriseUser() || p.is(Role.REVIEWER) || p.is(Role.ADMIN);
    }

    private static String digits(String s) {
        return s != null && s.matches("\\d{1,6}") ? s : "0";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
