package cn.creditwindow.digest;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;

/**
 * The digest archive's pages ({@code /digests}, {@code /digests/{id}}) and the unsubscribe page of the e-mails'
 * links ({@code /digests/unsubscribe?token=}: GET asks to confirm, POST unsubscribes — also the RFC 8058 one-click
 * POST a mail program sends, which carries no session and so needs no anti-forgery token).
 */
public record DigestPages(Digests digests, Unsubscriptions unsubscriptions, Pages pages) {
    /** One page of the archive. */
    public record ArchiveView(Paged<Digests.Summary> items, Pager pager) {
    }

    /** The unsubscribe page: what the link unsubscribes, and whether it has been done. */
    public record UnsubscribeView(String token, Unsubscriptions.Target target, boolean done) {
    }

    /** {@code GET /digests?page=&size=}. */
    public void archive(Context ctx) {
        Principal p = Caller.require(ctx);
        String size = ctx.queryParam("size");
        Paged<Digests.Summary> list = digests.list(p, PageRequest.parse(ctx.queryParam("page"), size));
        pages.render(ctx, "digest/archive.jte", new ArchiveView(list, Pager.of(list,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/digests"))));
    }

    /** {@code GET /digests/{id}}. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        pages.render(ctx, "digest/view.jte", digests.find(p, Params.pathId(ctx, "id")));
    }

    /** {@code GET /digests/unsubscribe?token=}: asks to confirm (a link opened by a mail scanner changes nothing). */
    public void confirmUnsubscribe(Context ctx) {
        String token = ctx.queryParam("token");
        pages.render(ctx, "digest/unsubscribe.jte", new UnsubscribeView(token, unsubscriptions.target(token), false));
    }

    /** {@code POST /digests/unsubscribe?token=} (or the form field {@code token}). */
    public void unsubscribe(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            token = ctx.formParam("token");
        }
        pages.render(ctx, "digest/unsubscribe.jte", new UnsubscribeView(token, unsubscriptions.unsubscribe(token), true));
    }
}
