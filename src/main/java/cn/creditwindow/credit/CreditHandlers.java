package cn.creditwindow.credit;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credit services API under {@code /api/credit} (and the administrator's prices under
 * {@code /api/admin/credit/prices}). Roles are checked by the routes' guards and again by the domain; whose orders
 * and wallets are visible by {@code Tenancy}.
 */
public record CreditHandlers(CreditOrders orders, CreditQuotes quotes, CreditQuotas quotas, CreditPrices prices,
                             ReportPdf pdf, JsonBodies bodies) {
    /** A report type with its current price. */
    record TypeView(ReportType type, CreditPrices.Price price) {
    }

    /** {@code GET /api/credit/types}: the report types and their prices (CNY). */
    public void types(Context ctx) {
        List<CreditPrices.Price> all = prices.all();
        List<TypeView> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            items.add(new TypeView(orders.types().all().get(i), all.get(i)));
        }
        ctx.json(Map.of("currency", Fen.CURRENCY, "items", items));
    }

    /** {@code GET /api/credit/quote?type=&buyerId=&country=&hsCode=&product=&urgent=&enterpriseId=}. */
    public void quote(Context ctx) {
        ctx.json(quotes.quote(Caller.require(ctx), request(ctx)));
    }

    /**
     * The order a query string describes (the quote's parameters; the order page's too): an id or {@code urgent} that
     * cannot be read is named with the domain's errors of the rest.
     */
    public static Input<CreditOrders.OrderRequest> request(Context ctx) {
        List<FieldError> unreadable = new ArrayList<>();
        Long buyerId = id(ctx, "buyerId", unreadable);
        Long enterpriseId = id(ctx, "enterpriseId", unreadable);
        String urgent = ctx.queryParam("urgent");
        if (urgent != null && !List.of("true", "false", "on", "1", "0", "").contains(urgent)) {
            unreadable.add(new FieldError("urgent", "加急应为 true 或 false", "urgent is true or false"));
        }
        return new Input<>(new CreditOrders.OrderRequest(ctx.queryParam("type"), buyerId, ctx.queryParam("country"),
                ctx.queryParam("hsCode"), ctx.queryParam("product"),
                urgent != null && List.of("true", "on", "1").contains(urgent), enterpriseId, null), unreadable);
    }

    /** A positive id in the query string, or null when absent. */
    static Long id(Context ctx, String name, List<FieldError> errors) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, name + " 应为正整数编号", name + " must be a positive id"));
        return null;
    }

    /** {@code GET /api/credit/orders?state=&enterpriseId=&page=&size=}: one page of the orders, newest first. */
    public void list(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Long enterpriseId = id(ctx, "enterpriseId", errors);
        PageRequest page = PageRequest.parse(ctx.queryParam("page"), ctx.queryParam("size"), errors);
        OrderState state = null;
        String s = ctx.queryParam("state");
        if (s != null && !s.isBlank()) {
            try {
                state = OrderState.valueOf(s);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "未知的订单状态“" + s + "”", "unknown order state '" + s + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(orders.orders(Caller.require(ctx), state == null ? Set.of() : Set.of(state), enterpriseId,
                page));
    }

    /** {@code POST /api/credit/orders}: an {@link CreditOrders.OrderRequest} with {@code expectedCharge}. */
    public void create(Context ctx) {
        CreditOrder o = orders.order(Caller.require(ctx), bodies.input(ctx, CreditOrders.OrderRequest.class));
        ctx.status(201).header("Location", "/api/credit/orders/" + o.id()).json(o);
    }

    /** An order with its history. */
    record OrderView(CreditOrder order, List<OrderEvent> history) {
    }

    /** {@code GET /api/credit/orders/{id}}. */
    public void get(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(new OrderView(orders.order(p, id), orders.history(p, id)));
    }

    /** A reason, for cancelling or unable to locate. */
    record Reason(String reason) {
    }

    private Input<String> reason(Context ctx) {
        return bodies.input(ctx, Reason.class).map(Reason::reason);
    }

    /** {@code POST /api/credit/orders/{id}/cancellation}: body {@code {"reason"}} (optional). */
    public void cancel(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(orders.cancel(p, id, reason(ctx)));
    }

    /** {@code GET /api/credit/orders/{id}/report.pdf} (and the page's {@code /credit/orders/{id}/report.pdf}). */
    public void pdf(Context ctx) {
        CreditOrder o = orders.order(Caller.require(ctx), Params.pathId(ctx, "id"));
        byte[] bytes = pdf.render(o);
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + ReportPdf.fileName(o)
                + "\"").result(bytes);
    }

    /** {@code GET /api/credit/wallet?enterpriseId=}. */
    public void wallet(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Long enterpriseId = id(ctx, "enterpriseId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(quotas.wallet(Caller.require(ctx), enterpriseId));
    }

    /** {@code GET /api/credit/fulfilment?page=&size=}: one page of the insurer's queue. */
    public void queue(Context ctx) {
        ctx.json(orders.queue(Caller.require(ctx), PageRequest.parse(ctx.queryParam("page"),
                ctx.queryParam("size"))));
    }

    /** {@code POST /api/credit/orders/{id}/take}. */
    public void take(Context ctx) {
        ctx.json(orders.take(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code POST /api/credit/orders/{id}/delivery}: body a {@link Report}. */
    public void deliver(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(orders.deliver(p, id, bodies.input(ctx, Report.class)));
    }

    /** {@code POST /api/credit/orders/{id}/unable-to-locate}: body {@code {"reason"}} (required). */
    public void unable(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(orders.unableToLocate(p, id, reason(ctx)));
    }

    /** {@code GET /api/admin/credit/prices}. */
    public void prices(Context ctx) {
        ctx.json(Map.of("currency", Fen.CURRENCY, "items", prices.all()));
    }

    /** {@code PUT /api/admin/credit/prices/{type}}: body {@code {"price", "urgentSurcharge"}} in yuan. */
    public void setPrice(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(prices.set(p, ctx.pathParam("type"), bodies.input(ctx, CreditPrices.PriceChange.class)));
    }
}
