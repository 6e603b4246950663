package cn.creditwindow.alarm;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.Input;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The credit alarm's pages: the inbox with the watch list ({@code /credit/alerts}), marking an alert read, and
 * watching, muting and unwatching a buyer from its page ({@code /credit/buyers/{id}/…}). Forms redirect (303).
 */
public record AlarmPages(Watches watches, Alerts alerts, Pages pages) {
    /** The inbox: a page of alerts (all or unread), the unread count, a page of the watch list; who is looking. */
    public record InboxView(Paged<Alert> alerts, Pager alertPager, long unread, boolean unreadOnly,
                            Paged<Watch> watches, Pager watchPager, boolean enterprise, String enterpriseId) {
    }

    /**
     * {@code GET /credit/alerts?unread=true&enterpriseId=&page=&size=&watchPage=}: the alerts are paged by
     * {@code page} and {@code size}, the watch list below them by {@code watchPage}, each pager keeping the other.
     */
    public void inbox(Context ctx) {
        Principal p = Caller.require(ctx);
        Long enterpriseId = AlarmHandlers.enterpriseId(ctx);
        boolean unreadOnly = AlarmHandlers.unreadOnly(ctx);
        List<FieldError> errors = new ArrayList<>();
        String size = ctx.queryParam("size");
        PageRequest alertPage = PageRequest.parse(ctx.queryParam("page"), size, errors);
        PageRequest watchPage = PageRequest.parsePage("watchPage", ctx.queryParam("watchPage"), alertPage.size(),
                errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Paged<Alert> inbox = alerts.list(p, enterpriseId, unreadOnly, alertPage);
        Paged<Watch> watched = watches.list(p, enterpriseId, watchPage);
        String shown = enterpriseId == null ? "" : enterpriseId.toString();
        java.util.function.BiFunction<Integer, Integer, String> href = (a, w) -> QueryString.of()
                .add("unread", unreadOnly ? "true" : null).add("enterpriseId", shown).add("size", size)
                .add("page", a == 1 ? null : a.toString()).add("watchPage", w == 1 ? null : w.toString())
                .appendTo("/credit/alerts");
        pages.render(ctx, "alarm/inbox.jte", new InboxView(inbox, Pager.of(inbox, n -> href.apply(n, watchPage.page())),
                alerts.unread(p), unreadOnly, watched, Pager.of(watched, n -> href.apply(alertPage.page(), n)),
                p.role().isEnterpriseUser(), shown));
    }

    /** {@code POST /credit/alerts/{id}/read}. */
    public void read(Context ctx) {
        Principal p = Caller.require(ctx);
        alerts.markRead(p, Params.pathId(ctx, "id"));
        ctx.redirect("/credit/alerts", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/buyers/{id}/watch}. */
    public void watch(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        watches.watch(p, id);
        ctx.redirect("/credit/buyers/" + id + "?done=watched", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/buyers/{id}/mute}: form field {@code muted} = true or false. */
    public void mute(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        boolean muted = "true".equals(ctx.formParam("muted"));
        watches.mute(p, id, Input.of(muted));
        ctx.redirect("/credit/buyers/" + id + "?done=" + (muted ? "muted" : "unmuted"), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/buyers/{id}/unwatch}. */
    public void unwatch(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        watches.unwatch(p, id);
        ctx.redirect("/credit/buyers/" + id + "?done=unwatched", HttpStatus.SEE_OTHER);
    }
}
