package cn.creditwindow.messageboard;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * The message board's pages (调查问卷 in the menu, {@code /message-board}): the form and the enterprise's messages;
 * for the insurer's staff the messages they may see and the reply form. The region selects cascade as on the
 * inquiry form (script, or the 刷新下级地区 button without it). Forms post with {@code _csrf}; success redirects
 * (303), bad input shows the form again with every bad field (400).
 */
public record MessageBoardPages(BoardMessages messages, Regions regions, Pages pages) {
    /** The board: the form (enterprise people only) with its errors, and the messages. */
    public record BoardView(boolean enterprise, BoardMessages.NewMessage form, Regions.Cascade cascade,
                            List<FieldError> errors, Paged<BoardMessage> messages, Pager pager, MessageState filter) {
        /** The error on a field, or null. */
        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }
    }

    /** {@code GET /message-board?state=&page=&size=}. */
    public void index(Context ctx) {
        Principal p = Caller.require(ctx);
        render(ctx, p, messages.draft(p), List.of());
    }

    /** {@code POST /message-board}: leaves the message, or with {@code action=refresh} only shows the cascade anew. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        BoardMessages.NewMessage form = new BoardMessages.NewMessage(ctx.formParam("companyName"),
                ctx.formParam("province"), ctx.formParam("city"), ctx.formParam("district"), ctx.formParam("contactName"),
                ctx.formParam("mobile"), ctx.formParam("email"), ctx.formParam("subject"), ctx.formParam("content"));
        if ("refresh".equals(ctx.formParam("action"))) {
            render(ctx, p, form, List.of());
            return;
        }
        try {
            BoardMessage m = messages.submit(p, form);
            ctx.redirect("/message-board/" + m.id() + "?submitted=true", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, p, form, e.errors());
        }
    }

    private void render(Context ctx, Principal p, BoardMessages.NewMessage form, List<FieldError> errors) {
        MessageState filter = messages.state(ctx.queryParam("state"));
        String size = ctx.queryParam("size");
        Paged<BoardMessage> list = messages.list(p, filter, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(list, n -> QueryString.of().add("state", filter == null ? null : filter.name())
                .add("size", size).add("page", n).appendTo("/message-board"));
        pages.render(ctx, "messageboard/index.jte", new BoardView(p.role().isEnterpriseUser(), form,
                regions.cascade(form.province(), form.city(), form.district()), errors, list, pager, filter));
    }

    /** One message, read-only; the staff's reply form while it waits; what was typed and its errors. */
    public record MessageView(BoardMessage message, boolean canReply, boolean submitted, boolean replied, String reply,
                              List<FieldError> errors) {
        /** The error on the reply, or null. */
        public FieldError replyError() {
            return errors.stream().filter(e -> e.field().equals("reply")).findFirst().orElse(null);
        }
    }

    /** {@code GET /message-board/{id}}. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        BoardMessage m = messages.message(p, Params.pathId(ctx, "id"));
        pages.render(ctx, "messageboard/view.jte", new MessageView(m, messages.canReply(p, m),
                "true".equals(ctx.queryParam("submitted")), "true".equals(ctx.queryParam("replied")), "", List.of()));
    }

    /** {@code POST /message-board/{id}/reply}. */
    public void reply(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        String text = ctx.formParam("reply");
        try {
            messages.reply(p, id, Input.of(text));
            ctx.redirect("/message-board/" + id + "?replied=true", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            BoardMessage m = messages.message(p, id);
            ctx.status(400);
            pages.render(ctx, "messageboard/view.jte", new MessageView(m, messages.canReply(p, m), false, false,
                    text == null ? "" : text, e.errors()));
        }
    }
}
