package cn.creditwindow.alarm;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.Input;
import cn.creditwindow.web.Authentication;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;

/**
 * The credit alarm's pages: the inbox with the watch list ({@code /credit/alerts}), marking an alert read, and
 * watching, muting and unwatching a buyer from its page ({@code /credit/buyers/{id}/…}). Forms redirect (303).
 */
public final class AlarmPages {
    private final Watches watches;
    private final Alerts alerts;
    private final Pages pages;

    public AlarmPages(Watches watches, Alerts alerts, Pages pages) {
        this.watches = Objects.requireNonNull(watches, "watches");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** The inbox: alerts (all or unread), the unread count, the watch list; who is looking. */
    public record InboxView(List<Alert> alerts, long unread, boolean unreadOnly, List<Watch> watches,
                            boolean enterprise, String enterpriseId) {
    }

    /** {@code GET /credit/alerts?unread=true&enterpriseId=}. */
    public void inbox(Context ctx) {
        Principal p = Authentication.require(ctx);
        Long enterpriseId = AlarmHandlers.enterpriseId(ctx);
        boolean unreadOnly = AlarmHandlers.unreadOnly(ctx);
        pages.render(ctx, "alarm/inbox.jte", new InboxView(alerts.list(p, enterpriseId, unreadOnly), alerts.unread(p),
                unreadOnly, watches.list(p, enterpriseId), p.role().isEnterpriseUser(),
                enterpriseId == null ? "" : enterpriseId.toString()));
    }

    /** {@code POST /credit/alerts/{id}/read}. */
    public void read(Context ctx) {
        Principal p = Authentication.require(ctx);
        alerts.markRead(p, AccountHandlers.pathId(ctx, "id"));
        ctx.redirect("/credit/alerts", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/buyers/{id}/watch}. */
    public void watch(Context ctx) {
        Principal p = Authentication.require(ctx);
        long id = AccountHandlers.pathId(ctx, "id");
        watches.watch(p, id);
        ctx.redirect("/credit/buyers/" + id + "?done=watched", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/buyers/{id}/mute}: form field {@code muted} = true or false. */
    public void mute(Context ctx) {
        Principal p = Authentication.require(ctx);
        long id = AccountHandlers.pathId(ctx, "id");
        boolean muted = "true".equals(ctx.formParam("muted"));
        watches.mute(p, id, Input.of(muted));
        ctx.redirect("/credit/buyers/" + id + "?done=" + (muted ? "muted" : "unmuted"), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/buyers/{id}/unwatch}. */
    public void unwatch(Context ctx) {
        Principal p = Authentication.require(ctx);
        long id = AccountHandlers.pathId(ctx, "id");
        watches.unwatch(p, id);
        ctx.redirect("/credit/buyers/" + id + "?done=unwatched", HttpStatus.SEE_OTHER);
    }
}
