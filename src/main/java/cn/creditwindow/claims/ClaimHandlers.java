package cn.creditwindow.claims;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.validation.Input;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims API under {@code /api/claims} and the reviewer's under {@code /api/review/claims}. Roles are checked by
 * the routes' guards and again by {@link Claims}; whose claims are visible by {@code Tenancy} (others' claims 404).
 */
public record ClaimHandlers(Claims claims, ClaimShipments shipments, ClaimReview review, JsonBodies bodies) {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** {@code GET /api/claims/policies?page=&size=}: one page of the effective policies with their claims. */
    public void policies(Context ctx) {
        ctx.json(claims.policies(Caller.require(ctx), null, Pager.request(ctx)));
    }

    /** {@code GET /api/claims?page=&size=}: one page of the claims the principal may see, newest first. */
    public void list(Context ctx) {
        ctx.json(claims.claims(Caller.require(ctx), Pager.request(ctx)));
    }


    /** {@code GET /api/claims/codes}: the coded lists of the form, by list name. */
    public void codes(Context ctx) {
        Map<String, List<ClaimCodes.Code>> lists = new LinkedHashMap<>();
        for (ClaimCodes.Code c : claims.codes().all()) {
            lists.computeIfAbsent(c.list(), k -> new java.util.ArrayList<>()).add(c);
        }
        ctx.json(lists);
    }

    /** {@code GET /api/claims/templates/shipments.csv}. */
    public void templateCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"shipments-template.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(ShipmentTemplate.csv());
    }

    /** {@code GET /api/claims/templates/shipments.xlsx}. */
    public void templateXlsx(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"shipments-template.xlsx\"");
        ctx.contentType(XLSX).result(ShipmentTemplate.xlsx());
    }

    /** {@code POST /api/claims/policies/{id}/claims}: drafts a claim; 201. */
    public void create(Context ctx) {
        Principal p = Caller.require(ctx);
        long policyId = Params.pathId(ctx, "id");
        ctx.status(201).json(claims.create(p, policyId, bodies.input(ctx, Claims.ClaimForm.class)));
    }

    /** {@code GET /api/claims/{id}}: the claim, its shipments, history and the account managers' contacts. */
    public void claim(Context ctx) {
        ctx.json(claims.view(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code PUT /api/claims/{id}}: saves the claim form. */
    public void update(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(claims.update(p, id, bodies.input(ctx, Claims.ClaimForm.class)));
    }

    /** {@code POST /api/claims/{id}/shipments}: 201. */
    public void addShipment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.status(201).json(shipments.add(p, id, bodies.input(ctx, Claims.ShipmentForm.class)));
    }

    /** {@code PUT /api/claims/{id}/shipments/{shipmentId}}. */
    public void updateShipment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        long shipmentId = Params.pathId(ctx, "shipmentId");
        ctx.json(shipments.update(p, id, shipmentId, bodies.input(ctx, Claims.ShipmentForm.class)));
    }

    /** {@code DELETE /api/claims/{id}/shipments/{shipmentId}}: 204. */
    public void deleteShipment(Context ctx) {
        Principal p = Caller.require(ctx);
        shipments.delete(p, Params.pathId(ctx, "id"), Params.pathId(ctx, "shipmentId"));
        ctx.status(204);
    }

    /** {@code POST /api/claims/{id}/shipments/import}: the body is the filled-in template (CSV or XLSX); 201. */
    public void importShipments(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        long length = ctx.contentLength();
        if (length > ShipmentTemplate.MAX_BYTES) {
            throw new InvalidInputException("file", "文件不能超过 2 MB", "the file must be at most 2 MB");
        }
        ctx.status(201).json(Map.of("items", shipments.importTemplate(p, id, ctx.bodyAsBytes())));
    }

    /** {@code POST /api/claims/{id}/submission}: body {@code {declaration: true}}. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(claims.submit(p, id, bodies.input(ctx, Claims.Submission.class)));
    }

    /**
     * {@code POST /api/claims/{id}/shipment-report}: generates the shipment data report from the claim's shipments as
     * they are now; 201 with the PDF.
     */
    public void generateReport(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        claims.generateReport(p, id);
        ctx.status(201).header("Location", "/api/claims/" + id + "/shipment-report");
        pdf(ctx, claims.report(p, id));
    }

    /** {@code GET /api/claims/{id}/shipment-report}: the latest report's PDF; 404 before the first. */
    public void report(Context ctx) {
        pdf(ctx, claims.report(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    private static void pdf(Context ctx, ClaimDocuments.StoredReport r) {
        ctx.header("X-Shipments-Version", Long.toString(r.info().shipmentsVersion()))
                .header("X-Report-Current", Boolean.toString(r.info().current()))
                .header("Content-Disposition", "inline; filename=\"shipment-report-" + r.info().id() + ".pdf\"")
                .contentType("application/pdf").result(r.pdf());
    }

    /** {@code GET /api/review/claims?page=&size=}: one page of the submitted and accepted claims, oldest first. */
    public void queue(Context ctx) {
        ctx.json(review.queue(Caller.require(ctx), Pager.request(ctx)));
    }

    /** {@code POST /api/review/claims/{id}/accept}. */
    public void accept(Context ctx) {
        ctx.json(review.accept(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** The return's body. */
    record ReturnBody(String reason) {
    }

    /** {@code POST /api/review/claims/{id}/return}: body {@code {reason}}. */
    public void returnClaim(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(review.returnClaim(p, id, bodies.input(ctx, ReturnBody.class).map(ReturnBody::reason)));
    }

    /** {@code POST /api/review/claims/{id}/payment}: body {@code {loss, aggregateLimit?}} in USD. */
    public void pay(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(review.pay(p, id, bodies.input(ctx, ClaimReview.Decision.class)));
    }

    /**
     * {@code GET /api/review/claims/{id}/payout-preview?loss=&aggregateLimit=}: the payout panel of an accepted claim
     * (limits, paid so far, left) and, for a loss in USD, the payout the payment would make now; changes nothing.
     */
    public void payoutPreview(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(review.payoutPanel(p, id, Input.of(new ClaimReview.Decision(ctx.queryParam("loss"),
                ctx.queryParam("aggregateLimit")))));
    }
}
