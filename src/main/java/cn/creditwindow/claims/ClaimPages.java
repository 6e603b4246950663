package cn.creditwindow.claims;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.managers.ManagerCard;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.FormValues;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Uploads;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static cn.creditwindow.web.FormValues.put;

/**
 * The claims pages under {@code /claims} (manual 4.1, 4.2): the policy list with each policy's claims, the claim
 * application form (new, and filled in to edit a draft or returned claim), a claim's page (shipments with add, edit,
 * delete, template import; the declaration check and the shipment data report; submission; history and the review
 * receipt with the account managers' contacts), and the reviewer's queue with the accept, return and payment forms.
 * Forms post with {@code _csrf}; success redirects (303). A bad claim form comes back (400) as typed, each error under
 * its field; other bad input shows the error page with every bad field.
 */
public final class ClaimPages {
    private final Claims claims;
    private final ClaimShipments shipments;
    private final ClaimReview review;
    private final ClaimAttachments attachments;
    private final Pages pages;
    // the account managers' card shown with a returned claim (managers.contacts)
    private final AccountManagers managers;

    public ClaimPages(Claims claims, ClaimShipments shipments, ClaimReview review, ClaimAttachments attachments,
                      Pages pages, AccountManagers managers) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.shipments = Objects.requireNonNull(shipments, "shipments");
        this.review = Objects.requireNonNull(review, "review");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.managers = Objects.requireNonNull(managers, "managers");
    }

    /**
     * {@code /claims}: the effective policies and their claims; nobody signed in is invited to sign in.
     *
     * @param calendar true for an administrator, who loads the holiday schedules the deadlines are counted in
     */
    public record IndexView(boolean signedIn, boolean enterprise, boolean reviewer, Paged<Claims.PolicyClaims> policies,
                            Pager pager, ClaimState state, boolean customsImport, boolean calendar) {
    }

    /** {@code GET /claims}; public. */
    public void index(Context ctx) {
        Principal p = Caller.find(ctx).filter(x -> x.role() != Role.SYSTEM).orElse(null);
        if (p == null) {
            Paged<Claims.PolicyClaims> none = Paged.empty(PageRequest.first());
            pages.render(ctx, "claims/index.jte", new IndexView(false, false, false, none, Pager.of(none, n -> "/claims"),
                    null, false, false));
            return;
        }
        // ?state=RETURNED|ACCEPTED|PAID (the home dashboard's links): only the policies with claims in that state
        ClaimState state = stateFilter(ctx.queryParam("state"));
        String size = ctx.queryParam("size");
        Paged<Claims.PolicyClaims> policies = claims.policies(p, state, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(policies, n -> QueryString.of().add("state", state == null ? null : state.name())
                .add("size", size).add("page", n).appendTo("/claims"));
        pages.render(ctx, "claims/index.jte", new IndexView(true, p.role().isEnterpriseUser(),
                p.role() == Role.REVIEWER, policies, pager, state, p.is(Role.REVIEWER) || p.is(Role.ADMIN),
                p.is(Role.ADMIN)));
    }

    private static ClaimState stateFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ClaimState.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "未知的索赔状态“" + raw + "”", "unknown claim state '" + raw + "'");
        }
    }

    /**
     * The application form: its lists, where it posts, the claim it edits (null for a new one), the values its fields
     * show (by the form's field names: as saved, or as typed when the form comes back) and the errors, by the API's
     * field names ({@code newBuyer.country}, {@code issuingBank.swift}, {@code answers.FINANCING}).
     */
    public record FormView(List<ClaimCodes.Code> questions, List<ClaimCodes.Code> causes, String action, Long claimId,
                           Map<String, String> values, List<FieldError> errors) {
        /** A field's value, or "" when it has none. */
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        /** True when the question was answered so ({@code yes}: true). */
        public boolean answered(String question, boolean yes) {
            return (yes ? "yes" : "no").equals(values.get("answer." + question));
        }

        /** The error on a field, or null. */
        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }
    }

    /** The form's values for an edited claim. */
    private static Map<String, String> values(Claim claim) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "buyerId", claim.buyerId());
        for (var bank : List.of(Map.entry("issuing", claim.issuingBank()), Map.entry("confirming", claim.confirmingBank()))) {
            put(v, bank.getKey() + "Swift", bank.getValue().swift());
            put(v, bank.getKey() + "NameEn", bank.getValue().nameEn());
            put(v, bank.getKey() + "Country", bank.getValue().country());
            put(v, bank.getKey() + "AddressEn", bank.getValue().addressEn());
        }
        claim.answers().forEach((q, yes) -> v.put("answer." + q, yes ? "yes" : "no"));
        put(v, "financingSwift", claim.financingSwift());
        put(v, "financingBankName", claim.financingBankName());
        put(v, "financingAmount", claim.financingCents() == null ? null
                : java.math.BigDecimal.valueOf(claim.financingCents(), 2).toPlainString());
        put(v, "lossCause", claim.lossCause());
        put(v, "reason", claim.reason());
        put(v, "caseDescription", claim.caseDescription());
        put(v, "mitigation", claim.mitigation());
        return v;
    }



    private void renderForm(Context ctx, String action, Long claimId, Map<String, String> values,
                            List<FieldError> errors) {
        pages.render(ctx, "claims/form.jte", new FormView(claims.codes().list(ClaimCodes.QUESTION),
                claims.codes().list(ClaimCodes.CAUSE), action, claimId, values, errors));
    }

    /** {@code GET /claims/policies/{id}/new}: the application form. */
    public void newPage(Context ctx) {
        Caller.require(ctx);
        long policyId = Params.pathId(ctx, "id");
        renderForm(ctx, "/claims/policies/" + policyId + "/claims", null, Map.of(), List.of());
    }

    /** {@code GET /claims/{id}/edit}: the application form, filled in, for a draft or returned claim. */
    public void editPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Claim c = editable(p, Params.pathId(ctx, "id")).claim();
        renderForm(ctx, "/claims/" + c.id() + "/edit", c.id(), values(c), List.of());
    }

    /**
     * {@code POST /claims/{id}/edit}: saves the claim form, then the claim's page; bad fields show the form again
     * (400), as typed, with each error under its field.
     */
    public void update(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        try {
            claims.update(p, id, form(ctx));
        } catch (InvalidInputException e) {
            ctx.status(400);
            renderForm(ctx, "/claims/" + id + "/edit", id, FormValues.typed(ctx), e.errors());
            return;
        }
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** The claim, if the enterprise may still change it; 404 for others' claims, 409 once submitted. */
    private Claims.ClaimView editable(Principal p, long id) {
        Claims.ClaimView v = claims.view(p, id);
        if (!v.claim().state().editable()) {
            throw new ConflictException("claim " + id + " is " + v.claim().state().en()
                    + ": it can no longer be changed", "索赔申请 " + id + " " + v.claim().state().zh() + "，不能再修改");
        }
        return v;
    }

    /** {@code POST /claims/policies/{id}/claims}: drafts the claim, then its page; bad fields as for {@link #update}. */
    public void create(Context ctx) {
        Principal p = Caller.require(ctx);
        long policyId = Params.pathId(ctx, "id");
        Claim c;
        try {
            c = claims.create(p, policyId, form(ctx));
        } catch (InvalidInputException e) {
            ctx.status(400);
            renderForm(ctx, "/claims/policies/" + policyId + "/claims", null, FormValues.typed(ctx), e.errors());
            return;
        }
        ctx.redirect("/claims/" + c.id(), HttpStatus.SEE_OTHER);
    }

    /**
     * The form as the API's claim form: a buyer id that is not a number is unreadable (named with the other errors);
     * any of the new buyer's fields filled in asks for a new buyer.
     */
    private Input<Claims.ClaimForm> form(Context ctx) {
        List<FieldError> unreadable = new ArrayList<>();
        Long buyerId = null;
        String raw = ctx.formParam("buyerId");
        if (raw != null && !raw.isBlank()) {
            try {
                buyerId = Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                unreadable.add(new FieldError("buyerId", "买方编号应为数字", "the buyer id is a number"));
            }
        }
        String name = ctx.formParam("newBuyerNameEn");
        String country = ctx.formParam("newBuyerCountry");
        String address = ctx.formParam("newBuyerAddress");
        boolean anyNew = java.util.stream.Stream.of(name, country, address).anyMatch(x -> x != null && !x.isBlank());
        Buyers.NewBuyer newBuyer = anyNew ? new Buyers.NewBuyer(name, null, country, address, null) : null;
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (ClaimCodes.Code q : claims.codes().list(ClaimCodes.QUESTION)) {
            String a = ctx.formParam("answer." + q.code());
            if ("yes".equals(a) || "no".equals(a)) {
                answers.put(q.code(), "yes".equals(a));
            }
        }
        return new Input<>(new Claims.ClaimForm(buyerId, newBuyer, bank(ctx, "issuing"), bank(ctx, "confirming"),
                answers, ctx.formParam("financingSwift"), ctx.formParam("financingBankName"),
                ctx.formParam("financingAmount"), ctx.formParam("lossCause"), ctx.formParam("reason"),
                ctx.formParam("caseDescription"), ctx.formParam("mitigation")), unreadable);
    }

    private static Claims.BankForm bank(Context ctx, String prefix) {
        return new Claims.BankForm(ctx.formParam(prefix + "Swift"), ctx.formParam(prefix + "NameEn"),
                ctx.formParam(prefix + "Country"), ctx.formParam(prefix + "AddressEn"));
    }

    /**
     * A claim's page; {@code attachments} are shown by {@code claims/attachments.jte}. For the reviewer of an
     * accepted claim, {@code payout} is the panel beside 定损赔付, {@code decision} the loss and aggregate limit as
     * typed for 试算 (shown again in the payment form) and {@code payoutErrors} what was wrong with them.
     * {@code prefill} is the loss report shipment the add-shipment form is filled in from, or null.
     */
    public record ClaimPage(Claims.ClaimView view, boolean editable, boolean reviewer, ClaimCodes codes,
                            ManagerCard managers, ClaimAttachments.Listing attachments, ClaimPayouts.PayoutPanel payout,
                            ClaimReview.Decision decision, List<FieldError> payoutErrors, ReportShipment prefill) {
        /**
         * The add-shipment form's value of {@code field}: what the report holds (invoice number, shipment date, the
         * amount outstanding as both invoice and claimed amount, the declaration numbers), else "".
         */
        public String prefilled(String field) {
            if (prefill == null) {
                return "";
            }
            return switch (field) {
                case "invoiceNo" -> prefill.invoiceNo();
                case "shippedOn" -> prefill.shippedOn().toString();
                case "invoiceAmount", "claimedAmount" -> java.math.BigDecimal.valueOf(prefill.outstandingCents(), 2)
                        .toPlainString();
                case "declarations" -> String.join(",", prefill.declarations());
                default -> "";
            };
        }

        /** The error on a payment field, or null. */
        public FieldError payoutError(String field) {
            return payoutErrors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }

        /** An indemnity ratio as a percentage: {@code 0.9} is {@code 90%}. */
        public String percent(String ratio) {
            return new java.math.BigDecimal(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }

        /** A code's name in the page's language is picked in the template; this finds the code. */
        public ClaimCodes.Code code(String list, String code) {
            return codes.find(list, code).orElse(new ClaimCodes.Code(list, code, code, code));
        }

        public String usd(Long cents) {
            return cents == null ? "—" : String.format("%,.2f", java.math.BigDecimal.valueOf(cents, 2));
        }
    }

    /**
     * {@code GET /claims/{id}?fromLoss=}: with {@code fromLoss}, the id of a shipment of the loss report the claim was
     * drafted from, the add-shipment form comes filled in with what the report holds of it; 400 for an id that is not
     * a number, 404 for one that is not among the report's shipments still to add.
     */
    public void view(Context ctx) {
        Principal p = Caller.require(ctx);
        Claims.ClaimView v = claims.view(p, Params.pathId(ctx, "id"));
        renderView(ctx, p, v, new ClaimReview.Decision(null, null), fromLoss(v, ctx.queryParam("fromLoss")));
    }

    /** The report shipment {@code raw} names among those the claim can still take, or null when none is named. */
    private static ReportShipment fromLoss(Claims.ClaimView v, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("fromLoss", "报损出运编号应为数字", "the loss report shipment id is a number");
        }
        return v.lossReportShipments().stream().filter(s -> s.id() == id).findFirst().orElseThrow(
                () -> new NotFoundException("loss report shipment " + id + " is not among those claim " + v.claim().id()
                        + " can still take", "报损出运 " + id + " 不在索赔 " + v.claim().id() + " 可带入的出运中"));
    }

    /**
     * The claim's page; for the reviewer of an accepted claim with the payout panel for {@code decision}, a bad
     * amount shown under its field (400).
     */
    private void renderView(Context ctx, Principal p, Claims.ClaimView v, ClaimReview.Decision decision,
                            ReportShipment prefill) {
        boolean reviewer = p.role() == Role.REVIEWER;
        ClaimPayouts.PayoutPanel panel = null;
        List<FieldError> errors = List.of();
        if (reviewer && v.claim().state() == ClaimState.ACCEPTED) {
            try {
                panel = review.payoutPanel(p, v.claim().id(), Input.of(decision));
            } catch (InvalidInputException e) {
                ctx.status(400);
                errors = e.errors();
                panel = review.payoutPanel(p, v.claim().id(), Input.of(new ClaimReview.Decision(null, null)));
            }
        }
        pages.render(ctx, "claims/view.jte", new ClaimPage(v, p.role().isEnterpriseUser()
                && v.claim().state().editable(), reviewer, claims.codes(),
                managers.card(p, v.claim().enterpriseId()), attachments.list(p, v.claim().id()), panel, decision,
                errors, prefill));
    }

    /**
     * {@code POST /claims/{id}/payout-preview}: 试算, the payment form's second button. The claim's page again with
     * the payout the loss and aggregate limit typed would make, and those amounts kept in the form; nothing is
     * saved. A form post (not a GET form) so the form's CSRF token never lands in an address.
     */
    public void payoutPreview(Context ctx) {
        Principal p = Caller.require(ctx);
        Claims.ClaimView v = claims.view(p, Params.pathId(ctx, "id"));
        renderView(ctx, p, v, new ClaimReview.Decision(ctx.formParam("loss"), ctx.formParam("aggregateLimit")), null);
    }

    /** {@code POST /claims/{id}/shipments}. */
    public void addShipment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        shipments.add(p, id, Input.of(shipmentForm(ctx)));
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    private static Claims.ShipmentForm shipmentForm(Context ctx) {
        return new Claims.ShipmentForm(ctx.formParam("invoiceNo"), ctx.formParam("hsCode"),
                ctx.formParam("shippedOn"), ctx.formParam("paymentMethod"), ctx.formParam("termDays"),
                ctx.formParam("invoiceAmount"), ctx.formParam("claimedAmount"), ctx.formParam("collectionStatus"),
                ctx.formParam("transportMode"), ctx.formParam("declarations"), ctx.formParam("originCertificate"));
    }

    /** A shipment's edit form: the claim, the shipment and the coded lists. */
    public record ShipmentView(Claim claim, Shipment shipment, ClaimCodes codes) {
        public String amount(long cents) {
            return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
        }
    }

    /** {@code GET /claims/{id}/shipments/{shipmentId}/edit}: the shipment's form, filled in. */
    public void shipmentPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Claims.ClaimView v = editable(p, Params.pathId(ctx, "id"));
        long shipmentId = Params.pathId(ctx, "shipmentId");
        Shipment s = v.shipments().stream().filter(x -> x.id() == shipmentId).findFirst().orElseThrow(
                () -> new NotFoundException("shipment " + shipmentId + " not found", "出运信息 " + shipmentId + " 不存在"));
        pages.render(ctx, "claims/shipment.jte", new ShipmentView(v.claim(), s, claims.codes()));
    }

    /** {@code POST /claims/{id}/shipments/{shipmentId}}: saves the shipment, then the claim's page. */
    public void updateShipment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        shipments.update(p, id, Params.pathId(ctx, "shipmentId"), Input.of(shipmentForm(ctx)));
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/shipment-report}: generates the shipment data report, then the claim's page. */
    public void generateReport(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        claims.generateReport(p, id);
        ctx.redirect("/claims/" + id + "#shipment-report", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/shipments/import}: multipart field {@code file}. */
    public void importShipments(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        List<FieldError> errors = new ArrayList<>();
        Uploads.SentFile file = Uploads.file(ctx, ShipmentTemplate.MAX_BYTES, errors); // a larger one is not read
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // no file chosen: refused as empty after the claim (404) and its state (409)
        byte[] content = file.content();
        shipments.importTemplate(p, id, content);
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/shipments/{shipmentId}/delete}. */
    public void deleteShipment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        shipments.delete(p, id, Params.pathId(ctx, "shipmentId"));
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/submit}: the declaration tick is the checkbox {@code declaration}. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        claims.submit(p, id, Input.of(new Claims.Submission("on".equals(ctx.formParam("declaration")))));
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** One page of the reviewer's queue. */
    public record QueueView(Paged<Claim> items, Pager pager) {
    }

    /** {@code GET /claims/review?page=&size=}. */
    public void queue(Context ctx) {
        String size = ctx.queryParam("size");
        Paged<Claim> queue = review.queue(Caller.require(ctx), PageRequest.parse(ctx.queryParam("page"), size));
        pages.render(ctx, "claims/queue.jte", new QueueView(queue, Pager.of(queue,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/claims/review"))));
    }

    /** {@code POST /claims/{id}/accept}. */
    public void accept(Context ctx) {
        long id = Params.pathId(ctx, "id");
        review.accept(Caller.require(ctx), id);
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/return}: field {@code reason}. */
    public void returnClaim(Context ctx) {
        long id = Params.pathId(ctx, "id");
        review.returnClaim(Caller.require(ctx), id, Input.of(ctx.formParam("reason")));
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/payment}: fields {@code loss} and {@code aggregateLimit}. */
    public void pay(Context ctx) {
        long id = Params.pathId(ctx, "id");
        review.pay(Caller.require(ctx), id, Input.of(new ClaimReview.Decision(ctx.formParam("loss"),
                ctx.formParam("aggregateLimit"))));
        ctx.redirect("/claims/" + id, HttpStatus.SEE_OTHER);
    }
}
