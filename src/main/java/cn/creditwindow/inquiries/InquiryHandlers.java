package cn.creditwindow.inquiries;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;

/**
 * The inquiries' API under {@code /api/inquiries}: list, submit, read one, answer. Routes carry the role guards;
 * {@link Inquiries} checks the tenant (others' inquiries answer 404).
 */
public record InquiryHandlers(Inquiries inquiries, JsonBodies bodies) {
    /** What {@code POST /api/inquiries/{id}/answer} takes. */
    record Answer(String answer) {
    }

    /** {@code GET /api/inquiries?state=SUBMITTED|ANSWERED&page=&size=}: one page, newest first. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        InquiryState state = inquiries.state(ctx.queryParam("state"));
        ctx.json(inquiries.list(p, state, Pager.request(ctx)));
    }

    /** {@code POST /api/inquiries}: 201 with the inquiry and its serial number. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        Inquiry i = inquiries.submit(p, bodies.read(ctx, Inquiries.NewInquiry.class));
        ctx.status(201).header("Location", "/api/inquiries/" + i.id()).json(i);
    }

    /** {@code GET /api/inquiries/{id}}. */
    public void inquiry(Context ctx) {
        ctx.json(inquiries.inquiry(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code POST /api/inquiries/{id}/answer}: {@code {"answer": "…"}}. */
    public void answer(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(inquiries.answer(p, id, bodies.input(ctx, Answer.class).map(Answer::answer)));
    }
}
