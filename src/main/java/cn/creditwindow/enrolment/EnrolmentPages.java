package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Uscc;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.managers.ManagerCard;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Authentication;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
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

    /** The index: the policies and applications the viewer may see, with a tab chosen. */
    public record IndexView(List<Policy> policies, List<Application> applications, Enrolments.Counts counts,
                            String tab, String filter, boolean enterprise, boolean reviewer, boolean admin,
                            Policy current) {
    }

    /**
     * {@code GET /enrolment?tab=applications|policies&filter=pending|effective|returned}; public: nobody signed in
     * is invited to sign in.
     */
    public void index(Context ctx) {
        Principal p = Authentication.principal(ctx).filter(x -> x.role() != Role.SYSTEM).orElse(null);
        if (p == null) {
            // like /agreements, the section's page is public and invites signing in
            pages.render(ctx, "enrolment/index.jte", new IndexView(List.of(), List.of(),
                    new Enrolments.Counts(0, 0, 0, 0), "applications", null, false, false, false, null));
            return;
        }
        String tab = "policies".equals(ctx.queryParam("tab")) ? "policies" : "applications";
        String filter = ctx.queryParam("filter");
        List<Policy> all = enrolments.policies(p);
        List<Policy> shown = all.stream().filter(x -> filter == null
                || filter.equals("pending") && x.state() == PolicyState.PENDING
                || filter.equals("returned") && x.state() == PolicyState.RETURNED
                || filter.equals("effective") && x.state() == PolicyState.EFFECTIVE && x.receipt() == Receipt.PENDING)
                .toList();
        Policy current = p.role().isEnterpriseUser() ? all.stream().filter(x -> x.state().active()).findFirst()
                .orElse(null) : null;
        pages.render(ctx, "enrolment/index.jte", new IndexView(shown, enrolments.allApplications(p),
                enrolments.counts(p), tab, filter, p.role().isEnterpriseUser(), p.role().name().equals("REVIEWER"),
                p.role().name().equals("ADMIN"), current));
    }

    /** A policy's page. */
    public record PolicyPage(Policy policy, Scheme scheme, List<Application> applications, Insurer insurer,
                             String organisationCode, Enrolments.ContactDetails form, boolean declared,
                             List<FieldError> errors, boolean codeSent, boolean enterprise, boolean reviewer,
                             Application open, ManagerCard managers) {
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
        Principal p = Authentication.require(ctx);
        long id = AccountHandlers.pathId(ctx, "id");
        Enrolments.ContactDetails draft = p.role().isEnterpriseUser() ? enrolments.draft(p, id).orElse(null) : null;
        renderPolicy(ctx, p, id, draft, false, List.of(), draft != null);
    }

    private void renderPolicy(Context ctx, Principal p, long id, Enrolments.ContactDetails form, boolean declared,
                              List<FieldError> errors, boolean codeSent) {
        Policy policy = enrolments.policy(p, id);
        List<Application> apps = enrolments.applications(p, id);
        Application open = apps.stream().filter(a -> a.outcome() == Application.Outcome.SUBMITTED).findFirst()
                .orElse(null);
        Enrolments.ContactDetails shown = form != null ? form : apps.isEmpty() ? new Enrolments.ContactDetails("", "", "")
                : new Enrolments.ContactDetails(apps.get(apps.size() - 1).contactName(), apps.get(apps.size() - 1).mobile(),
                apps.get(apps.size() - 1).email());
        pages.render(ctx, "enrolment/policy.jte", new PolicyPage(policy, enrolments.scheme(policy), apps,
                enrolments.insurer(), Uscc.organisationCode(policy.uscc()), shown, declared, errors, codeSent,
                p.role().isEnterpriseUser(), p.role().name().equals("REVIEWER"), open,
                policy.state() == PolicyState.RETURNED ? managers.card(p, policy.enterpriseId()) : null));
    }

    /**
     * {@code POST /enrolment/policies/{id}/application}: {@code action=code} requests a verification code for the
     * typed contact details; {@code action=submit} submits the application with the code.
     */
    public void apply(Context ctx) {
        Principal p = Authentication.require(ctx);
        long id = AccountHandlers.pathId(ctx, "id");
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
            renderPolicy(ctx, p, id, c, declared, e.errors(), "submit".equals(ctx.formParam("action")));
            return;
        }
        ctx.redirect("/enrolment/policies/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /enrolment/policies/{id}/receipt}. */
    public void receipt(Context ctx) {
        Principal p = Authentication.require(ctx);
        long id = AccountHandlers.pathId(ctx, "id");
        enrolments.acknowledge(p, id);
        ctx.redirect("/enrolment/policies/" + id, HttpStatus.SEE_OTHER);
    }

    public record OutboxView(List<Outbox.Sent> notices) {
    }

    /** {@code GET /enrolment/outbox}: 消息记录. */
    public void outbox(Context ctx) {
        Principal p = Authentication.require(ctx);
        pages.render(ctx, "enrolment/outbox.jte", new OutboxView(outbox.ofEnterprise(p.enterpriseId(), 100)));
    }

    public record ReviewView(List<Enrolments.ReviewItem> items) {
    }

    /** {@code GET /enrolment/review}. */
    public void review(Context ctx) {
        pages.render(ctx, "enrolment/review.jte", new ReviewView(enrolments.awaitingReview(Authentication.require(ctx))));
    }

    /** {@code POST /enrolment/review/{id}/accept}. */
    public void accept(Context ctx) {
        Policy policy = enrolments.accept(Authentication.require(ctx), AccountHandlers.pathId(ctx, "id"));
        ctx.redirect("/enrolment/policies/" + policy.id(), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /enrolment/review/{id}/return}. */
    public void returnApplication(Context ctx) {
        Policy policy = enrolments.returnApplication(Authentication.require(ctx), AccountHandlers.pathId(ctx, "id"),
                Input.of(ctx.formParam("reason")));
        ctx.redirect("/enrolment/policies/" + policy.id(), HttpStatus.SEE_OTHER);
    }

    public record ListsView(List<EligibleLists.EligibleList> lists, List<Scheme> schemes, List<FieldError> errors) {
    }

    /** {@code GET /enrolment/lists}. */
    public void lists(Context ctx) {
        pages.render(ctx, "enrolment/lists.jte", new ListsView(lists.lists(), lists.schemes(), List.of()));
    }

    /** {@code POST /enrolment/lists}: multipart with {@code scheme} and {@code file}. */
    public void importList(Context ctx) {
        Principal p = Authentication.require(ctx);
        try {
            EnrolmentHandlers.Upload u = EnrolmentHandlers.upload(ctx);
            EligibleLists.Detail d = lists.importCsv(p, u.scheme(), u.fileName(), u.content());
            ctx.redirect("/enrolment/lists/" + d.list().id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "enrolment/lists.jte", new ListsView(lists.lists(), lists.schemes(), e.errors()));
        }
    }

    public record ListView(EligibleLists.Detail detail, List<FieldError> errors, LocalDate today) {
    }

    /** {@code GET /enrolment/lists/{id}}. */
    public void list(Context ctx) {
        pages.render(ctx, "enrolment/list.jte", new ListView(lists.detail(AccountHandlers.pathId(ctx, "id")),
                List.of(), null));
    }

    /** {@code POST /enrolment/lists/{id}/publish}: {@code start}, {@code end}. */
    public void publish(Context ctx) {
        long id = AccountHandlers.pathId(ctx, "id");
        try {
            lists.publish(id, Input.of(new EligibleLists.Publication(ctx.formParam("start"), ctx.formParam("end"))));
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "enrolment/list.jte", new ListView(lists.detail(id), e.errors(), null));
            return;
        }
        ctx.redirect("/enrolment/lists/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /enrolment/lists/{id}/confirm}. */
    public void confirm(Context ctx) {
        long id = AccountHandlers.pathId(ctx, "id");
        lists.confirm(Authentication.require(ctx), id);
        ctx.redirect("/enrolment/lists/" + id, HttpStatus.SEE_OTHER);
    }
}
