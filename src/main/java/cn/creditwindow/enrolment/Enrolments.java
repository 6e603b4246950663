package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.schemes.DateRange;
import cn.creditwindow.schemes.PolicyYear;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The enterprise's five steps and the insurer's review: view a pending policy, request a verification code
 * and submit the application (APPLIED), accepted (EFFECTIVE, receipt pending) or returned with a reason
 * (RETURNED, may be submitted again), receipt acknowledged (RECEIVED). A scheme that takes effect on the enterprise's
 * payment puts an accepted application's policy in AWAITING_PAYMENT first ({@link PremiumPayments}). Every
 * operation is one transaction; every read and write checks the principal against {@link Tenancy} (others' policies
 * answer not found).
 */
public final class Enrolments {
    static final int MAX_REASON = 500;

    private final Database db;
    private final SchemeCatalogue schemes;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;
    private final Insurer insurer;
    private final VerificationCodes codes;
    private final PremiumPayments payments;

    public Enrolments(Database db, SchemeCatalogue schemes, Notifier notifier, Clock clock, ZoneId zone, Insurer insurer,
                      SecureRandom random) {
        this.db = Objects.requireNonNull(db, "db");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.insurer = Objects.requireNonNull(insurer, "insurer");
        this.codes = new VerificationCodes(clock, random);
        this.payments = new PremiumPayments(db, this::scheme, notifier, clock, zone);
    }

    /** The premium payments of schemes that take effect on the enterprise's payment (Henan medium). */
    public PremiumPayments payments() {
        return payments;
    }

    public Insurer insurer() {
        return insurer;
    }

    /** The scheme a policy is under. */
    public Scheme scheme(Policy p) {
        return db.read(tx -> scheme(tx, p));
    }

    private Scheme scheme(Tx tx, Policy p) {
        return schemes.current(tx).byId(p.schemeId()).orElseThrow(() -> new IllegalStateException("policy " + p.id()
                + " names scheme " + p.schemeId() + ", which is not loaded"));
    }

    // ---- reading ----

    /**
     * One page of the policies the principal may see, newest first; {@code state} and {@code receipt} (null: any)
     * narrow them, and {@code issuedOnly} keeps those with a policy number.
     */
    public Paged<Policy> policies(Principal p, PolicyState state, Receipt receipt, boolean issuedOnly,
                                  PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        StringBuilder sql = new StringBuilder(PolicyRows.SELECT).append(" WHERE ").append(f.sql());
        if (state != null) {
            sql.append(" AND p.state = ?");
            args.add(state);
        }
        if (receipt != null) {
            sql.append(" AND p.receipt = ?");
            args.add(receipt);
        }
        if (issuedOnly) {
            sql.append(" AND p.policy_number IS NOT NULL");
        }
        return db.read(tx -> page.select(tx, sql.toString(), "p.id DESC", PolicyRows::policy, args.toArray()));
    }

    /**
     * The newest policy the principal may see that is still active (pending, applied, returned, awaiting payment or
     * effective).
     */
    public java.util.Optional<Policy> current(Principal p) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        return db.read(tx -> tx.one(PolicyRows.SELECT + " WHERE " + f.sql() + " AND p.state IN ('PENDING', 'APPLIED',"
                + " 'RETURNED', 'AWAITING_PAYMENT', 'EFFECTIVE') ORDER BY p.id DESC LIMIT 1", PolicyRows::policy, f.args()));
    }

    /** One policy, or not found when it does not exist or is not the principal's to see. */
    public Policy policy(Principal p, long id) {
        return db.read(tx -> visiblePolicy(tx, p, id));
    }

    /** Every application of a policy, oldest first (the history the enterprise and insurer see). */
    public List<Application> applications(Principal p, long policyId) {
        return db.read(tx -> {
            visiblePolicy(tx, p, policyId);
            return tx.list("SELECT * FROM applications WHERE policy_id = ? ORDER BY id", PolicyRows::application,
                    policyId);
        });
    }


    /** An application awaiting review, with its policy. */
    public record ReviewItem(Application application, Policy policy) {
    }

    /** One page of the applications awaiting review that the principal may see, oldest first. */
    public Paged<ReviewItem> awaitingReview(Principal p, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        return db.read(tx -> page.select(tx, "SELECT a.id FROM applications a JOIN policies p ON p.id = a.policy_id"
                + " WHERE a.outcome = 'SUBMITTED' AND " + f.sql(), "a.id", r -> r.longValue("id"), f.args())
                .map(id -> reviewItem(tx, id)));
    }

    private ReviewItem reviewItem(Tx tx, long applicationId) {
        Application a = tx.one("SELECT * FROM applications WHERE id = ?", PolicyRows::application, applicationId)
                .orElseThrow();
        return new ReviewItem(a, tx.one(PolicyRows.SELECT + " WHERE p.id = ?", PolicyRows::policy, a.policyId())
                .orElseThrow());
    }

    /**
     * The home page's counts (manual 1.1) over the policies the principal may see; {@code awaitingPayment}: accepted
     * policies whose enterprise share of the premium is not yet recorded (待缴费).
     */
    public record Counts(long pending, long effectiveNotices, long returned, long awaitingReview, long awaitingPayment) {
    }

    public Counts counts(Principal p) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        return db.read(tx -> {
            List<Object> args = List.of(f.args());
            String where = " FROM policies p WHERE " + f.sql();
            return new Counts(
                    tx.number("SELECT COUNT(*)" + where + " AND p.state = 'PENDING'", args.toArray()),
                    tx.number("SELECT COUNT(*)" + where + " AND p.state = 'EFFECTIVE' AND p.receipt = 'PENDING'",
                            args.toArray()),
                    tx.number("SELECT COUNT(*)" + where + " AND p.state = 'RETURNED'", args.toArray()),
                    tx.number("SELECT COUNT(*) FROM applications a JOIN policies p ON p.id = a.policy_id WHERE"
                            + " a.outcome = 'SUBMITTED' AND " + f.sql(), args.toArray()),
                    tx.number("SELECT COUNT(*)" + where + " AND p.state = 'AWAITING_PAYMENT'", args.toArray()));
        });
    }

    /**
     * The policy's live verification code, whoever asked for it: who ({@code mine} when the principal did), to
     * which mobile (masked), until when, and, for one's own code only, the contact details typed with it.
     */
    public record LiveCode(String requester, boolean mine, String maskedMobile, Instant expiresAt, int triesLeft,
                           ContactDetails draft) {
    }

    /** The policy's live code request, if any (one per application, whoever asked). */
    public java.util.Optional<LiveCode> liveCode(Principal p, long policyId) {
        return db.read(tx -> {
            visiblePolicy(tx, p, policyId);
            return codes.live(tx, policyId).map(i -> {
                boolean mine = i.userId() == p.userId();
                return new LiveCode(i.requester(), mine, ApplicationChecks.mask(i.draft().mobile()), i.expiresAt(), i.triesLeft(),
                        mine ? new ContactDetails(i.draft().contactName(), i.draft().mobile(), i.draft().email()) : null);
            });
        });
    }

    // ---- step 2: the application ----

    /** What the enterprise types (everything else on the form is filled by the system). */
    public record ContactDetails(String contactName, String mobile, String email) {
    }

    /** The application as submitted: contact details, the declaration tick and the verification code. */
    public record ApplicationForm(String contactName, String mobile, String email, Boolean declaration, String code) {
    }

    /** Where a code was sent and until when it is valid. */
    public record CodeSent(String maskedMobile, Instant expiresAt, int tries) {
    }

    /**
     * Sends a verification code for the policy's application to the contact mobile (through the notifier).
     * Not found for another's policy; a conflict when the policy cannot be applied for now or the enterprise has not
     * signed and authorised; then invalid input per bad contact field.
     */
    public CodeSent requestCode(Principal p, long policyId, Input<ContactDetails> contact) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            tx.lock("policies", policyId); // the policy owns its codes, their tries and its state
            Policy policy = openPolicy(tx, p, policyId);
            ContactDetails clean = contact.check(ApplicationChecks::contact);
            String code = codes.issue(tx, policyId, p.userId(), new VerificationCodes.Draft(clean.contactName(),
                    clean.mobile(), clean.email()));
            notifier.send(tx, new Notice(policy.enterpriseId(), p.userId(), Channel.SMS, clean.mobile(),
                    "投保申请验证码 / Verification code", "您的投保申请验证码为 " + code + "，"
                    + VerificationCodes.VALID_MINUTES + " 分钟内有效，请勿泄露。Your verification code for the"
                    + " application of policy " + policyId + " is " + code + ", valid for "
                    + VerificationCodes.VALID_MINUTES + " minutes."));
            return new CodeSent(ApplicationChecks.mask(clean.mobile()), clock.instant().plusSeconds(VerificationCodes.VALID_MINUTES * 60L),
                    VerificationCodes.TRIES);
        });
    }

    /**
     * The policy, if the principal may see it (not found), is open for an application and its enterprise ready (a
     * conflict).
     */
    private Policy openPolicy(Tx tx, Principal p, long policyId) {
        Policy policy = visiblePolicy(tx, p, policyId);
        requireOpen(policy);
        requireReady(tx, policy.enterpriseId());
        return policy;
    }

    /**
     * Submits the application (投保申请已提交). Not found and a conflict as for {@link #requestCode}; then every field is
     * checked (invalid input naming each bad one); then the code: wrong costs one of its {@value
     * VerificationCodes#TRIES} tries (kept even though the request fails), expired, dead or used codes are refused
     * with 400. The application and the policy's new state are saved in one transaction with the code's use.
     */
    public Application submit(Principal p, long policyId, Input<ApplicationForm> application) {
        requireEnterpriseUser(p);
        Object result;
        try {
            result = db.inTransaction(tx -> {
                tx.lock("policies", policyId);
                openPolicy(tx, p, policyId);
                ApplicationChecks.Submitted form = application.check(ApplicationChecks::application);
                ContactDetails c = form.contact();
                VerificationCodes.Check check = codes.check(tx, policyId, p.userId(), form.code(), c.mobile());
                if (!(check instanceof VerificationCodes.Check.Right)) {
                    return check; // committed: a wrong try counts
                }
                Instant now = clock.instant();
                long id = tx.insert("INSERT INTO applications (policy_id, contact_name, mobile, email, declared,"
                                + " submitted_by, submitted_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')",
                        policyId, c.contactName(), c.mobile(), c.email(), true, p.userId(), now);
                tx.update("UPDATE policies SET state = 'APPLIED' WHERE id = ?", policyId);
                return tx.one("SELECT * FROM applications WHERE id = ?", PolicyRows::application, id).orElseThrow();
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_applications_open") || e.names("applications.policy_id")) {
                throw alreadyApplied(policyId);
            }
            throw e;
        }
        if (result instanceof Application a) {
            return a;
        }
        throw ApplicationChecks.codeRefusal((VerificationCodes.Check) result);
    }

    // ---- step 3: the insurer's review ----

    /**
     * Accepts a submitted application: the policy becomes effective with a policy number, issued today, covering
     * what the scheme's late-collection rule gives for collection on the submission day; receipt is pending. Under a
     * scheme that takes effect on the enterprise's payment, the policy is numbered and awaits the payment instead.
     */
    public Policy accept(Principal reviewer, long applicationId) {
        requireReviewer(reviewer);
        Policy accepted = db.inTransaction(tx -> {
            ReviewItem item = openApplication(tx, reviewer, applicationId);
            Policy policy = item.policy();
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            LocalDate collected = LocalDate.ofInstant(item.application().submittedAt(), zone);
            DateRange cover;
            try {
                Scheme scheme = scheme(tx, policy);
                cover = scheme.coverage(yearOf(scheme, policy), collected, today);
            } catch (IllegalArgumentException e) {
                throw new ConflictException("no cover can be given: the policy year "
                        + policy.yearStart() + " to " + policy.yearEnd() + " has ended",
                        "保单年度（" + policy.yearStart() + " 至 " + policy.yearEnd() + "）已结束，无法出具保单");
            }
            String number = "XW" + policy.yearStart().getYear() + String.format("%08d", policy.id());
            if (scheme(policy).effectiveOnEnterprisePayment()) {
                return awaitPayment(tx, reviewer, item, number);
            }
            tx.update("UPDATE policies SET state = 'EFFECTIVE', receipt = 'PENDING', policy_number = ?, issued_on = ?,"
                    + " cover_start = ?, cover_end = ? WHERE id = ?", number, today, cover.start(), cover.end(),
                    policy.id());
            decide(tx, reviewer, applicationId, Application.Outcome.ACCEPTED, null);
            Application a = item.application();
            String text = "您的小微企业投保申请已受理，保单 " + number + " 已生效，保障期限 " + cover.start() + " 至 "
                    + cover.end() + "，请登录单一窗口进行收悉确认。Your application has been accepted: policy " + number
                    + " is effective from " + cover.start() + " to " + cover.end() + "; please acknowledge receipt.";
            notifier.send(tx, new Notice(policy.enterpriseId(), a.submittedBy(), Channel.SMS, a.mobile(),
                    "保单生效通知 / Policy effective", text));
            notifier.send(tx, new Notice(policy.enterpriseId(), a.submittedBy(), Channel.EMAIL, a.email(),
                    "保单生效通知 / Policy effective", text));
            return policyById(tx, policy.id());
        });
        return accepted;
    }

    /**
     * Accepts an application of a scheme that takes effect on the enterprise's payment (Henan medium): the policy is
     * numbered and awaits payment (待缴费, not effective, no cover yet); the enterprise is told what to pay.
     */
    private Policy awaitPayment(Tx tx, Principal reviewer, ReviewItem item, String number) {
        tx.update("UPDATE policies SET state = 'AWAITING_PAYMENT', policy_number = ? WHERE id = ? AND state = 'APPLIED'",
                number, item.policy().id());
        decide(tx, reviewer, item.application().id(), Application.Outcome.ACCEPTED, null);
        Policy awaiting = policyById(tx, item.policy().id());
        payments.noticeDue(tx, awaiting, item.application());
        return awaiting;
    }

    /**
     * Returns a submitted application with a reason (required, at most {@value #MAX_REASON} characters): not found, a
     * conflict once decided, then 400.
     */
    public Policy returnApplication(Principal reviewer, long applicationId, Input<String> reason) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            ReviewItem item = openApplication(tx, reviewer, applicationId);
            String r = reason.check((raw, errors) -> {
                String x = raw == null ? "" : raw.strip();
                if (x.isEmpty() || x.length() > MAX_REASON) {
                    errors.add(new FieldError("reason", "请填写退回原因（不超过 " + MAX_REASON + " 字）",
                            "the reason for returning is required (at most " + MAX_REASON + " characters)"));
                }
                return x;
            });
            tx.update("UPDATE policies SET state = 'RETURNED' WHERE id = ?", item.policy().id());
            decide(tx, reviewer, applicationId, Application.Outcome.RETURNED, r);
            Application a = item.application();
            String text = "您的小微企业投保申请已被退回，原因：" + r + "。请修改后重新提交。Your application was returned: "
                    + r + ". Please correct it and submit again.";
            notifier.send(tx, new Notice(item.policy().enterpriseId(), a.submittedBy(), Channel.SMS, a.mobile(),
                    "投保申请退回通知 / Application returned", text));
            return policyById(tx, item.policy().id());
        });
    }

    private ReviewItem openApplication(Tx tx, Principal reviewer, long applicationId) {
        // the policy owns the application's state: locked first, as the applicant's flows do
        tx.one("SELECT policy_id FROM applications WHERE id = ?", r -> r.longValue("policy_id"), applicationId)
                .ifPresent(policyId -> tx.lock("policies", policyId));
        Application a = tx.one("SELECT * FROM applications WHERE id = ?", PolicyRows::application, applicationId)
                .orElseThrow(() -> new NotFoundException("application " + applicationId + " not found",
                        "投保申请 " + applicationId + " 不存在"));
        Policy policy = visiblePolicy(tx, reviewer, a.policyId());
        if (a.outcome() != Application.Outcome.SUBMITTED || policy.state() != PolicyState.APPLIED) {
            throw new ConflictException("application " + applicationId + " has already been decided ("
                    + a.outcome().en() + ")", "投保申请 " + applicationId + " 已处理（" + a.outcome().zh() + "）");
        }
        return new ReviewItem(a, policy);
    }

    private void decide(Tx tx, Principal reviewer, long applicationId, Application.Outcome outcome, String reason) {
        tx.update("UPDATE applications SET outcome = ?, return_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                outcome, reason, reviewer.userId(), clock.instant(), applicationId);
    }

    // ---- step 4: receipt ----

    /** Acknowledges receipt of an effective policy (待收悉 → 已收悉); a conflict in any other state. */
    public Policy acknowledge(Principal p, long policyId) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            tx.lock("policies", policyId);
            Policy policy = visiblePolicy(tx, p, policyId);
            if (policy.state() != PolicyState.EFFECTIVE || policy.receipt() != Receipt.PENDING) {
                throw new ConflictException("policy " + policyId + " is not awaiting receipt (it is "
                        + policy.state().en() + ", " + policy.receipt().en() + ")", "保单 " + policyId
                        + " 不在待收悉状态（" + policy.state().zh() + "，" + policy.receipt().zh() + "）");
            }
            tx.update("UPDATE policies SET receipt = 'RECEIVED', received_at = ? WHERE id = ?", clock.instant(),
                    policyId);
            return policyById(tx, policyId);
        });
    }

    // ---- shared checks ----

    static Policy visiblePolicy(Tx tx, Principal p, long id) {
        return tx.one(PolicyRows.SELECT + " WHERE p.id = ?", PolicyRows::policy, id)
                .filter(x -> Tenancy.canSee(tx, p, x.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("policy " + id + " not found", "保单 " + id + " 不存在"));
    }

    /** The policy year of its scheme a policy is for (the one starting on the policy's first day). */
    static PolicyYear yearOf(Scheme scheme, Policy policy) {
        return scheme.policyYearStarting(policy.yearStart()).orElseThrow(() -> new IllegalStateException("policy "
                + policy.id() + " is for the year from " + policy.yearStart() + ", which scheme " + scheme.id()
                + " does not have"));
    }

    static Policy policyById(Tx tx, long id) {
        return tx.one(PolicyRows.SELECT + " WHERE p.id = ?", PolicyRows::policy, id).orElseThrow();
    }

    private static void requireOpen(Policy policy) {
        if (!policy.open()) {
            throw alreadyApplied(policy.id());
        }
    }

    private static ConflictException alreadyApplied(long policyId) {
        return new ConflictException("policy " + policyId + " has already been applied for; a second"
                + " enrolment is not possible", "保单 " + policyId + " 已提交投保申请，请勿重复投保");
    }

    /**
     * The agreement and data authorisation must come first (seed 002: seal, agreement, authorisation, then
     * confirm); a conflict naming what is missing.
     */
    private static void requireReady(Tx tx, long enterpriseId) {
        Agreements.Readiness r = Agreements.readiness(tx, enterpriseId);
        if (r.signed() && r.authorised()) {
            return;
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (!r.signed()) {
            zh.add("签署服务协议");
            en.add("sign the service agreement");
        }
        if (!r.authorised()) {
            zh.add("完成企业数据授权");
            en.add("authorise data");
        }
        throw new ConflictException("before enrolling, " + String.join(" and ", en)
                + " under /agreements", "投保前请先在签约管理（/agreements）" + String.join("并", zh));
    }

    private static void requireEnterpriseUser(Principal p) {
        if (!p.role().isEnterpriseUser()) {
            throw new NotAllowedException("only the enterprise's people may apply",
                    "只有企业用户可以投保");
        }
    }

    static void requireReviewer(Principal p) {
        if (p.role() != Role.REVIEWER) {
            throw new NotAllowedException("only insurer reviewers decide applications",
                    "只有保险公司审核人员可以审核投保申请");
        }
    }
}
