package cn.creditwindow.financing;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Map;

/**
 * The financing marketplace's API under {@code /api/financing}: the products (public), applying (an enterprise's
 * people), the applications (Tenancy decides whose), and for the insurer's staff the bank's decision and the CSV
 * export for the banks. Routes carry the role guards.
 */
public record FinancingHandlers(Financing financing, JsonBodies bodies) {
    /** {@code GET /api/financing/products}. */
    public void products(Context ctx) {
        ctx.json(Map.of("items", financing.products().all()));
    }

    /** {@code GET /api/financing/products/{id}}. */
    public void product(Context ctx) {
        ctx.json(financing.product(ctx.pathParam("id")));
    }

    /** {@code POST /api/financing/products/{id}/applications}: 立即申请. */
    public void apply(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(financing.apply(p, ctx.pathParam("id"), bodies.input(ctx, Financing.Form.class)));
    }

    /** {@code GET /api/financing/applications?state=&bank=}. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        ApplicationState state = state(ctx);
        ctx.json(financing.list(p, state, ctx.queryParam("bank"), PageRequest.parse(ctx.queryParam("page"),
                ctx.queryParam("size"))));
    }

    /** {@code GET /api/financing/applications/{id}}. */
    public void get(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(financing.get(p, Params.pathId(ctx, "id")));
    }

    /** {@code POST /api/financing/applications/{id}/decision}: {@code {"decision": "APPROVED", "note": "…"}}. */
    public void decide(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(financing.decide(p, id, bodies.input(ctx, Financing.Decision.class)));
    }

    /** {@code GET /api/financing/applications.csv?state=&bank=}: for forwarding to the banks. */
    public void csv(Context ctx) {
        Principal p = Caller.require(ctx);
        String body = financing.csv(p, state(ctx), ctx.queryParam("bank"));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"financing-applications.csv\"");
        ctx.result(body);
    }

    /** The {@code state} query parameter, or null; 400 naming the values when unknown. */
    static ApplicationState state(Context ctx) {
        String raw = ctx.queryParam("state");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ApplicationState.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            String all = String.join("、", Arrays.stream(ApplicationState.values()).map(Enum::name).toList());
            throw new InvalidInputException("state", "未知的申请状态“" + raw + "”，可选：" + all,
                    "unknown state '" + raw + "'; use " + all.replace("、", ", "));
        }
    }
}
