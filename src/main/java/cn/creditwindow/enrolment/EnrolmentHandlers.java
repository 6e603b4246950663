package cn.creditwindow.enrolment;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Uscc;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Uploads;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The enrolment API: policies and their applications for the enterprise (and, read-only, its account
 * managers), the reviewer's decisions, the administrator's eligible lists, and the enterprise's outbox. Roles
 * are checked by the routes' guards and again by the domain; whose records are visible by {@code Tenancy}.
 */
public record EnrolmentHandlers(Enrolments enrolments, EligibleLists lists, EnrolmentPdfs pdfs, Outbox outbox,
                                JsonBodies bodies) {
    /** Largest eligible-list file accepted. */
    static final int MAX_LIST_BYTES = 4 * 1024 * 1024;

    /**
     * A policy as the API shows it: with its scheme's names, the step it is at, and the system-filled fields; for a
     * scheme that takes effect on the enterprise's payment, the amount due with its formula ({@code due}), and once
     * paid the payment and the invoice (null before).
     */
    record PolicyView(Policy policy, String schemeNameZh, String schemeNameEn, int step, Insurer insurer,
                      String organisationCode, List<Application> applications, PremiumDue due,
                      PremiumPayments.Payment payment, PremiumPayments.Invoice invoice) {
    }

    private PolicyView view(Principal p, Policy policy) {
        Scheme s = enrolments.scheme(policy);
        PremiumPayments payments = enrolments.payments();
        return new PolicyView(policy, s.nameZh(), s.nameEn(), policy.step(), enrolments.insurer(),
                Uscc.organisationCode(policy.uscc()), enrolments.applications(p, policy.id()),
                payments.due(policy).orElse(null), payments.payment(p, policy.id()).orElse(null),
                payments.invoice(p, policy.id()).orElse(null));
    }

    /** {@code GET /api/policies?page=&size=}: one page of the policies the principal may see, and the counts. */
    public void policies(Context ctx) {
        Principal p = Caller.require(ctx);
        Map<String, Object> answer = enrolments.policies(p, null, null, false, Pager.request(ctx)).fields();
        answer.put("counts", enrolments.counts(p));
        ctx.json(answer);
    }

    /** {@code GET /api/policies/{id}}. */
    public void policy(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(view(p, enrolments.policy(p, Params.pathId(ctx, "id"))));
    }

    /** {@code POST /api/policies/{id}/verification-code}: body {@code {contactName, mobile, email}}. */
    public void requestCode(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.status(201).json(enrolments.requestCode(p, id, bodies.input(ctx, Enrolments.ContactDetails.class)));
    }

    /** {@code POST /api/policies/{id}/application}. */
    public void submit(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Application a = enrolments.submit(p, id, bodies.input(ctx, Enrolments.ApplicationForm.class));
        ctx.status(201).json(a);
    }

    /** {@code POST /api/policies/{id}/receipt}. */
    public void receipt(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(enrolments.acknowledge(p, Params.pathId(ctx, "id")));
    }

    /** {@code GET /api/policies/{id}/application.pdf}: the application form (小微企业投保单), before or after submission. */
    public void applicationPdf(Context ctx) {
        Principal p = Caller.require(ctx);
        Policy policy = enrolments.policy(p, Params.pathId(ctx, "id"));
        sendPdf(ctx, pdfs.applicationForm(policy, enrolments.scheme(policy), latest(p, policy)),
                "application-" + policy.id() + ".pdf");
    }

    /** {@code GET /api/policies/{id}/policy.pdf}: the electronic policy (电子保单), once effective. */
    public void policyPdf(Context ctx) {
        Principal p = Caller.require(ctx);
        Policy policy = enrolments.policy(p, Params.pathId(ctx, "id"));
        sendPdf(ctx, pdfs.policy(policy, enrolments.scheme(policy), latest(p, policy)),
                "policy-" + policy.policyNumber() + ".pdf");
    }

    private Application latest(Principal p, Policy policy) {
        List<Application> all = enrolments.applications(p, policy.id());
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    static void sendPdf(Context ctx, byte[] pdf, String name) {
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .result(pdf);
    }

    /** {@code GET /api/review/applications?page=&size=}: one page of the applications awaiting review, oldest first. */
    public void awaitingReview(Context ctx) {
        ctx.json(enrolments.awaitingReview(Caller.require(ctx), Pager.request(ctx)));
    }

    /** {@code POST /api/review/applications/{id}/accept}. */
    public void accept(Context ctx) {
        ctx.json(enrolments.accept(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    record ReturnBody(String reason) {
    }

    /** {@code POST /api/review/applications/{id}/return}: body {@code {reason}}. */
    public void returnApplication(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(enrolments.returnApplication(p, id, bodies.input(ctx, ReturnBody.class).map(ReturnBody::reason)));
    }

    /** {@code GET /api/review/payments?page=&size=}: one page of the policies awaiting payment, accepted first first. */
    public void awaitingPayment(Context ctx) {
        ctx.json(enrolments.payments().awaiting(Caller.require(ctx), Pager.request(ctx)));
    }

    /** {@code POST /api/review/policies/{id}/payment}: body {@code {receivedOn, amount, reference}}. */
    public void recordPayment(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.status(201).json(enrolments.payments().record(p, id, bodies.input(ctx, PremiumPayments.PaymentForm.class)));
    }

    /** {@code GET /api/policies/{id}/invoice}: the invoice issued for the premium payment; 404 before. */
    public void invoice(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(enrolments.payments().invoice(p, id).orElseThrow(() -> PremiumPayments.noInvoice(id)));
    }

    /** {@code GET /api/policies/{id}/invoice.pdf}: the invoice as PDF; 404 before the payment. */
    public void invoicePdf(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        PremiumPayments.Invoice invoice = enrolments.payments().invoice(p, id)
                .orElseThrow(() -> PremiumPayments.noInvoice(id));
        Policy policy = enrolments.policy(p, id);
        sendPdf(ctx, pdfs.invoice(policy, invoice, enrolments.payments().payment(p, id).orElseThrow(),
                enrolments.payments().due(policy).orElseThrow()), "invoice-" + invoice.number() + ".pdf");
    }

    /** {@code GET /api/outbox?page=&size=}: one page of the notices of the signed-in user's enterprise, newest first. */
    public void outbox(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(outbox.ofEnterprise(p.enterpriseId(), Pager.request(ctx)));
    }

    /** The {@code page} and {@code size} of a list's request. */

    // ---- the administrator's eligible lists ----

    /** {@code GET /api/admin/eligible-lists?page=&size=}: one page of the lists, newest first; the schemes. */
    public void eligibleLists(Context ctx) {
        Map<String, Object> answer = lists.lists(Pager.request(ctx)).fields();
        answer.put("schemes", lists.schemes().stream().map(Scheme::id).toList());
        ctx.json(answer);
    }

    /** {@code GET /api/admin/eligible-lists/{id}?page=&size=}: the list and one page of its rows. */
    public void eligibleList(Context ctx) {
        long id = Params.pathId(ctx, "id");
        ctx.json(lists.detail(id, Pager.request(ctx)));
    }

    /**
     * {@code POST /api/admin/eligible-lists?scheme=…}: the CSV as the body ({@code text/csv}), or a multipart
     * form with {@code file} and {@code scheme}.
     */
    public void importList(Context ctx) {
        Principal p = Caller.require(ctx);
        Upload u = upload(ctx);
        ctx.status(201).json(lists.importCsv(p, u.scheme(), u.fileName(), u.content()));
    }

    /** What an import request carries. */
    record Upload(String scheme, String fileName, byte[] content) {
    }

    /**
     * The upload as sent: a file that is too large is refused at once (400); a missing file is null content and a
     * missing scheme null, for {@link EligibleLists#importCsv} to name with the file's rows.
     */
    static Upload upload(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Uploads.SentFile f = Uploads.file(ctx, MAX_LIST_BYTES, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String scheme = ctx.isMultipartFormData() ? ctx.formParam("scheme") : ctx.queryParam("scheme");
        return new Upload(scheme, f.name(), f.isEmpty() ? null : f.content());
    }

    /** {@code POST /api/admin/eligible-lists/{id}/publication}: body {@code {start, end}} (yyyy-MM-dd). */
    public void publish(Context ctx) {
        long id = Params.pathId(ctx, "id");
        ctx.json(lists.publish(id, bodies.input(ctx, EligibleLists.Publication.class)));
    }

    /** {@code POST /api/admin/eligible-lists/{id}/confirmation}. */
    public void confirm(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(lists.confirm(p, Params.pathId(ctx, "id")));
    }

}
