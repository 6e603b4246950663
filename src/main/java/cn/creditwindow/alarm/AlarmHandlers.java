package cn.creditwindow.alarm;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The credit alarm's API: watch lists ({@code /api/watches}) and the inbox ({@code /api/alerts}). Routes carry the
 * role guards; {@link Watches} and {@link Alerts} check the tenant (others' lists and alerts answer 404).
 */
public record AlarmHandlers(Watches watches, Alerts alerts, JsonBodies bodies) {
    /** What {@code POST /api/watches} takes. */
    record NewWatch(Long buyerId) {
    }

    /** What {@code PUT /api/watches/{buyerId}} takes. */
    record WatchChange(Boolean muted) {
    }

    /** {@code GET /api/watches?enterpriseId=&page=&size=}: one page of the watch list, newest first. */
    public void watches(Context ctx) {
        Principal p = Caller.require(ctx);
        Long enterpriseId = enterpriseId(ctx);
        ctx.json(watches.list(p, enterpriseId, Pager.request(ctx)));
    }

    /** {@code POST /api/watches}: {@code {"buyerId": 12}}. */
    public void watch(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(watches.watch(p, bodies.input(ctx, NewWatch.class).map(NewWatch::buyerId)));
    }

    /** {@code PUT /api/watches/{buyerId}}: {@code {"muted": true}}. */
    public void change(Context ctx) {
        Principal p = Caller.require(ctx);
        long buyerId = Params.pathId(ctx, "buyerId");
        ctx.json(watches.mute(p, buyerId, bodies.input(ctx, WatchChange.class).map(WatchChange::muted)));
    }

    /** {@code DELETE /api/watches/{buyerId}}. */
    public void unwatch(Context ctx) {
        Principal p = Caller.require(ctx);
        watches.unwatch(p, Params.pathId(ctx, "buyerId"));
        ctx.status(204);
    }

    /** {@code GET /api/alerts?enterpriseId=&unread=true&page=&size=}: one page of alerts, newest first; the unread count. */
    public void alerts(Context ctx) {
        Principal p = Caller.require(ctx);
        Long enterpriseId = enterpriseId(ctx);
        boolean unreadOnly = unreadOnly(ctx);
        Map<String, Object> answer = alerts.list(p, enterpriseId, unreadOnly, Pager.request(ctx)).fields();
        answer.put("unread", alerts.unread(p));
        ctx.json(answer);
    }

    /** {@code POST /api/alerts/{id}/read}. */
    public void read(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(alerts.markRead(p, Params.pathId(ctx, "id")));
    }

    static boolean unreadOnly(Context ctx) {
        String raw = ctx.queryParam("unread");
        if (raw == null || raw.isBlank() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new InvalidInputException("unread", "unread 应为 true 或 false", "unread must be true or false");
    }


    static Long enterpriseId(Context ctx) {
        return Params.queryId(ctx, "enterpriseId", "企业编号", "enterprise id");
    }
}
