package cn.creditwindow.financing;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.web.Statuses;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The financing marketplace's pages under {@code /financing}: the products with 立即申请 and the six steps of the
 * online financing flow (public), a product's page, the application form, the applications (an enterprise's own;
 * all of them, per bank, for the insurer's staff) and an application with the staff's form for the bank's decision.
 * Forms post with {@code _csrf}; success redirects (303); bad input shows the form again naming each field (400).
 */
public record FinancingPages(Financing financing, Pages pages) {
    /** The steps of the online financing flow (manual 六 线上融资流程), as message keys {@code financing.step.N}. */
    public static final int STEPS = 6;

    /** The marketplace: the products, the flow, and the viewer's newest applications. */
    public record IndexView(List<Product> products, boolean signedIn, boolean enterprise, boolean staff,
                            List<FinancingApplication> mine) {
    }

    /** {@code GET /financing}; public. */
    public void index(Context ctx) {
        Principal p = viewer(ctx);
        boolean enterprise = p != null && p.role().isEnterpriseUser();
        List<FinancingApplication> mine = enterprise ? financing.list(p, null, null, new PageRequest(1, 5)).items()
                : List.of();
        pages.render(ctx, "financing/index.jte", new IndexView(financing.products().all(), p != null, enterprise,
                p != null && staff(p), mine));
    }

    /** A product's page. */
    public record ProductView(Product product, boolean enterprise) {
    }

    /** {@code GET /financing/products/{id}}; public. */
    public void product(Context ctx) {
        Principal p = viewer(ctx);
        pages.render(ctx, "financing/product.jte", new ProductView(financing.product(ctx.pathParam("id")),
                p != null && p.role().isEnterpriseUser()));
    }

    /** The application form: what was typed, the errors per field, or a refusal (409). */
    public record FormView(Product product, Form form, List<FieldError> errors, String refusalZh, String refusalEn) {
        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::zh).findFirst().orElse(null);
        }

        public boolean hasError(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }
    }

    /** The form's fields as typed. */
    public record Form(String amountYuan, String termMonths, String purpose, String contactName, String mobile,
                       String email) {
    }

    /** {@code GET /financing/products/{id}/apply}. */
    public void applyPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Product product = financing.product(ctx.pathParam("id"));
        pages.render(ctx, "financing/apply.jte", new FormView(product, new Form("", "", "", p.displayName(), "", ""),
                List.of(), null, null));
    }

    /** {@code POST /financing/products/{id}/apply}: 提交申请. */
    public void apply(Context ctx) {
        Principal p = Caller.require(ctx);
        Product product = financing.product(ctx.pathParam("id"));
        Form typed = new Form(ctx.formParam("amountYuan"), ctx.formParam("termMonths"), ctx.formParam("purpose"),
                ctx.formParam("contactName"), ctx.formParam("mobile"), ctx.formParam("email"));
        List<FieldError> unreadable = new ArrayList<>();
        Long amount = whole(typed.amountYuan(), "amountYuan", "申请金额应为整数（元）", "the amount must be whole yuan",
                unreadable);
        Long term = whole(typed.termMonths(), "termMonths", "融资期限应为整数（月）", "the term must be whole months",
                unreadable);
        Financing.Form form = new Financing.Form(amount, term == null ? null : (int) Math.min(term, Integer.MAX_VALUE),
                typed.purpose(), typed.contactName(), typed.mobile(), typed.email());
        FinancingApplication created;
        try {
            // a number that is not one is named with the domain's errors (Input.check), not before them
            created = financing.apply(p, product.id(), new Input<>(form, unreadable));
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "financing/apply.jte", new FormView(product, typed, e.errors(), null, null));
            return;
        } catch (Refusal e) {
            ctx.status(Statuses.of(e));
            pages.render(ctx, "financing/apply.jte", new FormView(product, typed, List.of(), e.zh(),
                    e.getMessage()));
            return;
        }
        ctx.redirect("/financing/applications/" + created.id(), HttpStatus.SEE_OTHER);
    }

    /** The applications: the viewer's (an enterprise's, a manager's portfolio's) or all of them for staff. */
    public record ListView(Paged<FinancingApplication> items, Pager pager, ApplicationState state, String bank,
                           List<String> banks, boolean staff, String csvHref) {
    }

    /** {@code GET /financing/applications?state=&bank=&page=&size=}. */
    public void applications(Context ctx) {
        Principal p = Caller.require(ctx);
        ApplicationState state = FinancingHandlers.state(ctx);
        String bank = ctx.queryParam("bank") == null || ctx.queryParam("bank").isBlank() ? null : ctx.queryParam("bank");
        String size = ctx.queryParam("size");
        PageRequest page = PageRequest.parse(ctx.queryParam("page"), size);
        String csv = "/api/financing/applications.csv" + query(state, bank);
        Paged<FinancingApplication> list = financing.list(p, state, bank, page);
        Pager pager = Pager.of(list, n -> QueryString.of().add("state", state == null ? null : state.name())
                .add("bank", bank).add("size", size).add("page", n).appendTo("/financing/applications"));
        pages.render(ctx, "financing/applications.jte", new ListView(list, pager, state, bank,
                financing.products().banks(), staff(p), csv));
    }

    /** One application; staff get the decision form while it is submitted. */
    public record ApplicationView(FinancingApplication application, boolean staff, List<FieldError> errors,
                                  String decision, String note) {
    }

    /** {@code GET /financing/applications/{id}}. */
    public void application(Context ctx) {
        Principal p = Caller.require(ctx);
        pages.render(ctx, "financing/application.jte", new ApplicationView(financing.get(p,
                Params.pathId(ctx, "id")), staff(p), List.of(), "", ""));
    }

    /** {@code POST /financing/applications/{id}/decision}: the staff record the bank's answer. */
    public void decide(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        String decision = ctx.formParam("decision");
        String note = ctx.formParam("note");
        try {
            financing.decide(p, id, Input.of(new Financing.Decision(decision, note)));
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "financing/application.jte", new ApplicationView(financing.get(p, id), staff(p),
                    e.errors(), decision == null ? "" : decision, note == null ? "" : note));
            return;
        }
        ctx.redirect("/financing/applications/" + id, HttpStatus.SEE_OTHER);
    }

    private static String query(ApplicationState state, String bank) {
        List<String> parts = new ArrayList<>();
        if (state != null) {
            parts.add("state=" + state.name());
        }
        if (bank != null) {
            parts.add("bank=" + java.net.URLEncoder.encode(bank, java.nio.charset.StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static Long whole(String raw, String field, String zh, String en, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null; // "required" is the domain's message
        }
        try {
            return Long.parseLong(raw.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, zh, en));
            return null;
        }
    }

    private static boolean staff(Principal p) {
        return p.is(Role.REVIEWER) || p.is(Role.ADMIN);
    }

    private static Principal viewer(Context ctx) {
        return Caller.find(ctx).filter(x -> x.role() != Role.SYSTEM).orElse(null);
    }
}
