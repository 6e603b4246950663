package cn.creditwindow.agreements;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
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
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The pages of 签约管理 (manual 2.1–2.3): the list of agreements with the actions, seals, signing, viewing
 * (and the PDF), the termination step, the data authorisation and the authorised-data query; for reviewers
 * the agreements awaiting their seal and the termination requests. Forms post back here and redirect (303) to
 * a page that says what happened ({@code ?done=…}); bad input shows the error page naming each field.
 */
public record AgreementPages(Seals seals, Agreements agreements, DataAuthorisations authorisations, AuthorisedData data,
                             Pages pages, StatisticsChart chart, Clock clock) {
    /** The outcomes a page may announce, each a message key {@code agreements.done.<name>}. */
    private static final Set<String> DONE = Set.of("seal", "signed", "countersigned", "refused", "terminationRequested",
            "terminated", "terminationRejected", "authorised");

    // ---- views (public: the generated templates live in another package) ----

    /** 签约管理: who is looking, the agreements they may see, and for the enterprise whether to offer authorising. */
    public record ListView(boolean signedIn, boolean enterprise, boolean legal, boolean reviewer,
                           Paged<Agreement> agreements, Pager pager, boolean offerAuthorisation, boolean authorised,
                           String done) {
    }

    public record SealsView(Paged<Seal> seals, Pager pager, boolean canCreate, LocalDate today, List<SealKind> kinds,
                            String done) {
    }

    /** A seal on the signing page: may it be chosen, and if not, why (a message key). */
    public record SealChoice(Seal seal, boolean usable, String whyNot) {
    }

    public record SignView(AgreementText text, List<SealChoice> seals, Agreement live, boolean legal, LocalDate today) {
        public boolean anyUsable() {
            return seals.stream().anyMatch(SealChoice::usable);
        }

        /** The seal chosen unless the user picks another: the first usable one. */
        public boolean preselected(SealChoice c) {
            return seals.stream().filter(SealChoice::usable).findFirst().map(f -> f == c).orElse(false);
        }
    }

    public record AgreementView(Agreement agreement, List<AgreementEvent> history, AgreementText text,
                                boolean canTerminate, boolean canCountersign, boolean canDecideTermination, String done) {
    }

    public record TerminateView(Agreement agreement) {
    }

    public record AuthorisationView(DataAuthorisations.Scope scope, DataAuthorisation existing, Agreement live,
                                    boolean signed, boolean legal) {
    }

    public record DataView(AuthorisedData.Result result, Pager pager, AuthorisedData.Query query, boolean enterprise,
                           boolean authorised, boolean legal, List<DataType> types) {
    }

    /** The reviewer's two queues, each paged ({@code page}, {@code terminationPage}). */
    public record ReviewView(Paged<Agreement> awaiting, Pager awaitingPager, Paged<Agreement> terminations,
                             Pager terminationPager) {
    }

    // ---- pages ----

    /** {@code GET /agreements}: public; without a session it explains and offers to sign in. */
    public void list(Context ctx) {
        Principal p = Caller.find(ctx).orElse(null);
        if (p == null || p.is(Role.SYSTEM) || p.is(Role.ADMIN)) {
            Paged<Agreement> none = Paged.empty(PageRequest.first());
            pages.render(ctx, "agreements/list.jte", new ListView(p != null, false, false, false, none,
                    Pager.of(none, n -> "/agreements"), false, false, null));
            return;
        }
        boolean enterprise = p.role().isEnterpriseUser();
        String size = ctx.queryParam("size");
        Paged<Agreement> list = agreements.list(p, null, null, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(list, n -> QueryString.of().add("size", size).add("page", n).appendTo("/agreements"));
        boolean authorised = enterprise && authorisations.find(p.enterpriseId()).isPresent();
        boolean signed = enterprise && agreements.live(p.enterpriseId()).filter(a -> a.state() == AgreementState.SIGNED)
                .isPresent();
        pages.render(ctx, "agreements/list.jte", new ListView(true, enterprise, p.is(Role.LEGAL_REPRESENTATIVE),
                p.is(Role.REVIEWER), list, pager, signed && !authorised, authorised, done(ctx)));
    }

    /** {@code GET /agreements/seals}. */
    public void seals(Context ctx) {
        Principal p = Caller.require(ctx);
        String size = ctx.queryParam("size");
        Paged<Seal> list = seals.list(p, null, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(list, n -> QueryString.of().add("size", size).add("page", n)
                .appendTo("/agreements/seals"));
        pages.render(ctx, "agreements/seals.jte", new SealsView(list, pager, p.is(Role.LEGAL_REPRESENTATIVE),
                seals.today(), List.of(SealKind.values()), done(ctx)));
    }

    /** {@code POST /agreements/seals}. */
    public void createSeal(Context ctx) {
        Principal p = Caller.require(ctx);
        seals.create(p, new Seals.NewSeal(ctx.formParam("kind"), ctx.formParam("holder"), ctx.formParam("validFrom"),
                ctx.formParam("validUntil")));
        ctx.redirect("/agreements/seals?done=seal", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /agreements/sign}: the text, the seals (only valid company seals may be chosen), the tick. */
    public void signPage(Context ctx) {
        Principal p = Caller.require(ctx);
        LocalDate today = seals.today();
        List<SealChoice> choices = seals.own(p).stream().map(s -> new SealChoice(s, s.canSignOn(today),
                !s.kind().signsAgreements() ? "agreements.seal.notCompany"
                        : today.isAfter(s.validUntil()) ? "agreements.seal.expired"
                        : today.isBefore(s.validFrom()) ? "agreements.seal.notYet" : null)).toList();
        pages.render(ctx, "agreements/sign.jte", new SignView(text(ctx, AgreementText.CURRENT), choices,
                agreements.live(p.enterpriseId()).orElse(null), p.is(Role.LEGAL_REPRESENTATIVE), today));
    }

    /** {@code POST /agreements/sign}: 同意. */
    public void sign(Context ctx) {
        Principal p = Caller.require(ctx);
        List<FieldError> unreadable = new ArrayList<>();
        Long sealId = formId(ctx, "sealId", unreadable);
        Agreement a = agreements.sign(p, new Input<>(new Agreements.SignRequest(sealId, ticked(ctx, "accepted")),
                unreadable));
        ctx.redirect("/agreements/" + a.id() + "?done=signed", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /agreements/{id}}: the agreement, its text, its history, the actions open to the viewer. */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Agreement a = agreements.find(p, id);
        boolean reviewer = p.is(Role.REVIEWER);
        pages.render(ctx, "agreements/view.jte", new AgreementView(a, agreements.history(p, id),
                text(ctx, a.textVersion()),
                p.is(Role.LEGAL_REPRESENTATIVE) && a.state() == AgreementState.SIGNED,
                reviewer && a.state() == AgreementState.AWAITING_INSURER,
                reviewer && a.state() == AgreementState.TERMINATION_REQUESTED, done(ctx)));
    }

    /** {@code GET /agreements/{id}/terminate}: "是否解约？" with 坚持解约 and 取消. */
    public void terminatePage(Context ctx) {
        Principal p = Caller.require(ctx);
        Seals.requireLegalRepresentative(p, "terminate the service agreement", "申请解约");
        pages.render(ctx, "agreements/terminate.jte", new TerminateView(agreements.find(p, Params.pathId(ctx, "id"))));
    }

    /** {@code POST /agreements/{id}/terminate}: 坚持解约. */
    public void terminate(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        agreements.requestTermination(p, id, Input.of(new Agreements.TerminationRequest(ticked(ctx, "confirm"),
                ctx.formParam("reason"))));
        ctx.redirect("/agreements/" + id + "?done=terminationRequested#history", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /agreements/{id}/countersign}. */
    public void countersign(Context ctx) {
        long id = Params.pathId(ctx, "id");
        agreements.countersign(Caller.require(ctx), id);
        ctx.redirect("/agreements/review?done=countersigned", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /agreements/{id}/refuse}. */
    public void refuse(Context ctx) {
        long id = Params.pathId(ctx, "id");
        agreements.refuse(Caller.require(ctx), id, Input.of(new Agreements.Reason(ctx.formParam("reason"))));
        ctx.redirect("/agreements/review?done=refused", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /agreements/{id}/termination/approve}: 解约成功. */
    public void approveTermination(Context ctx) {
        long id = Params.pathId(ctx, "id");
        agreements.approveTermination(Caller.require(ctx), id);
        ctx.redirect("/agreements/review?done=terminated", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /agreements/{id}/termination/reject}: 解约失败. */
    public void rejectTermination(Context ctx) {
        long id = Params.pathId(ctx, "id");
        agreements.rejectTermination(Caller.require(ctx), id,
                Input.of(new Agreements.Reason(ctx.formParam("reason"))));
        ctx.redirect("/agreements/review?done=terminationRejected", HttpStatus.SEE_OTHER);
    }

    /**
     * {@code GET /agreements/review?page=&terminationPage=&size=}: what waits for the insurer, in two paged lists
     * (each pager keeps the other's page).
     */
    public void review(Context ctx) {
        Principal p = Caller.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        String size = ctx.queryParam("size");
        PageRequest awaitingPage = PageRequest.parse(ctx.queryParam("page"), size, errors);
        PageRequest terminationPage = PageRequest.parsePage("terminationPage", ctx.queryParam("terminationPage"),
                awaitingPage.size(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Paged<Agreement> awaiting = agreements.list(p, AgreementState.AWAITING_INSURER, null, awaitingPage);
        Paged<Agreement> terminations = agreements.list(p, AgreementState.TERMINATION_REQUESTED, null, terminationPage);
        java.util.function.BiFunction<Integer, Integer, String> href = (a, t) -> QueryString.of().add("size", size)
                .add("page", a == 1 ? null : a.toString()).add("terminationPage", t == 1 ? null : t.toString())
                .appendTo("/agreements/review");
        pages.render(ctx, "agreements/review.jte", new ReviewView(awaiting,
                Pager.of(awaiting, n -> href.apply(n, terminationPage.page())), terminations,
                Pager.of(terminations, n -> href.apply(awaitingPage.page(), n))));
    }

    /** {@code GET /agreements/authorisation}: 《企业数据授权》, or "请勿重复授权" when given already. */
    public void authorisationPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Optional<Agreement> live = agreements.live(p.enterpriseId());
        pages.render(ctx, "agreements/authorisation.jte", new AuthorisationView(authorisations.scope(),
                authorisations.find(p.enterpriseId()).orElse(null), live.orElse(null),
                live.filter(a -> a.state() == AgreementState.SIGNED).isPresent(), p.is(Role.LEGAL_REPRESENTATIVE)));
    }

    /** {@code POST /agreements/authorisation}: 授权. */
    public void authorise(Context ctx) {
        authorisations.authorise(Caller.require(ctx),
                Input.of(new DataAuthorisations.AuthoriseRequest(ticked(ctx, "agree"))));
        ctx.redirect("/agreements/data?done=authorised", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /agreements/data?type=&from=&to=&enterpriseId=&page=&size=}: 授权数据查询. */
    public void data(Context ctx) {
        Principal p = Caller.require(ctx);
        AuthorisedData.Query q = new AuthorisedData.Query(ctx.queryParam("type"), ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("enterpriseId"), ctx.queryParam("page"), ctx.queryParam("size"));
        boolean enterprise = p.role().isEnterpriseUser();
        AuthorisedData.Result result = data.list(p, q);
        Pager pager = Pager.of(new Paged<>(result.total(), result.page(), result.size(), result.items()),
                n -> QueryString.of().add("type", q.type()).add("from", q.from()).add("to", q.to())
                        .add("enterpriseId", q.enterpriseId()).add("size", q.size()).add("page", n)
                        .appendTo("/agreements/data"));
        pages.render(ctx, "agreements/data.jte", new DataView(result, pager, q, enterprise,
                enterprise && authorisations.find(p.enterpriseId()).isPresent(), p.is(Role.LEGAL_REPRESENTATIVE),
                List.of(DataType.values())));
    }

    /**
     * 授权数据统计: the query as typed, its answer (null before the first 查询 or when the query is bad), the chart's
     * address for the same query, and the errors, by field.
     */
    public record StatisticsView(DataStatistics.Query query, DataStatistics.Result result, String chartHref,
                                 List<FieldError> errors, boolean enterprise, List<DataType> categories,
                                 List<DataStatistics.Frequency> frequencies) {
        /** The error on a field, or null. */
        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }

        /** A bucket's amount, or its record count for a category without amounts, as the chart labels it. */
        public String amount(DataStatistics.Bucket b) {
            return b.amountUsdCents() == null ? "—" : usd(b.amountUsdCents());
        }
    }

    /**
     * {@code GET /agreements/data/statistics?category=&from=&to=&frequency=&enterpriseId=}: the statistics form
     * (查询统计), and once asked the bar chart with the table under it. The first visit offers the last twelve
     * months by month; bad fields come back (400) each with its error.
     */
    public void statistics(Context ctx) {
        Principal p = Caller.require(ctx);
        DataStatistics.Query q = statisticsQuery(ctx);
        boolean enterprise = p.role().isEnterpriseUser();
        List<DataType> categories = List.of(DataType.values());
        List<DataStatistics.Frequency> frequencies = List.of(DataStatistics.Frequency.values());
        if (ctx.queryParamMap().keySet().stream().noneMatch(STATISTICS_PARAMS::contains)) {
            YearMonth now = YearMonth.now(clock);
            DataStatistics.Query first = new DataStatistics.Query(null, now.minusMonths(11).toString(), now.toString(),
                    DataStatistics.Frequency.MONTH.name(), null);
            pages.render(ctx, "agreements/statistics.jte", new StatisticsView(first, null, null, List.of(), enterprise,
                    categories, frequencies));
            return;
        }
        DataStatistics.Result result;
        try {
            result = data.statistics(p, q);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "agreements/statistics.jte", new StatisticsView(q, null, null, e.errors(), enterprise,
                    categories, frequencies));
            return;
        }
        String chartHref = QueryString.of().add("category", q.category()).add("from", q.from()).add("to", q.to())
                .add("frequency", q.frequency()).add("enterpriseId", q.enterpriseId())
                .appendTo("/agreements/data/statistics.svg");
        pages.render(ctx, "agreements/statistics.jte", new StatisticsView(q, result, chartHref, List.of(), enterprise,
                categories, frequencies));
    }

    private static final Set<String> STATISTICS_PARAMS = Set.of("category", "from", "to", "frequency", "enterpriseId");

    /**
     * {@code GET /agreements/data/statistics.svg?category=&from=&to=&frequency=&enterpriseId=}: the statistics' bar
     * chart as SVG, its texts in the page's language; 400 per bad field as for the page.
     */
    public void statisticsSvg(Context ctx) {
        DataStatistics.Result result = data.statistics(Caller.require(ctx), statisticsQuery(ctx));
        ctx.contentType("image/svg+xml; charset=utf-8")
                .result(chart.svg(result, !pages.lang(ctx).code().equals("en")));
    }

    static DataStatistics.Query statisticsQuery(Context ctx) {
        return new DataStatistics.Query(ctx.queryParam("category"), ctx.queryParam("from"), ctx.queryParam("to"),
                ctx.queryParam("frequency"), ctx.queryParam("enterpriseId"));
    }

    // ---- helpers for templates ----

    /** US cents as dollars with thousands separators, e.g. {@code 1,500,000.00}; "—" for none. */
    public static String usd(Long cents) {
        if (cents == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(BigDecimal.valueOf(cents, 2));
    }

    private AgreementText text(Context ctx, String version) {
        return agreements.text(version, pages.lang(ctx).code().equals("en") ? "en" : "zh");
    }

    private static String done(Context ctx) {
        String d = ctx.queryParam("done");
        return d != null && DONE.contains(d) ? d : null;
    }

    /** A checkbox: ticked when sent as {@code true} or {@code on}. */
    private static Boolean ticked(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    /** A chosen id from a form: absent is null (the domain asks for it), not a number is unreadable. */
    private static Long formId(Context ctx, String name, List<FieldError> unreadable) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            unreadable.add(new FieldError(name, "“" + v + "”不是有效的编号", "'" + v + "' is not an id"));
            return null;
        }
    }
}
