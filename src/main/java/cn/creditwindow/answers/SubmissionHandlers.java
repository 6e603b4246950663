package cn.creditwindow.answers;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Params;
import io.javalin.http.Context;

/**
 * One kind's API under its {@code path} (e.g. {@code /api/inquiries}): list, submit, read one, answer. Routes carry
 * the role guards; {@link Submissions} checks the tenant (others' submissions answer not found).
 *
 * @param path where the kind's API is, without a trailing slash; a new submission's {@code Location} is under it
 */
public record SubmissionHandlers<T extends Submission<S>, S extends Enum<S> & State, F extends Record & Form>(
        Desk<T, S, F> desk, String path, JsonBodies bodies) {
    /** {@code GET <path>?state=&page=&size=}: one page, newest first; {@code state} one of the kind's, or blank. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        S state = desk.submissions().state(ctx.queryParam("state"));
        ctx.json(desk.submissions().list(p, state, Pager.request(ctx)));
    }

    /** {@code POST <path>}: 201 with the submission, and where it is. */
    public void submit(Context ctx) {
        T submitted = desk.submit(Caller.require(ctx), bodies.read(ctx, desk.form()));
        ctx.status(201).header("Location", path + "/" + submitted.id()).json(submitted);
    }

    /** {@code GET <path>/{id}}. */
    public void one(Context ctx) {
        ctx.json(desk.submissions().find(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code POST <path>/{id}/<answer>}: a body of the one field named as the kind's answer: {@code {"answer": "…"}}. */
    public void answer(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Submissions<T, S> submissions = desk.submissions();
        ctx.json(submissions.answer(p, id, bodies.text(ctx, submissions.kind().answer())));
    }
}
