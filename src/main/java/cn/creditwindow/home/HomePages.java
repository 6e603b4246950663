package cn.creditwindow.home;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.losses.LossReports;
import cn.creditwindow.losses.Obligation;
import java.util.List;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.search.Module;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.managers.ManagerCard;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.SearchPage;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import java.util.Arrays;

/**
 * {@code GET /}: the system home page (系统首页). Everyone sees the newest risk information and the modules; a
 * signed-in person also the dashboard of every journey (an enterprise's people and account managers) or of their
 * queues (reviewers, administrators), each count opening its list, and an enterprise's people their account
 * managers with the claims hotline.
 */
public record HomePages(ArticleIndex index, Pages pages, Dashboard dashboard, AccountManagers managers,
                        LossReports losses) {
    /** Articles in the home page's "newest risk information" list. */
    public static final int NEWEST = 10;

    public void show(Context ctx) {
        SearchPage newest = index.search(ArticleQuery.builder().size(NEWEST).build());
        var modules = Arrays.stream(Module.values()).map(m -> new HomeView.ModuleTile(m,
                newest.facets().module().getOrDefault(m.id(), 0L), "/search/" + m.id())).toList();
        Principal viewer = Caller.find(ctx).filter(p -> p.role() != Role.SYSTEM).orElse(null);
        Dashboard.Counts counts = viewer == null ? null : dashboard.counts(viewer);
        ManagerCard card = viewer != null && viewer.role().isEnterpriseUser() ? managers.mine(viewer) : null;
        // deadlines: an enterprise sees all of its own, an account manager the portfolio's overdue ones
        List<Obligation> due = viewer == null ? List.of() : viewer.role().isEnterpriseUser()
                ? losses.obligations(viewer, false) : viewer.is(Role.ACCOUNT_MANAGER) ? losses.obligations(viewer, true)
                : List.of();
        pages.render(ctx, "home/home.jte", new HomeView(newest.items(), modules, newest.total(), counts, card,
                viewer == null ? null : dashboard.paymentDue(viewer).orElse(null), due));
    }
}
