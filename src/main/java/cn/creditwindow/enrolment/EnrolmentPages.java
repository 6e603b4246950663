package cn.creditwindow.enrolment;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Uscc;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.managers.ManagerCard;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The enrolment pages under {@code /enrolment}: the enterprise's lists (投保申请 / 保险单 tabs) with the five-step
 * indicator, a policy's page (pending policy, application form with the verification code, result, 收悉, PDFs),
 * the outbox (消息记录), the reviewer's queue and the administrator's eligible lists. Forms post with
 * {@code _csrf}; success redirects (303), bad input shows the form again with every bad field (400).
 */
public final class EnrolmentPages {
    private final Enrolments enrolments;
    private final EligibleLists lists;
    private final Outbox outbox;
    private final Pages pages;
    // the account managers' card shown with a returned application (managers.contacts)
    private final AccountManagers managers;

    public EnrolmentPages(Enrolments enrolments, EligibleLists lists, Outbox outbox, Pages pages,
                          AccountManagers managers) {
        this.managers = Objects.requireNonNull(managers, "managers");
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
        this.lists = Objects.requireNonNull(lists, "lists");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** The index: one page of the policies the viewer may see, with a tab and a filter chosen. */
    public record IndexView(Paged<Policy> policies, Pager pager, Enrolments.Counts counts, String tab, String filter,
                            boolean enterprise, boolean reviewer, boolean admin, Policy current, PremiumDue currentDue) {
    }

    /**
     * {@code GET /enrolment?tab=applications|policies&filter=pending|effective|returned|awaiting-payment&page=&size=}; public: nobody
     * signed in is invited to sign in. The policies tab lists the policies with a number; the filters are the home
     * page's counts.
     */
    public void index(Context ctx) {
        Principal p = Caller.find(ctx).filter(x -> x.role() != Role.SYSTEM).orElse(null);
        if (p == null) {
            // like /agreements, the section's page is public and invites signing in
            Paged<Policy> none = Paged.empty(PageRequest.first());
            pages.render(ctx, "enrolment/index.jte", new IndexView(none, Pager.of(none, n -> "/enrolment"),
                    new Enrolments.Counts(0, 0, 0, 0, 0), "applications", null, false, false, false, null, null));
            return;
        }
        String tab = "policies".equals(ctx.queryParam("tab")) ? "policies" : "applications";
        String filter = ctx.queryParam("filter") == null || ctx.queryParam("filter").isBlank() ? null
                : ctx.queryParam("filter").strip();
        List<FieldError> errors = new ArrayList<>();
        if (filter != null && !List.of("pending", "effective", "returned", "awaiting-payment").contains(filter)) {
            errors.add(new FieldError("filter", "未知的筛选“" + filter + "”，可选：pending、effective、returned、"
                    + "awaiting-payment", "unknown filter '" + filter + "'; use pending, effective, returned or"
                    + " awaiting-payment"));
        }
        String size = ctx.queryParam("size");
        PageRequest page = PageRequest.parse(ctx.queryParam("page"), size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PolicyState state = filter == null ? null : switch (filter) {
            case "pending" -> PolicyState.PENDING;
            case "returned" -> PolicyState.RETURNED;
            case "awaiting-payment" -> PolicyState.AWAITING_PAYMENT;
            default -> PolicyState.EFFECTIVE;
        };
        Paged<Policy> shown = enrolments.policies(p, state, "effective".equals(filter) ? Receipt.PENDING : null,
                tab.equals("policies"), page);
        Pager pager = Pager.of(shown, n -> QueryString.of().add("tab", tab.equals("policies") ? tab : null)
                .add("filter", filter).add("size", size).add("page", n).appendTo("/enrolment"));
        Policy current = p.role().isEnterpriseUser() ? enrolments.current(p).orElse(null) : null;
        pages.render(ctx, "enrolment/index.jte", new IndexView(shown, pager, enrolments.counts(p), tab, filter,
                p.role().isEnterpriseUser(), p.role().name().equals("REVIEWER"), p.role().name().equals("ADMIN"),
                current, current != null && current.state() == PolicyState.AWAITING_PAYMENT
                ? enrolments.payments().due(current).orElse(null) : null));
    }

    /** A policy's page. */
    public record PolicyPage(Policy policy, Scheme scheme, List<Application> applications, Insurer insurer,
                             String organisationCode, Enrolments.ContactDetails form, boolean declared,
                             List<FieldError> errors, Enrolments.LiveCode live, boolean enterprise, boolean reviewer,
                             Application open, ManagerCard managers, PremiumDue due, PremiumPayments.Payment payment,
                             PremiumPayments.Invoice invoice, PremiumPayments.PaymentForm paymentForm) {
        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::zh).findFirst().orElse(null);
        }

        public boolean hasError(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public Application lastReturned() {
            for (int i = applications.size() - 1; i >= 0; i--) {
                if (applications.get(i).outcome() == Application.Outcome.RETURNED) {
                    return applications.get(i);
                }
            }
            return null;
        }
    }

    /** {@code GET /enrolment/policies/{id}}. */
    public void policy(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        renderPolicy(ctx, p, id, null, false, List.of(), null);
    }

    private void renderPolicy(Context ctx, Principal p, long id, Enrolments.ContactDetails form, boolean declared,
                              List<FieldError> errors, PremiumPayments.PaymentForm paymentForm) {
        Policy policy = enrolments.policy(p, id);
        Enrolments.LiveCode live = p.role().isEnterpriseUser() ? enrolments.liveCode(p, id).orElse(null) : null;
        List<Application> apps = enrolments.applications(p, id);
        Application open = apps.stream().filter(a -> a.outcome() == Application.Outcome.SUBMITTED).findFirst()
                .orElse(null);
        // what was typed; else the details typed with one's own live code; else the last application's
        Enrolments.ContactDetails typed = form != null ? form : live == null ? null : live.draft();
        Enrolments.ContactDetails shown = typed != null ? typed : apps.isEmpty() ? new Enrolments.ContactDetails("", "", "")
                : new Enrolments.ContactDetails(apps.get(apps.size() - 1).contactName(), apps.get(apps.size() - 1).mobile(),
                apps.get(apps.size() - 1).email());
        pages.render(ctx, "enrolment/policy.jte", new PolicyPage(policy, enrolments.scheme(policy), apps,
                enrolments.insurer(), Uscc.organisationCode(policy.uscc()), shown, declared, errors, live,
                p.role().isEnterpriseUser(), p.role().name().equals("REVIEWER"), open,
                policy.state() == PolicyState.RETURNED ? managers.card(p, policy.enterpriseId()) : null,
                enrolments.payments().due(policy).orElse(null), enrolments.payments().payment(p, id).orElse(null),
                enrolments.payments().invoice(p, id).orElse(null),
                paymentForm != null ? paymentForm : new PremiumPayments.PaymentForm("", "", "")));
    }

    /**
     * {@code POST /enrolment/policies/{id}/application}: {@code action=code} requests a verification code for the
     * typed contact details; {@code action=submit} submits the application with the code.
     */
    public void apply(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Enrolments.ContactDetails c = new Enrolments.ContactDetails(ctx.formParam("contactName"),
                ctx.formParam("mobile"), ctx.formParam("email"));
        boolean declared = ctx.formParam("declaration") != null;
        try {
            if ("code".equals(ctx.formParam("action"))) {
                enrolments.requestCode(p, id, Input.of(c));
            } else {
                enrolments.submit(p, id, Input.of(new Enrolments.ApplicationForm(c.contactName(), c.mobile(), c.email(),
                        declared, ctx.formParam("code"))));
            }
        } catch (InvalidInputException e) {
            ctx.status(400);
            renderPolicy(ctx, p, id, c, declared, e.errors(), null);
            return;
        }
        ctx.redirect("/enrolment/policies/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /enrolment/policies/{id}/receipt}. */
    public void receipt(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        enrolments.acknowledge(p, id);
        ctx.redirect("/enrolment/policies/" + id, HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /enrolment/policies/{id}/payment}: {@code receivedOn}, {@code amount}, {@code reference}; bad input
     * shows the policy page again with every bad field (400).
     */
    public void recordPayment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        PremiumPayments.PaymentForm form = new PremiumPayments.PaymentForm(ctx.formParam("receivedOn"),
                ctx.formParam("amount"), ctx.formParam("reference"));
        try {
            enrolments.payments().record(p, id, Input.of(form));
        } catch (InvalidInputException e) {
            ctx.status(400);
            renderPolicy(ctx, p, id, null, false, e.errors(), form);
            return;
        }
        ctx.redirect("/enrolment/policies/" + id, HttpStatus.SEE_OTHER);
    }

    public record PaymentsView(Paged<PremiumPayments.Due> items, Pager pager) {
    }

    /** {@code GET /enrolment/payments?page=&size=}: one page of the policies awaiting payment (待缴费), accepted first first. */
    public void payments(Context ctx) {
        String size = ctx.queryParam("size");
        Paged<PremiumPayments.Due> items = enrolments.payments().awaiting(Caller.require(ctx),
                PageRequest.parse(ctx.queryParam("page"), size));
        pages.render(ctx, "enrolment/payments.jte", new PaymentsView(items, Pager.of(items,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/enrolment/payments"))));
    }

    public record OutboxView(Paged<Outbox.Sent> notices, Pager pager) {
    }

    /** {@code GET /enrolment/outbox?page=&size=}: 消息记录, newest first. */
    public void outbox(Context ctx) {
        Principal p = Caller.require(ctx);
        String size = ctx.queryParam("size");
        Paged<Outbox.Sent> notices = outbox.ofEnterprise(p.enterpriseId(), PageRequest.parse(ctx.queryParam("page"),
                size));
        pages.render(ctx, "enrolment/outbox.jte", new OutboxView(notices, Pager.of(notices,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/enrolment/outbox"))));
    }

    public record ReviewView(Paged<Enrolments.ReviewItem> items, Pager pager) {
    }

    /** {@code GET /enrolment/review?page=&size=}: one page of the applications awaiting review, oldest first. */
    public void review(Context ctx) {
        String size = ctx.queryParam("size");
        Paged<Enrolments.ReviewItem> items = enrolments.awaitingReview(Caller.require(ctx),
                PageRequest.parse(ctx.queryParam("page"), size));
        pages.render(ctx, "enrolment/review.jte", new ReviewView(items, Pager.of(items,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/enrolment/review"))));
    }

    /** {@code POST /enrolment/review/{id}/accept}. */
    public void accept(Context ctx) {
        Policy policy = enrolments.accept(Caller.require(ctx), Params.pathId(ctx, "id"));
        ctx.redirect("/enrolment/policies/" + policy.id(), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /enrolment/review/{id}/return}. */
    public void returnApplication(Context ctx) {
        Policy policy = enrolments.returnApplication(Caller.require(ctx), Params.pathId(ctx, "id"),
                Input.of(ctx.formParam("reason")));
        ctx.redirect("/enrolment/policies/" + policy.id(), HttpStatus.SEE_OTHER);
    }

    public record ListsView(Paged<EligibleLists.EligibleList> lists, Pager pager, List<Scheme> schemes,
                            List<FieldError> errors) {
    }

    /** {@code GET /enrolment/lists?page=&size=}: one page of the lists, newest first, and the import form. */
    public void lists(Context ctx) {
        renderLists(ctx, List.of());
    }

    private void renderLists(Context ctx, List<FieldError> errors) {
        String size = ctx.queryParam("size");
        Paged<EligibleLists.EligibleList> page = lists.lists(PageRequest.parse(ctx.queryParam("page"), size));
        pages.render(ctx, "enrolment/lists.jte", new ListsView(page, Pager.of(page,
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/enrolment/lists")), lists.schemes(),
                errors));
    }

    /** {@code POST /enrolment/lists}: multipart with {@code scheme} and {@code file}. */
    public void importList(Context ctx) {
        Principal p = Caller.require(ctx);
        try {
            EnrolmentHandlers.Upload u = EnrolmentHandlers.upload(ctx);
            EligibleLists.Detail d = lists.importCsv(p, u.scheme(), u.fileName(), u.content());
            ctx.redirect("/enrolment/lists/" + d.list().id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            renderLists(ctx, e.errors());
        }
    }

    public record ListView(EligibleLists.Detail detail, Pager pager, List<FieldError> errors, LocalDate today) {
    }

    /** {@code GET /enrolment/lists/{id}?page=&size=}: the list and one page of its rows. */
    public void list(Context ctx) {
        renderList(ctx, Params.pathId(ctx, "id"), List.of());
    }

    private void renderList(Context ctx, long id, List<FieldError> errors) {
        String size = ctx.queryParam("size");
        EligibleLists.Detail d = lists.detail(id, PageRequest.parse(ctx.queryParam("page"), size));
        Pager pager = Pager.of(new Paged<>(d.total(), d.page(), d.size(), d.entries()),
                n -> QueryString.of().add("size", size).add("page", n).appendTo("/enrolment/lists/" + id));
        pages.render(ctx, "enrolment/list.jte", new ListView(d, pager, errors, null));
    }

    /** {@code POST /enrolment/lists/{id}/publish}: {@code start}, {@code end}. */
    public void publish(Context ctx) {
        long id = Params.pathId(ctx, "id");
        try {
            lists.publish(id, Input.of(new EligibleLists.Publication(ctx.formParam("start"), ctx.formParam("end"))));
        } catch (InvalidInputException e) {
            ctx.status(400);
            renderList(ctx, id, e.errors());
            return;
        }
        ctx.redirect("/enrolment/lists/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /enrolment/lists/{id}/confirm}. */
    public void confirm(Context ctx) {
        long id = Params.pathId(ctx, "id");
        lists.confirm(Caller.require(ctx), id);
        ctx.redirect("/enrolment/lists/" + id, HttpStatus.SEE_OTHER);
    }
}
