package cn.creditwindow.messageboard;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;

/**
 * The message board's API under {@code /api/message-board}: list, leave a message, read one, reply. Routes carry
 * the role guards; {@link BoardMessages} checks the tenant (others' messages answer 404).
 */
public record MessageBoardHandlers(BoardMessages messages, JsonBodies bodies) {
    /** What {@code POST /api/message-board/{id}/reply} takes. */
    record Reply(String reply) {
    }

    /** {@code GET /api/message-board?state=SUBMITTED|REPLIED&page=&size=}: one page, newest first. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        MessageState state = messages.state(ctx.queryParam("state"));
        ctx.json(messages.list(p, state, Pager.request(ctx)));
    }

    /** {@code POST /api/message-board}: 201 with the message. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        BoardMessage m = messages.submit(p, bodies.read(ctx, BoardMessages.NewMessage.class));
        ctx.status(201).header("Location", "/api/message-board/" + m.id()).json(m);
    }

    /** {@code GET /api/message-board/{id}}. */
    public void message(Context ctx) {
        ctx.json(messages.message(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code POST /api/message-board/{id}/reply}: {@code {"reply": "…"}}. */
    public void reply(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(messages.reply(p, id, bodies.input(ctx, Reply.class).map(Reply::reply)));
    }
}
