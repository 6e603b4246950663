package cn.creditwindow.digest;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.web.Pager;
import io.javalin.http.Context;
import java.util.Map;

/** The digest archive's API: {@code /api/digests}. Routes carry the role guards; {@link Digests} the tenant. */
public record DigestHandlers(Digests digests) {
    /** {@code GET /api/digests?page=&size=}: one page of the archive, newest month first. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(digests.list(p, Pager.request(ctx)));
    }

    /** {@code GET /api/digests/{id}}: one digest with its content. */
    public void get(Context ctx) {
        Principal p = Caller.require(ctx);
        Digests.Entry e = digests.find(p, Params.pathId(ctx, "id"));
        ctx.json(Map.of("summary", e.summary(), "digest", e.digest()));
    }
}
