package cn.creditwindow.losses;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Pager;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The possible-loss API under {@code /api/loss-reports}. Roles are checked by the routes' guards and again by
 * {@link LossReports}; whose reports are visible by {@code Tenancy} (others' reports 404).
 */
public record LossHandlers(LossReports reports, JsonBodies bodies) {
    /** {@code GET /api/loss-reports?page=&size=}: the reports the principal may see, newest first. */
    public void list(Context ctx) {
        ctx.json(reports.reports(Caller.require(ctx), Pager.request(ctx)));
    }

    /** {@code POST /api/loss-reports}: reports a possible loss; 201. */
    public void create(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(reports.create(p, bodies.input(ctx, LossReports.ReportForm.class)));
    }

    /** {@code GET /api/loss-reports/{id}}: the report, its shipments (each with its report-by day) and its history. */
    public void view(Context ctx) {
        ctx.json(reports.view(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code PUT /api/loss-reports/{id}}: saves the form again (resubmits after a request for more). */
    public void update(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(reports.update(p, id, bodies.input(ctx, LossReports.ReportForm.class)));
    }

    /** {@code GET /api/loss-reports/codes}: the causes and the insurer's advice codes. */
    public void codes(Context ctx) {
        Map<String, Object> lists = new LinkedHashMap<>();
        lists.put("CAUSE", reports.codes().causes());
        lists.put("ADVICE", reports.codes().advice());
        ctx.json(lists);
    }

    /**
     * {@code GET /api/loss-reports/obligations?overdue=true}: what is due and by when, soonest first, over the
     * enterprises the principal may see ({@code overdue}: only what is past its day).
     */
    public void obligations(Context ctx) {
        Principal p = Caller.require(ctx);
        String overdue = ctx.queryParam("overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw new InvalidInputException("overdue", "overdue 应为 true 或 false", "overdue is true or false");
        }
        ctx.json(Map.of("today", reports.today(), "items", reports.obligations(p, "true".equals(overdue))));
    }

    /** {@code POST /api/loss-reports/receivables}: registers a receivable outstanding on a buyer; 201. */
    public void registerReceivable(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(reports.registerReceivable(p, bodies.input(ctx, LossReports.ReceivableForm.class)));
    }

    /**
     * {@code GET /api/loss-reports/suggestions?policyId=&buyerId=}: the form's prefill for a buyer: registered
     * receivables, then customs declarations to its country not yet reported.
     */
    public void suggestions(Context ctx) {
        Principal p = Caller.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        Long policyId = id(ctx, "policyId", errors);
        Long buyerId = id(ctx, "buyerId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(Map.of("items", reports.suggestions(p, policyId, buyerId)));
    }

    static Long id(Context ctx, String name, List<FieldError> errors) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(name, "请填写 " + name, name + " is required"));
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, name + " 应为数字", name + " is a number"));
            return null;
        }
    }

    /** {@code GET /api/review/loss-reports}: the insurer's queue, oldest first. */
    public void queue(Context ctx) {
        ctx.json(reports.queue(Caller.require(ctx), Pager.request(ctx)));
    }

    /** {@code POST /api/review/loss-reports/{id}/accept}: body {@code {advice, adviceCodes: [..]}}. */
    public void accept(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(reports.accept(p, id, bodies.input(ctx, LossReports.Acceptance.class)));
    }

    /** {@code POST /api/review/loss-reports/{id}/request-info}: body {@code {note}}. */
    public void requestInfo(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(reports.requestInfo(p, id, bodies.input(ctx, LossReports.InfoRequest.class)));
    }

    /** {@code POST /api/review/loss-reports/{id}/recovery}: body {@code {recovered}} in USD. */
    public void recover(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(reports.recover(p, id, bodies.input(ctx, LossReports.Recovery.class)));
    }

    /** {@code POST /api/loss-reports/{id}/claim}: drafts the claim from an accepted report; 201 with the claim. */
    public void claim(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(reports.claim(p, Params.pathId(ctx, "id")));
    }
}
