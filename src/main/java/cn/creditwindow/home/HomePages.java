package cn.creditwindow.home;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.articles.Module;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.SearchPage;
import cn.creditwindow.web.Authentication;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToLongFunction;

/** {@code GET /}: the system home page (系统首页). */
public final class HomePages {
    /** Articles in the home page's "newest risk information" list. */
    public static final int NEWEST = 10;

    private final ArticleIndex index;
    private final Pages pages;
    private final Enrolments enrolments;
    // the credit alarm (资信报警器): unread alerts of what the viewer may see
    private final ToLongFunction<Principal> unreadAlerts;

    /** @param unreadAlerts the unread credit-alarm alerts a principal may see (from the alarm package) */
    public HomePages(ArticleIndex index, Pages pages, Enrolments enrolments, ToLongFunction<Principal> unreadAlerts) {
        this.index = Objects.requireNonNull(index, "index");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
        this.unreadAlerts = Objects.requireNonNull(unreadAlerts, "unreadAlerts");
    }

    public void show(Context ctx) {
        SearchPage newest = index.search(ArticleQuery.builder().size(NEWEST).build());
        var modules = Arrays.stream(Module.values()).map(m -> new HomeView.ModuleTile(m,
                newest.facets().module().getOrDefault(m.id(), 0L), "/search/" + m.id())).toList();
        // 企业投保 (manual 1.1): the counts for the signed-in enterprise, or the review queue for insurer staff
        Principal viewer = Authentication.principal(ctx).orElse(null);
        Enrolments.Counts counts = viewer == null || viewer.role().name().equals("SYSTEM") ? null : enrolments.counts(viewer);
        boolean enterprise = viewer != null && viewer.role().isEnterpriseUser();
        Long alerts = enterprise ? unreadAlerts.applyAsLong(viewer) : null;
        pages.render(ctx, "home/home.jte", new HomeView(newest.items(), modules, newest.total(), counts,
                enterprise, alerts));
    }
}
