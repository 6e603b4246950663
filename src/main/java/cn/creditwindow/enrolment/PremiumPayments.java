package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.schemes.DateRange;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The premium payment of a scheme that takes effect on the enterprise's payment of its share (Henan medium, seed 003
 * 一(二): 收到企业自缴的 20% 保费后先行生效保单并向企业开具发票). An accepted application of such a scheme leaves its
 * policy {@link PolicyState#AWAITING_PAYMENT} with the amount {@link PremiumDue}; the insurer's reviewer records the
 * payment (day received, amount, bank reference), which makes the policy effective from that day and issues an
 * invoice (FP + year + a 6-digit sequence of that year). Built by {@link Enrolments}; every operation is one
 * transaction and checks the principal like the rest of enrolment (others' policies answer not found).
 */
public final class PremiumPayments {
    /** The longest bank transfer reference accepted. */
    static final int MAX_REFERENCE = 64;

    private final Database db;
    private final Function<Policy, Scheme> schemes;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;

    PremiumPayments(Database db, Function<Policy, Scheme> schemes, Notifier notifier, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A payment as recorded: the day the insurer received it, the amount (US cents) and the transfer's reference. */
    public record Payment(long id, long policyId, long amountCents, LocalDate receivedOn, String reference,
                          long recordedBy, Instant recordedAt) {
    }

    /** The invoice (发票) issued to the enterprise for its payment. */
    public record Invoice(long id, String number, long policyId, long enterpriseId, String enterpriseName,
                          long amountCents, Instant issuedAt) {
    }

    /** What the reviewer types: the day received (yyyy-MM-dd), the amount in USD, the transfer's reference. */
    public record PaymentForm(String receivedOn, String amount, String reference) {
    }

    /** A recorded payment with the policy it made effective and the invoice issued for it. */
    public record Paid(Policy policy, Payment payment, Invoice invoice) {
    }

    /** A policy awaiting payment: the amount due and the day the application was accepted. */
    public record Due(Policy policy, PremiumDue due, LocalDate acceptedOn) {
    }

    /** The amount due on a policy; empty when its scheme does not wait for the enterprise's payment. */
    public Optional<PremiumDue> due(Policy p) {
        Scheme s = schemes.apply(p);
        return s.effectiveOnEnterprisePayment() ? Optional.of(PremiumDue.of(p, s)) : Optional.empty();
    }

    /** One page of the policies awaiting payment that the principal may see, accepted first first. */
    public Paged<Due> awaiting(Principal p, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        return db.read(tx -> page.select(tx, PolicyRows.SELECT + " WHERE p.state = 'AWAITING_PAYMENT' AND " + f.sql(),
                "p.id", PolicyRows::policy, f.args()).map(x -> new Due(x, PremiumDue.of(x, schemes.apply(x)),
                acceptedOn(tx, x.id()))));
    }

    /** The newest policy awaiting payment that the principal may see (an enterprise's: at most one), if any. */
    public Optional<Due> awaitingOf(Principal p) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        return db.read(tx -> tx.one(PolicyRows.SELECT + " WHERE p.state = 'AWAITING_PAYMENT' AND " + f.sql()
                + " ORDER BY p.id DESC LIMIT 1", PolicyRows::policy, f.args()).map(x -> new Due(x,
                PremiumDue.of(x, schemes.apply(x)), acceptedOn(tx, x.id()))));
    }

    /** The payment recorded for a policy, if any; not found when the principal may not see the policy. */
    public Optional<Payment> payment(Principal p, long policyId) {
        return db.read(tx -> {
            Enrolments.visiblePolicy(tx, p, policyId);
            return tx.one("SELECT * FROM premium_payments WHERE policy_id = ?", PremiumPayments::payment, policyId);
        });
    }

    /** The invoice issued for a policy's payment, if any; not found when the principal may not see the policy. */
    public Optional<Invoice> invoice(Principal p, long policyId) {
        return db.read(tx -> {
            Enrolments.visiblePolicy(tx, p, policyId);
            return invoiceOf(tx, policyId);
        });
    }

    /**
     * Records the enterprise's payment (reviewers only, not allowed): not found for a policy the reviewer may not see;
     * a conflict unless the policy awaits payment (a second recording of the same policy is a conflict); then invalid
     * input naming each bad field: the day must be a date from the acceptance day to today and not after the policy
     * year; the amount must equal the amount due exactly (the message gives it); the reference is required, at most
     * {@value #MAX_REFERENCE} characters. The policy becomes effective in the same transaction, issued on the day
     * received, with the cover {@link Scheme#coverage} gives for collection on the application's day and issue on the
     * day received, and the invoice is issued. The state change is conditional (only from AWAITING_PAYMENT), so of two
     * reviewers recording at once one succeeds and the other gets a conflict, whatever the database's locking.
     */
    public Paid record(Principal reviewer, long policyId, Input<PaymentForm> form) {
        Enrolments.requireReviewer(reviewer);
        try {
            return db.inTransaction(tx -> record(tx, reviewer, policyId, form));
        } catch (ConstraintViolationException e) {
            if (e.names("ux_premium_payments_policy") || e.names("premium_payments.policy_id")) {
                throw alreadyPaid(policyId);
            }
            throw e;
        }
    }

    private Paid record(Tx tx, Principal reviewer, long policyId, Input<PaymentForm> form) {
        Policy policy = Enrolments.visiblePolicy(tx, reviewer, policyId);
        if (policy.state() != PolicyState.AWAITING_PAYMENT) {
            throw tx.one("SELECT id FROM premium_payments WHERE policy_id = ?", r -> r.longValue("id"), policyId)
                    .isPresent() ? alreadyPaid(policyId) : new ConflictException("policy " + policyId
                    + " is not awaiting payment (it is " + policy.state().en() + ")", "保单 " + policyId + " 不在待缴费状态（"
                    + policy.state().zh() + "）");
        }
        Application accepted = acceptedApplication(tx, policyId);
        LocalDate acceptedOn = LocalDate.ofInstant(accepted.decidedAt(), zone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Checked c = form.check((f, errors) -> check(f, errors, policy, acceptedOn, today));
        LocalDate collected = LocalDate.ofInstant(accepted.submittedAt(), zone);
        Scheme scheme = schemes.apply(policy);
        DateRange cover = scheme.coverage(Enrolments.yearOf(scheme, policy), collected, c.receivedOn());
        int changed = tx.update("UPDATE policies SET state = 'EFFECTIVE', receipt = 'PENDING', issued_on = ?,"
                        + " cover_start = ?, cover_end = ? WHERE id = ? AND state = 'AWAITING_PAYMENT'", c.receivedOn(),
                cover.start(), cover.end(), policyId);
        if (changed != 1) {
            throw alreadyPaid(policyId); // another reviewer's recording won; this transaction is rolled back
        }
        Instant now = clock.instant();
        long paymentId = tx.insert("INSERT INTO premium_payments (policy_id, amount_cents, received_on, reference,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", policyId, c.amountCents(), c.receivedOn(),
                c.reference(), reviewer.userId(), now);
        int year = today.getYear();
        // the year's counter stays locked until this transaction ends: invoice numbers have no gaps (#17)
        long seq = tx.nextValue("premium_invoice:" + year);
        String number = "FP" + year + String.format(Locale.ROOT, "%06d", seq);
        tx.insert("INSERT INTO premium_invoices (invoice_number, invoice_year, invoice_seq, payment_id, policy_id,"
                        + " enterprise_id, amount_cents, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", number, year, seq,
                paymentId, policyId, policy.enterpriseId(), c.amountCents(), now);
        Policy effective = Enrolments.policyById(tx, policyId);
        String text = "已收到您缴纳的企业自缴保费 " + Usd.format(c.amountCents()) + " 美元，保单 " + effective.policyNumber()
                + " 自 " + c.receivedOn() + " 起生效，保障期限 " + cover.start() + " 至 " + cover.end() + "；发票 " + number
                + " 已开具，请登录单一窗口查看并进行收悉确认。Your payment of " + Usd.format(c.amountCents()) + " USD was"
                + " received: policy " + effective.policyNumber() + " is effective from " + c.receivedOn() + ", covering "
                + cover.start() + " to " + cover.end() + "; invoice " + number + " is issued. Please acknowledge receipt.";
        notifier.send(tx, new Notice(policy.enterpriseId(), accepted.submittedBy(), Channel.SMS, accepted.mobile(),
                "保单生效通知 / Policy effective", text));
        notifier.send(tx, new Notice(policy.enterpriseId(), accepted.submittedBy(), Channel.EMAIL, accepted.email(),
                "保单生效通知 / Policy effective", text));
        return new Paid(effective, tx.one("SELECT * FROM premium_payments WHERE id = ?", PremiumPayments::payment,
                paymentId).orElseThrow(), invoiceOf(tx, policyId).orElseThrow());
    }

    /**
     * Tells the enterprise what to pay once its application is accepted (in the accepting transaction): the amount
     * and its formula, by SMS and e-mail to the application's contact.
     */
    void noticeDue(Tx tx, Policy awaiting, Application accepted) {
        PremiumDue due = PremiumDue.of(awaiting, schemes.apply(awaiting));
        String text = "您的投保申请已受理，保单号 " + awaiting.policyNumber() + "。请缴纳企业自缴保费 " + due.amount()
                + " 美元（" + due.formulaZh() + "），保险公司收到后保单当日生效并开具发票。Your application has been"
                + " accepted: policy " + awaiting.policyNumber() + ". Please pay your share of the premium, "
                + due.amount() + " USD (" + due.formulaEn() + "); the policy takes effect on the day the insurer"
                + " receives it, and an invoice is issued.";
        notifier.send(tx, new Notice(awaiting.enterpriseId(), accepted.submittedBy(), Channel.SMS, accepted.mobile(),
                "保费缴纳通知 / Premium due", text));
        notifier.send(tx, new Notice(awaiting.enterpriseId(), accepted.submittedBy(), Channel.EMAIL, accepted.email(),
                "保费缴纳通知 / Premium due", text));
    }

    /** A checked payment form. */
    private record Checked(LocalDate receivedOn, long amountCents, String reference) {
    }

    private static Checked check(PaymentForm f, List<FieldError> errors, Policy policy, LocalDate acceptedOn,
                                 LocalDate today) {
        PaymentForm form = f == null ? new PaymentForm(null, null, null) : f;
        LocalDate last = today.isBefore(policy.yearEnd()) ? today : policy.yearEnd();
        LocalDate received = null;
        try {
            received = LocalDate.parse(strip(form.receivedOn()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("receivedOn", "请填写到账日期（YYYY-MM-DD）",
                    "the day the payment was received is required (YYYY-MM-DD)"));
        }
        if (received != null) {
            String zh = received.isAfter(today) ? "不能晚于今天"
                    : received.isAfter(policy.yearEnd()) ? "不能晚于保单年度结束日 " + policy.yearEnd()
                    : received.isBefore(acceptedOn) ? "不能早于投保申请受理日 " + acceptedOn : null;
            String en = received.isAfter(today) ? "must not be in the future"
                    : received.isAfter(policy.yearEnd()) ? "must not be after the policy year's end, " + policy.yearEnd()
                    : "must not be before the application was accepted, " + acceptedOn;
            if (zh != null) {
                errors.add(new FieldError("receivedOn", "到账日期" + zh + "（应在 " + acceptedOn + " 至 " + last
                        + " 之间）", "the day received " + en + " (from " + acceptedOn + " to " + last + ")"));
            }
        }
        Long cents = cents(form.amount());
        String due = Usd.format(policy.enterprisePartCents());
        if (cents == null || cents != policy.enterprisePartCents()) {
            errors.add(new FieldError("amount", "缴费金额应与应缴金额一致：" + due + " 美元",
                    "the amount must equal the amount due, " + due + " USD"));
        }
        String reference = strip(form.reference());
        if (reference.isEmpty() || reference.length() > MAX_REFERENCE || reference.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("reference", "请填写银行转账流水号（不超过 " + MAX_REFERENCE + " 个字符）",
                    "the bank transfer reference is required (at most " + MAX_REFERENCE + " characters)"));
        }
        return new Checked(received, cents == null ? 0 : cents, reference);
    }

    /** US dollars as typed ({@code 1920}, {@code 1,920.00}) in cents; null when not an amount of whole cents. */
    private static Long cents(String raw) {
        try {
            BigDecimal d = new BigDecimal(strip(raw).replace(",", ""));
            return d.signum() > 0 && d.scale() <= 2 ? d.movePointRight(2).longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private LocalDate acceptedOn(Tx tx, long policyId) {
        return LocalDate.ofInstant(acceptedApplication(tx, policyId).decidedAt(), zone);
    }

    private static Application acceptedApplication(Tx tx, long policyId) {
        return tx.one("SELECT * FROM applications WHERE policy_id = ? AND outcome = 'ACCEPTED' ORDER BY id DESC LIMIT 1",
                PolicyRows::application, policyId).orElseThrow(() -> new IllegalStateException("policy " + policyId
                + " awaits payment but has no accepted application"));
    }

    private static Optional<Invoice> invoiceOf(Tx tx, long policyId) {
        return tx.one("SELECT i.*, e.name_zh AS enterprise_name FROM premium_invoices i JOIN enterprises e"
                + " ON e.id = i.enterprise_id WHERE i.policy_id = ?", PremiumPayments::invoice, policyId);
    }

    private static ConflictException alreadyPaid(long policyId) {
        return new ConflictException("the payment of policy " + policyId + " has already been recorded",
                "保单 " + policyId + " 的缴费已登记，请勿重复登记");
    }

    private static Payment payment(Row r) throws SQLException {
        return new Payment(r.longValue("id"), r.longValue("policy_id"), r.longValue("amount_cents"),
                r.date("received_on"), r.string("reference"), r.longValue("recorded_by"), r.instant("recorded_at"));
    }

    private static Invoice invoice(Row r) throws SQLException {
        return new Invoice(r.longValue("id"), r.string("invoice_number"), r.longValue("policy_id"),
                r.longValue("enterprise_id"), r.string("enterprise_name"), r.longValue("amount_cents"),
                r.instant("issued_at"));
    }

    /** Not found for a policy that has no invoice yet. */
    static NotFoundException noInvoice(long policyId) {
        return new NotFoundException("policy " + policyId + " has no invoice yet (its premium has not been paid)",
                "保单 " + policyId + " 尚未开具发票（保费尚未缴纳）");
    }
}
