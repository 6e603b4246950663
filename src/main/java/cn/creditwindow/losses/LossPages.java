package cn.creditwindow.losses;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.claims.Claim;
import cn.creditwindow.claims.ClaimCodes;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.FormValues;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.creditwindow.web.FormValues.put;

/**
 * The possible-loss pages under {@code /losses}: the list (reports and what is due), the report form (new, prefilled
 * for a buyer from the enterprise's receivables and customs declarations; and filled in to change a report), a
 * report's page with every step, and the insurer's queue with the accept, request-more and recovery forms. Forms post
 * with {@code _csrf}; success redirects (303); a bad report form comes back (400) as typed, each error under its field.
 */
public record LossPages(LossReports reports, Pages pages) {
    /** Shipment rows the form shows at least. */
    static final int ROWS = 3;

    /** The list page: the principal's reports and obligations. */
    public record IndexView(boolean reporter, boolean reviewer, Paged<LossReport> reports, Pager pager,
                            List<Obligation> obligations) {
    }

    /** {@code GET /losses}. */
    public void index(Context ctx) {
        Principal p = Caller.require(ctx);
        Paged<LossReport> list = reports.reports(p, Pager.request(ctx));
        String size = ctx.queryParam("size");
        Pager pager = Pager.of(list, n -> "/losses?page=" + n + (size == null ? "" : "&size=" + size));
        pages.render(ctx, "losses/index.jte", new IndexView(reporter(p), p.is(Role.REVIEWER), list, pager,
                reports.obligations(p, false)));
    }

    /** The report form: its lists, where it posts, the values by field name, the errors by the API's field names. */
    public record FormView(List<LossReports.PolicyOption> policies, List<ClaimCodes.Code> causes, String action,
                           Long reportId, Map<String, String> values, int rows,
                           List<LossReports.Suggestion> suggestions, List<FieldError> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }
    }

    /** {@code GET /losses/new?policyId=&buyerId=}: the form; for a buyer, its shipments prefilled. */
    public void newPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Long policyId = number(ctx.queryParam("policyId"));
        List<LossReports.PolicyOption> policies = reports.policies(p);
        if (policyId == null && policies.size() == 1) {
            policyId = policies.get(0).id();
        }
        Long buyerId = number(ctx.queryParam("buyerId"));
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "policyId", policyId);
        put(v, "buyerId", buyerId);
        List<LossReports.Suggestion> suggestions = reports.suggestions(p, policyId, buyerId);
        int row = 0;
        for (LossReports.Suggestion s : suggestions) {
            String prefix = "shipments[" + row++ + "].";
            put(v, prefix + "invoiceNo", s.invoiceNo());
            put(v, prefix + "shippedOn", s.shippedOn());
            put(v, prefix + "dueOn", s.dueOn());
            put(v, prefix + "outstanding", s.outstandingCents() == null ? null
                    : BigDecimal.valueOf(s.outstandingCents(), 2).toPlainString());
            put(v, prefix + "declarations", s.declaration());
        }
        render(ctx, policies, "/losses", null, v, Math.max(ROWS, row), suggestions, List.of());
    }

    /** {@code POST /losses}: reports, then the report's page; bad fields show the form again (400). */
    public void create(Context ctx) {
        Principal p = Caller.require(ctx);
        LossReport r;
        try {
            r = reports.create(p, form(ctx, true));
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, reports.policies(p), "/losses", null, FormValues.typed(ctx), rows(ctx), List.of(), e.errors());
            return;
        }
        ctx.redirect("/losses/" + r.id(), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /losses/{id}/edit}: the form, filled in, while the report may be changed. */
    public void editPage(Context ctx) {
        Principal p = Caller.require(ctx);
        LossReports.ReportView view = reports.view(p, Params.pathId(ctx, "id"));
        LossReport r = view.report();
        if (!r.state().editable()) {
            throw new cn.creditwindow.validation.ConflictException("loss report " + r.id() + " is "
                    + r.state().en() + ": it can no longer be changed", "报损 " + r.id() + " " + r.state().zh()
                    + "，不能再修改");
        }
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "policyId", r.policyId());
        put(v, "buyerId", r.buyerId());
        put(v, "cause", r.cause());
        put(v, "actionsTaken", r.actionsTaken());
        put(v, "contactName", r.contactName());
        put(v, "contactMobile", r.contactMobile());
        put(v, "contactEmail", r.contactEmail());
        int row = 0;
        for (LossShipment s : view.shipments()) {
            String prefix = "shipments[" + row++ + "].";
            put(v, prefix + "invoiceNo", s.invoiceNo());
            put(v, prefix + "shippedOn", s.shippedOn());
            put(v, prefix + "dueOn", s.dueOn());
            put(v, prefix + "outstanding", BigDecimal.valueOf(s.outstandingCents(), 2).toPlainString());
            put(v, prefix + "declarations", String.join(",", s.declarations()));
        }
        render(ctx, reports.policies(p), "/losses/" + r.id() + "/edit", r.id(), v, Math.max(ROWS, row + 1), List.of(),
                List.of());
    }

    /** {@code POST /losses/{id}/edit}: saves (resubmits), then the report's page; bad fields: the form again (400). */
    public void update(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        try {
            reports.update(p, id, form(ctx, false));
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, reports.policies(p), "/losses/" + id + "/edit", id, FormValues.typed(ctx), rows(ctx), List.of(),
                    e.errors());
            return;
        }
        ctx.redirect("/losses/" + id, HttpStatus.SEE_OTHER);
    }

    /** A report's page: what it says, its steps, and what the viewer may do with it. */
    public record ReportPage(LossReports.ReportView view, boolean editable, boolean reviewer, boolean claimable,
                             LossCodes codes) {
        public LossReport report() {
            return view.report();
        }
    }

    /** {@code GET /losses/{id}}. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        LossReports.ReportView v = reports.view(p, Params.pathId(ctx, "id"));
        LossState s = v.report().state();
        pages.render(ctx, "losses/view.jte", new ReportPage(v, reporter(p) && s.editable(), p.is(Role.REVIEWER),
                p.role().isEnterpriseUser() && s == LossState.ACCEPTED, reports.codes()));
    }

    /** The insurer's queue. */
    public record QueueView(Paged<LossReport> items, Pager pager) {
    }

    /** {@code GET /losses/review}. */
    public void queue(Context ctx) {
        Principal p = Caller.require(ctx);
        Paged<LossReport> items = reports.queue(p, Pager.request(ctx));
        pages.render(ctx, "losses/queue.jte", new QueueView(items, Pager.of(items, n -> "/losses/review?page=" + n)));
    }

    /** {@code POST /losses/{id}/accept}: fields {@code advice} and {@code adviceCodes} (checkboxes). */
    public void accept(Context ctx) {
        long id = Params.pathId(ctx, "id");
        reports.accept(Caller.require(ctx), id, Input.of(new LossReports.Acceptance(ctx.formParam("advice"),
                ctx.formParams("adviceCodes"))));
        ctx.redirect("/losses/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /losses/{id}/request-info}: field {@code note}. */
    public void requestInfo(Context ctx) {
        long id = Params.pathId(ctx, "id");
        reports.requestInfo(Caller.require(ctx), id, Input.of(new LossReports.InfoRequest(ctx.formParam("note"))));
        ctx.redirect("/losses/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /losses/{id}/recovery}: field {@code recovered}. */
    public void recover(Context ctx) {
        long id = Params.pathId(ctx, "id");
        reports.recover(Caller.require(ctx), id, Input.of(new LossReports.Recovery(ctx.formParam("recovered"))));
        ctx.redirect("/losses/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /losses/{id}/claim}: drafts the claim, then its edit form to complete it. */
    public void claim(Context ctx) {
        Claim c = reports.claim(Caller.require(ctx), Params.pathId(ctx, "id"));
        ctx.redirect("/claims/" + c.id() + "/edit", HttpStatus.SEE_OTHER);
    }

    // ---- the form ----

    private void render(Context ctx, List<LossReports.PolicyOption> policies, String action, Long reportId,
                        Map<String, String> values, int rows, List<LossReports.Suggestion> suggestions,
                        List<FieldError> errors) {
        pages.render(ctx, "losses/form.jte", new FormView(policies, reports.codes().causes(), action, reportId, values,
                rows, suggestions, errors));
    }

    private Input<LossReports.ReportForm> form(Context ctx, boolean withPolicy) {
        List<FieldError> unreadable = new ArrayList<>();
        Long policyId = withPolicy ? id(ctx, "policyId", "保单", "the policy", unreadable) : null;
        Long buyerId = id(ctx, "buyerId", "买方编号", "the buyer id", unreadable);
        String name = ctx.formParam("newBuyerNameEn");
        String country = ctx.formParam("newBuyerCountry");
        String address = ctx.formParam("newBuyerAddress");
        boolean anyNew = java.util.stream.Stream.of(name, country, address).anyMatch(x -> x != null && !x.isBlank());
        Buyers.NewBuyer newBuyer = anyNew ? new Buyers.NewBuyer(name, null, country, address, null) : null;
        List<LossReports.ShipmentForm> shipments = new ArrayList<>();
        for (int i = 0; i < rows(ctx); i++) {
            String prefix = "shipments[" + i + "].";
            shipments.add(new LossReports.ShipmentForm(ctx.formParam(prefix + "invoiceNo"),
                    ctx.formParam(prefix + "shippedOn"), ctx.formParam(prefix + "dueOn"),
                    ctx.formParam(prefix + "outstanding"), ctx.formParam(prefix + "declarations")));
        }
        return new Input<>(new LossReports.ReportForm(policyId, buyerId, newBuyer, shipments, ctx.formParam("cause"),
                ctx.formParam("actionsTaken"), ctx.formParam("contactName"), ctx.formParam("contactMobile"),
                ctx.formParam("contactEmail")), unreadable);
    }

    /** The shipment rows posted (their count is in {@code rows}, at most the report's limit). */
    private static int rows(Context ctx) {
        Long n = number(ctx.formParam("rows"));
        return n == null ? ROWS : (int) Math.max(1, Math.min(n, LossReports.MAX_SHIPMENTS));
    }

    private static Long id(Context ctx, String field, String zh, String en, List<FieldError> unreadable) {
        String raw = ctx.formParam(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Long n = number(raw);
        if (n == null) {
            unreadable.add(new FieldError(field, zh + "应为数字", en + " is a number"));
        }
        return n;
    }

    private static Long number(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }



    private static boolean reporter(Principal p) {
        return p.role().isEnterpriseUser() || p.is(Role.ACCOUNT_MANAGER);
    }
}
