package cn.creditwindow.inquiries;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.enrolment.Insurer;
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
 * The inquiry pages under 投保服务 ({@code /enrolment/inquiries}): the entry form (投保咨询录入) above the list of the
 * enterprise's inquiries (询保申请列表), as the manual shows them; a submitted inquiry's page, read-only, with its
 * state and the answer; for the insurer's staff the list of the inquiries they may see and the answer form. The
 * address selects cascade with a little script and, without it, with the 刷新下级地区 button, which shows the form
 * again with the chosen province's cities and the chosen city's districts (nothing is saved). Forms post with
 * {@code _csrf}; success redirects (303), bad input shows the form again with every bad field (400).
 */
public record InquiryPages(Inquiries inquiries, Regions regions, Insurer insurer, Pages pages) {
    /** The page: the form (enterprise people only), its errors, the list, the insurer's name for the list. */
    public record IndexView(boolean enterprise, Inquiries.NewInquiry form, Regions.Cascade cascade,
                            List<FieldError> errors, Paged<Inquiry> inquiries, Pager pager, InquiryState filter,
                            Insurer insurer) {
        /** The error on a field, or null. */
        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }

        /** The inquiry type the form shows ticked: the one sent, else 我要投保. */
        public String type() {
            return form.inquiryType() == null || form.inquiryType().isBlank() ? InquiryType.INSURE.name()
                    : form.inquiryType();
        }

        public List<InquiryType> types() {
            return List.of(InquiryType.values());
        }
    }

    /** {@code GET /enrolment/inquiries?state=&page=&size=}. */
    public void index(Context ctx) {
        Principal p = Caller.require(ctx);
        Inquiries.NewInquiry draft = inquiries.draft(p);
        render(ctx, p, draft, List.of());
    }

    /** {@code POST /enrolment/inquiries}: submits, or with {@code action=refresh} only shows the cascade anew. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        Inquiries.NewInquiry form = new Inquiries.NewInquiry(ctx.formParam("companyName"), ctx.formParam("province"),
                ctx.formParam("city"), ctx.formParam("district"), ctx.formParam("address"), ctx.formParam("contactName"),
                ctx.formParam("mobile"), ctx.formParam("email"), ctx.formParam("inquiryType"),
                ctx.formParam("otherNeeds"));
        if ("refresh".equals(ctx.formParam("action"))) {
            render(ctx, p, form, List.of());
            return;
        }
        try {
            Inquiry i = inquiries.submit(p, form);
            ctx.redirect("/enrolment/inquiries/" + i.id() + "?submitted=true", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, p, form, e.errors());
        }
    }

    private void render(Context ctx, Principal p, Inquiries.NewInquiry form, List<FieldError> errors) {
        InquiryState filter = inquiries.state(ctx.queryParam("state"));
        String size = ctx.queryParam("size");
        Paged<Inquiry> list = inquiries.list(p, filter, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(list, n -> QueryString.of().add("state", filter == null ? null : filter.name())
                .add("size", size).add("page", n).appendTo("/enrolment/inquiries"));
        pages.render(ctx, "inquiries/index.jte", new IndexView(p.role().isEnterpriseUser(), form,
                regions.cascade(form.province(), form.city(), form.district()), errors, list, pager, filter, insurer));
    }

    /** One inquiry, read-only; the staff's answer form while it waits; what was typed and its errors. */
    public record InquiryView(Inquiry inquiry, Insurer insurer, boolean canAnswer, boolean submitted, boolean answered,
                              String answer, List<FieldError> errors) {
        /** The error on the answer, or null. */
        public FieldError answerError() {
            return errors.stream().filter(e -> e.field().equals("answer")).findFirst().orElse(null);
        }
    }

    /** {@code GET /enrolment/inquiries/{id}}. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        Inquiry i = inquiries.inquiry(p, Params.pathId(ctx, "id"));
        pages.render(ctx, "inquiries/view.jte", new InquiryView(i, insurer, inquiries.canAnswer(p, i),
                "true".equals(ctx.queryParam("submitted")), "true".equals(ctx.queryParam("answered")), "", List.of()));
    }

    /** {@code POST /enrolment/inquiries/{id}/answer}. */
    public void answer(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        String text = ctx.formParam("answer");
        try {
            inquiries.answer(p, id, Input.of(text));
            ctx.redirect("/enrolment/inquiries/" + id + "?answered=true", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            Inquiry i = inquiries.inquiry(p, id);
            ctx.status(400);
            pages.render(ctx, "inquiries/view.jte", new InquiryView(i, insurer, inquiries.canAnswer(p, i), false, false,
                    text == null ? "" : text, e.errors()));
        }
    }
}
