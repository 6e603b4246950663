package cn.creditwindow.answers;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.enrolment.Insurer;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.FormValues;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Params;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;

/**
 * One kind's pages under its {@code path}: the entry form (for an enterprise's people) above the list of the
 * submissions the viewer may see; one submission, read-only, with its state and the answer, and for the insurer's
 * staff the answer form while it waits. The region selects cascade with a little script and, without it, with the
 * 刷新下级地区 button ({@code action=refresh}), which shows the form again with the chosen province's cities and the
 * chosen city's districts (nothing is saved). Forms post with {@code _csrf}; success redirects (303), bad input
 * shows the form again with every bad field (400).
 *
 * @param path      where the pages are, e.g. {@code /enrolment/inquiries}
 * @param templates the folder of the kind's {@code index.jte} and {@code view.jte}, e.g. {@code inquiries}
 * @param insurer   who answers, which the pages may name
 */
public record SubmissionPages<T extends Submission<S>, S extends Enum<S> & State, F extends Record & Form>(
        Desk<T, S, F> desk, String path, String templates, Regions regions, Insurer insurer, Pages pages) {
    /** The list page: the form (enterprise people only) with its errors, and one page of the submissions. */
    public record ListView<T, S, F>(boolean enterprise, F form, Regions.Cascade cascade, List<FieldError> errors,
                                    Paged<T> items, Pager pager, S filter, Insurer insurer) {
        /** The error on a field, or null. */
        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }
    }

    /**
     * One submission; whether the viewer may answer it now; the notices after submitting or answering; what was typed
     * as the answer and what was wrong with it.
     */
    public record OneView<T>(T item, Insurer insurer, boolean canAnswer, boolean submitted, boolean answered,
                             String answer, List<FieldError> errors) {
        /** The error on the answer, or null. */
        public FieldError answerError() {
            return errors.isEmpty() ? null : errors.get(0);
        }
    }

    /** {@code GET <path>?state=&page=&size=}. */
    public void index(Context ctx) {
        Principal p = Caller.require(ctx);
        render(ctx, p, desk.draft(p), List.of());
    }

    /** {@code POST <path>}: submits, or with {@code action=refresh} only shows the cascade anew. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        F form = FormValues.record(ctx, desk.form());
        if ("refresh".equals(ctx.formParam("action"))) {
            render(ctx, p, form, List.of());
            return;
        }
        try {
            T submitted = desk.submit(p, form);
            ctx.redirect(path + "/" + submitted.id() + "?submitted=true", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, p, form, e.errors());
        }
    }

    private void render(Context ctx, Principal p, F form, List<FieldError> errors) {
        S filter = desk.submissions().state(ctx.queryParam("state"));
        String size = ctx.queryParam("size");
        Paged<T> list = desk.submissions().list(p, filter, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(list, n -> QueryString.of().add("state", filter == null ? null : filter.name())
                .add("size", size).add("page", n).appendTo(path));
        pages.render(ctx, templates + "/index.jte", new ListView<>(p.role().isEnterpriseUser(), form,
                regions.cascade(form.province(), form.city(), form.district()), errors, list, pager, filter, insurer));
    }

    /** {@code GET <path>/{id}}. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        T item = desk.submissions().find(p, Params.pathId(ctx, "id"));
        pages.render(ctx, templates + "/view.jte", new OneView<>(item, insurer, desk.submissions().canAnswer(p, item),
                "true".equals(ctx.queryParam("submitted")), "true".equals(ctx.queryParam(answeredParam())), "",
                List.of()));
    }

    /** {@code POST <path>/{id}/<answer>}, the field named as the kind's answer ({@code answer}, {@code reply}). */
    public void answer(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        String text = ctx.formParam(desk.submissions().kind().answer());
        try {
            desk.submissions().answer(p, id, Input.of(text));
            ctx.redirect(path + "/" + id + "?" + answeredParam() + "=true", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            T item = desk.submissions().find(p, id);
            ctx.status(400);
            pages.render(ctx, templates + "/view.jte", new OneView<>(item, insurer,
                    desk.submissions().canAnswer(p, item), false, false, text == null ? "" : text, e.errors()));
        }
    }

    /** The query parameter that says the submission has just been answered: its answered state's name, as a word. */
    private String answeredParam() {
        return desk.submissions().kind().answered().name().toLowerCase(Locale.ROOT);
    }
}
