package cn.creditwindow.credit;

import cn.creditwindow.web.Statuses;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The credit services' pages under {@code /credit}: the wallet and orders (public, inviting sign-in), the order form
 * with the buyer picker and the quote shown before confirming, an order's page (history, report, PDF, cancel), and
 * the insurer's fulfilment queue and delivery form. Forms post with {@code _csrf}; success redirects (303), bad
 * input shows the form again with every bad field (400), a changed quote shows the new one (409).
 */
public final class CreditPages {
    private final CreditOrders orders;
    private final CreditQuotes quotes;
    private final CreditQuotas quotas;
    private final Countries countries;
    private final Pages pages;

    private final Buyers buyers;

    public CreditPages(CreditOrders orders, CreditQuotes quotes, CreditQuotas quotas, Buyers buyers,
                       Countries countries, Pages pages) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** {@code /credit}: the wallet of the enterprise shown, one page of the orders, the order button. */
    public record IndexView(Wallet wallet, Paged<CreditOrder> orders, Pager pager,
                            CreditOrders.EnterpriseChoices enterprises, String enterpriseQ, Long enterpriseId,
                            boolean canOrder, boolean reviewer, String state) {
    }

    private static final CreditOrders.EnterpriseChoices NO_CHOICE = new CreditOrders.EnterpriseChoices(List.of(), false);

    /**
     * {@code GET /credit?enterpriseId=&enterpriseQ=&state=&page=&size=}; public: nobody signed in is invited to sign
     * in. {@code enterpriseQ} narrows the enterprise picker (part of a name or USCC).
     */
    public void index(Context ctx) {
        Principal p = Caller.find(ctx).filter(x -> x.role() != Role.SYSTEM).orElse(null);
        if (p == null) {
            Paged<CreditOrder> none = Paged.empty(PageRequest.first());
            pages.render(ctx, "credit/index.jte", new IndexView(null, none, Pager.of(none, n -> "/credit"), NO_CHOICE,
                    "", null, false, false, null));
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Long enterpriseId = CreditHandlers.id(ctx, "enterpriseId", errors);
        // ?state=open (ordered or in progress) or an order state (the home dashboard's links)
        String state = ctx.queryParam("state") == null || ctx.queryParam("state").isBlank() ? null
                : ctx.queryParam("state").strip();
        Set<OrderState> states = states(state, errors);
        PageRequest page = PageRequest.parse(ctx.queryParam("page"), ctx.queryParam("size"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean enterprise = p.role().isEnterpriseUser();
        Long shown = enterprise ? p.enterpriseId() : enterpriseId;
        Wallet wallet = shown == null || p.role() == Role.ADMIN ? null : quotas.wallet(p, shown);
        Paged<CreditOrder> list = p.role() == Role.ADMIN ? Paged.empty(page) : orders.orders(p, states, shown, page);
        String size = ctx.queryParam("size");
        String enterpriseQ = ctx.queryParam("enterpriseQ") == null ? "" : ctx.queryParam("enterpriseQ").strip();
        Pager pager = Pager.of(list, n -> QueryString.of().add("enterpriseId", enterprise || shown == null ? null
                : shown.toString()).add("enterpriseQ", enterpriseQ).add("state", state).add("size", size)
                .add("page", n).appendTo("/credit"));
        pages.render(ctx, "credit/index.jte", new IndexView(wallet, list, pager, enterprise || p.role() == Role.ADMIN
                ? NO_CHOICE : orders.enterprises(p, enterpriseQ), enterpriseQ, shown,
                enterprise || p.role() == Role.ACCOUNT_MANAGER, p.role() == Role.REVIEWER, state));
    }

    /** The states {@code ?state=} names: {@code open} (ordered or in progress), one state, or any (null). */
    private static Set<OrderState> states(String state, List<FieldError> errors) {
        if (state == null) {
            return Set.of();
        }
        if (state.equals("open")) {
            return Set.of(OrderState.ORDERED, OrderState.IN_PROGRESS);
        }
        try {
            return Set.of(OrderState.valueOf(state));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("state", "未知的订单状态“" + state + "”，可选：open、ORDERED、IN_PROGRESS、"
                    + "DELIVERED、CANCELLED、UNABLE_TO_LOCATE", "unknown order state '" + state + "'; use open, ORDERED,"
                    + " IN_PROGRESS, DELIVERED, CANCELLED or UNABLE_TO_LOCATE"));
            return Set.of();
        }
    }

    /** The order form: what was typed, the buyers found, the quote (once asked for), and the errors. */
    public record OrderView(List<ReportType> types, CreditOrders.EnterpriseChoices enterprises, Form form,
                            Buyer buyer, BuyerMatches buyers, boolean searched, Quote quote, String refusal,
                            List<FieldError> errors) {
        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::zh).findFirst().orElse(null);
        }

        public String errorEn(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::en).findFirst().orElse(null);
        }

        public boolean hasError(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }
    }

    /** The order form's fields as typed (text, so that a bad value is shown again). */
    public record Form(String type, String enterpriseId, String enterpriseQ, String buyerId, String buyerQ,
                       String country, String hsCode, String product, boolean urgent) {
        /** The order as the domain takes it; an id that is not a number is named with its errors. */
        Input<CreditOrders.OrderRequest> request(BigDecimal expectedCharge) {
            List<FieldError> unreadable = new ArrayList<>();
            Long buyer = id("buyerId", buyerId, unreadable);
            Long enterprise = id("enterpriseId", enterpriseId, unreadable);
            return new Input<>(new CreditOrders.OrderRequest(type, buyer, country, hsCode, product, urgent, enterprise,
                    expectedCharge), unreadable);
        }

        private static Long id(String field, String s, List<FieldError> unreadable) {
            Long id = parse(s);
            if (id != null && id < 0) {
                unreadable.add(new FieldError(field, field + " 应为正整数编号", field + " must be a positive id"));
                return null;
            }
            return id;
        }

        private static Long parse(String s) {
            try {
                return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }
    }

    private Form form(Context ctx, boolean post) {
        java.util.function.Function<String, String> v = post ? ctx::formParam : ctx::queryParam;
        String type = v.apply("type");
        String country = v.apply("country");
        if (!post && type == null && country != null && !country.isBlank()) {
            // from the search page's 资信服务 button with a country: a country risk report for it
            type = "COUNTRY_RISK";
        }
        Country c = country == null ? null : countries.find(country.strip()).orElse(null);
        return new Form(type == null ? "BUYER_CREDIT" : type, v.apply("enterpriseId"), v.apply("enterpriseQ"),
                v.apply("buyerId"), v.apply("buyerQ"), c == null ? country : c.alpha2(), v.apply("hsCode"), v.apply("product"),
                v.apply("urgent") != null && !"false".equals(v.apply("urgent")));
    }

    /** {@code GET /credit/order}: {@code action=search} finds buyers, {@code action=quote} shows the quote. */
    public void orderPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Form f = form(ctx, false);
        String action = ctx.queryParam("action");
        Quote quote = null;
        List<FieldError> errors = List.of();
        if ("quote".equals(action)) {
            try {
                quote = quotes.quote(p, f.request(null));
            } catch (InvalidInputException e) {
                errors = e.errors();
                ctx.status(400);
            } catch (Refusal e) {
                renderOrder(ctx, p, f, null, e.zh() + " / " + e.getMessage(), List.of(), false);
                ctx.status(Statuses.of(e));
                return;
            }
        }
        renderOrder(ctx, p, f, quote, null, errors, "search".equals(action));
    }

    private void renderOrder(Context ctx, Principal p, Form f, Quote quote, String refusal, List<FieldError> errors,
                             boolean searched) {
        Long enterpriseId = p.role().isEnterpriseUser() ? p.enterpriseId() : Form.parse(f.enterpriseId());
        Buyer buyer = null;
        Long buyerId = Form.parse(f.buyerId());
        if (buyerId != null && buyerId > 0) {
            try {
                buyer = buyers.find(p, buyerId);
            } catch (cn.creditwindow.validation.NotFoundException e) {
                buyer = null;
            }
        }
        BuyerMatches found = searched || f.buyerQ() != null && !f.buyerQ().isBlank()
                ? findBuyers(p, enterpriseId, f.buyerQ()) : new BuyerMatches(List.of(), false);
        pages.render(ctx, "credit/order.jte", new OrderView(orders.types().all(),
                p.role() == Role.ACCOUNT_MANAGER ? orders.enterprises(p, f.enterpriseQ()) : NO_CHOICE, f, buyer, found,
                searched, quote, refusal, errors));
    }

    /** {@code POST /credit/orders}: confirms with the quote's charge ({@code expectedCharge}). */
    public void order(Context ctx) {
        Principal p = Caller.require(ctx);
        Form f = form(ctx, true);
        BigDecimal expected;
        try {
            expected = new BigDecimal(Objects.requireNonNullElse(ctx.formParam("expectedCharge"), "").strip());
        } catch (NumberFormatException e) {
            expected = null;
        }
        try {
            CreditOrder o = orders.order(p, f.request(expected));
            ctx.redirect("/credit/orders/" + o.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            renderOrder(ctx, p, f, null, null, e.errors(), false);
            ctx.status(400);
        } catch (Refusal e) {
            Quote now = null;
            try {
                now = quotes.quote(p, f.request(null));
            } catch (Refusal | InvalidInputException ignored) {
                // the refusal below says why
            }
            renderOrder(ctx, p, f, now, e.zh() + " / " + e.getMessage(), List.of(), false);
            ctx.status(Statuses.of(e));
        }
    }

    /** An order's page. */
    public record OrderPage(CreditOrder order, List<OrderEvent> history, boolean canCancel, boolean reviewer) {
    }

    /** {@code GET /credit/orders/{id}}. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        CreditOrder o = orders.order(p, id);
        boolean reviewer = p.role() == Role.REVIEWER;
        boolean canCancel = o.state() == OrderState.ORDERED || reviewer && o.state() == OrderState.IN_PROGRESS;
        pages.render(ctx, "credit/view.jte", new OrderPage(o, orders.history(p, id), canCancel, reviewer));
    }

    /** {@code POST /credit/orders/{id}/cancel}. */
    public void cancel(Context ctx) {
        long id = Params.pathId(ctx, "id");
        orders.cancel(Caller.require(ctx), id, Input.of(ctx.formParam("reason")));
        ctx.redirect("/credit/orders/" + id, HttpStatus.SEE_OTHER);
    }

    public record QueueView(Paged<CreditOrder> items, Pager pager) {
    }

    /** {@code GET /credit/fulfilment?page=&size=}: one page of the insurer's queue. */
    public void fulfilment(Context ctx) {
        String size = ctx.queryParam("size");
        Paged<CreditOrder> queue = orders.queue(Caller.require(ctx), PageRequest.parse(ctx.queryParam("page"),
                size));
        pages.render(ctx, "credit/fulfilment.jte", new QueueView(queue, Pager.of(queue,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/credit/fulfilment"))));
    }

    /** {@code POST /credit/orders/{id}/take}. */
    public void take(Context ctx) {
        long id = Params.pathId(ctx, "id");
        orders.take(Caller.require(ctx), id);
        ctx.redirect("/credit/orders/" + id + "/deliver", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /credit/orders/{id}/unable}: reason required. */
    public void unable(Context ctx) {
        long id = Params.pathId(ctx, "id");
        orders.unableToLocate(Caller.require(ctx), id, Input.of(ctx.formParam("reason")));
        ctx.redirect("/credit/fulfilment", HttpStatus.SEE_OTHER);
    }

    /** The delivery form: the order, what was typed, the errors. */
    public record DeliverView(CreditOrder order, DeliveryForm form, List<FieldError> errors) {
        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::zh).findFirst().orElse(null);
        }

        public boolean hasError(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public List<String> ratings() {
            return Report.RATINGS;
        }

        public List<String> payments() {
            return List.of("PROMPT", "SLOW", "DELINQUENT", "UNKNOWN");
        }

        public List<String> events() {
            return List.of("BANKRUPTCY", "DEFAULT", "REFUSAL_TO_PAY", "LITIGATION", "SANCTIONS", "OTHER");
        }

        public String paymentName(String code, boolean zh) {
            return Report.PAYMENT.get(code)[zh ? 0 : 1];
        }

        public String eventName(String code, boolean zh) {
            return Report.EVENTS.get(code)[zh ? 0 : 1];
        }
    }

    /** The delivery form's fields as typed; up to {@value #EVENT_ROWS} risk events. */
    public record DeliveryForm(String name, String registrationNo, String country, String address, String established,
                               String legalForm, String rating, String paymentBehaviour, String year, String currency,
                               String revenue, String netProfit, String totalAssets, List<String[]> events,
                               String summary) {
    }

    static final int EVENT_ROWS = 3;

    /** {@code GET /credit/orders/{id}/deliver}. */
    public void deliverPage(Context ctx) {
        Principal p = Caller.require(ctx);
        CreditOrder o = orders.order(p, Params.pathId(ctx, "id"));
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < EVENT_ROWS; i++) {
            events.add(new String[] {"", "", ""});
        }
        pages.render(ctx, "credit/deliver.jte", new DeliverView(o, new DeliveryForm(o.buyerName() == null ? "" : o.buyerName(),
                "", o.buyerCountry() == null ? "" : o.buyerCountry(), "", "", "", "", "", "", "", "", "", "", events, ""),
                List.of()));
    }

    /** {@code POST /credit/orders/{id}/deliver}. */
    public void deliver(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < EVENT_ROWS; i++) {
            events.add(new String[] {v(ctx, "eventType" + i), v(ctx, "eventDate" + i), v(ctx, "eventText" + i)});
        }
        DeliveryForm f = new DeliveryForm(v(ctx, "name"), v(ctx, "registrationNo"), v(ctx, "country"), v(ctx, "address"),
                v(ctx, "established"), v(ctx, "legalForm"), v(ctx, "rating"), v(ctx, "paymentBehaviour"), v(ctx, "year"),
                v(ctx, "currency"), v(ctx, "revenue"), v(ctx, "netProfit"), v(ctx, "totalAssets"), events, v(ctx, "summary"));
        List<FieldError> unreadable = new ArrayList<>();
        Report report = report(f, unreadable);
        try {
            // amounts that are not numbers are named with the report's other errors, after the order's state
            orders.deliver(p, id, new Input<>(report, unreadable));
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "credit/deliver.jte", new DeliverView(orders.order(p, id), f, e.errors()));
            return;
        }
        ctx.redirect("/credit/orders/" + id, HttpStatus.SEE_OTHER);
    }

    private static Report report(DeliveryForm f, List<FieldError> errors) {
        boolean anyRegistration = !(f.name() + f.registrationNo() + f.country() + f.address() + f.established()
                + f.legalForm()).isBlank();
        Report.Registration g = anyRegistration ? new Report.Registration(n(f.name()), n(f.registrationNo()),
                n(f.country()), n(f.address()), n(f.established()), n(f.legalForm())) : null;
        Integer year = null;
        if (!f.year().isBlank()) {
            try {
                year = Integer.parseInt(f.year().strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("financials.year", "财务年度为四位数字", "the financial year is four digits"));
            }
        }
        BigDecimal revenue = amount("financials.revenue", f.revenue(), errors);
        BigDecimal profit = amount("financials.netProfit", f.netProfit(), errors);
        BigDecimal assets = amount("financials.totalAssets", f.totalAssets(), errors);
        boolean anyFinancials = year != null || revenue != null || profit != null || assets != null
                || !f.currency().isBlank();
        Report.Financials fin = anyFinancials ? new Report.Financials(year, n(f.currency()), revenue, profit, assets)
                : null;
        List<Report.RiskEvent> events = new ArrayList<>();
        for (String[] e : f.events()) {
            if (!(e[0] + e[1] + e[2]).isBlank()) {
                events.add(new Report.RiskEvent(n(e[0]), n(e[1]), n(e[2])));
            }
        }
        return new Report(g, n(f.rating()), n(f.paymentBehaviour()), fin, events, f.summary());
    }

    private static BigDecimal amount(String field, String text, List<FieldError> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "请填写数字金额", "write the amount as a number"));
            return null;
        }
    }

    private static String v(Context ctx, String name) {
        String s = ctx.formParam(name);
        return s == null ? "" : s;
    }

    private static String n(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The buyers the picker offers, and whether the search found more than it shows (then it asks to narrow). */
    public record BuyerMatches(List<Buyer> items, boolean more) {
    }

    /**
     * The buyer picker: a buyer code finds that buyer; otherwise the first page of the directory's search (forgiving
     * legal forms, word order and small typos), best first, keeping the buyers an order for {@code enterpriseId} may
     * name; {@code more} when the search found more than that page.
     */
    private BuyerMatches findBuyers(Principal p, Long enterpriseId, String q) {
        List<Buyer> byCode = buyers.findForOrder(p, enterpriseId, q).stream()
                .filter(b -> b.code().equalsIgnoreCase(q.strip())).toList();
        if (!byCode.isEmpty()) {
            return new BuyerMatches(byCode, false);
        }
        Buyers.SearchResult r = buyers.search(p, new Buyers.Query(q, null, null));
        return new BuyerMatches(r.items().stream().map(Buyers.Hit::buyer)
                .filter(b -> enterpriseId == null || b.addedByEnterpriseId() == null
                        || b.addedByEnterpriseId().equals(enterpriseId)).toList(), r.total() > r.items().size());
    }
}
