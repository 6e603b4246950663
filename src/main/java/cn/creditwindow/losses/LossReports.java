package cn.creditwindow.losses;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.claims.Claim;
import cn.creditwindow.claims.ClaimCodes;
import cn.creditwindow.claims.Claims;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Country;
import cn.creditwindow.schemes.LossDeadlines;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Possible-loss reports (报损): the enterprise's people, or its account manager on its behalf (recorded as such),
 * report, change and resubmit; the insurer's reviewers accept (case number, handler, advice), ask for more, or close
 * a report as recovered; the enterprise turns an accepted report into a claim drafted from it. Every operation is one
 * transaction; whose reports a principal sees is {@link Tenancy}'s answer, and others' reports answer 404. Requests
 * on a report are checked in the order not found, a conflict (its state), invalid input (every bad field).
 */
public final class LossReports {
    static final int MAX_SHIPMENTS = 50;
    static final int MAX_TEXT = 2000;

    private final Database db;
    private final Buyers buyers;
    private final SchemeCatalogue schemes;
    private final LossChecks checks;
    private final Claims claims;
    private final Obligations obligations;
    private final Clock clock;
    private final ZoneId zone;

    public LossReports(Database db, Buyers buyers, SchemeCatalogue schemes, LossCodes codes, Claims claims, Clock clock,
                       ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.obligations = new Obligations(db, schemes, clock, zone);
        this.checks = new LossChecks(Objects.requireNonNull(codes, "codes"), buyers, this::today);
    }

    public LossCodes codes() {
        return checks.codes();
    }

    /** The app's today, in its zone: every deadline is counted from it. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ---- the forms ----

    /**
     * The report form. Give {@code buyerId} (a directory buyer the enterprise may use) or {@code newBuyer}; amounts are
     * USD text such as {@code "150000.00"}, dates {@code YYYY-MM-DD}. {@code policyId} is read on creation only.
     */
    public record ReportForm(Long policyId, Long buyerId, Buyers.NewBuyer newBuyer, List<ShipmentForm> shipments,
                             String cause, String actionsTaken, String contactName, String contactMobile,
                             String contactEmail) {
    }

    /** A shipment as entered: invoice, shipped and due dates, amount outstanding (USD), declaration numbers (optional). */
    public record ShipmentForm(String invoiceNo, String shippedOn, String dueOn, String outstanding,
                               String declarations) {
    }

    /** A receivable registered as outstanding on a buyer, before any report. */
    public record ReceivableForm(Long policyId, Long buyerId, String invoiceNo, String shippedOn, String dueOn,
                                 String outstanding, String declarations) {
    }

    /** The insurer's acceptance: advice in words, and coded advice from losses/advice.txt. */
    public record Acceptance(String advice, List<String> adviceCodes) {
    }

    /** What the insurer asks for. */
    public record InfoRequest(String note) {
    }

    /** What was recovered, USD. */
    public record Recovery(String recovered) {
    }

    /** An effective policy one may report on. */
    public record PolicyOption(long id, String policyNumber, long enterpriseId, String enterpriseName) {
    }

    /** The effective policies of the enterprises the principal may see, newest first (the form's choice). */
    public List<PolicyOption> policies(Principal p) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        return db.read(tx -> tx.list("SELECT p.id, p.policy_number, p.enterprise_id, e.name_zh FROM policies p"
                + " JOIN enterprises e ON e.id = p.enterprise_id WHERE p.state = 'EFFECTIVE' AND " + f.sql()
                + " ORDER BY p.id DESC LIMIT 100", r -> new PolicyOption(r.longValue("id"), r.string("policy_number"),
                r.longValue("enterprise_id"), r.string("name_zh")), f.args()));
    }

    /** A report with its shipments and history, and the claim-by day while accepted. */
    public record ReportView(LossReport report, List<LossShipment> shipments, List<LossEvent> history) {
    }

    // ---- reading ----

    /** One page of the reports the principal may see, newest first. */
    public Paged<LossReport> reports(Principal p, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "r.enterprise_id");
        return db.read(tx -> {
            Schemes known = schemes.current(tx);
            return page.select(tx, LossRows.REPORT + " WHERE " + f.sql(), "r.id DESC", r -> LossRows.report(r, known),
                    f.args());
        });
    }

    /** One page of the insurer's queue: submitted and accepted reports, oldest first. */
    public Paged<LossReport> queue(Principal reviewer, PageRequest page) {
        requireReviewer(reviewer);
        return db.read(tx -> {
            Schemes known = schemes.current(tx);
            return page.select(tx, LossRows.REPORT + " WHERE r.state IN ('SUBMITTED', 'MORE_INFO_REQUESTED',"
                    + " 'ACCEPTED')", "r.id", r -> LossRows.report(r, known));
        });
    }

    /** A report with its shipments and history; not found when not the principal's to see. */
    public ReportView view(Principal p, long id) {
        return db.read(tx -> view(tx, visible(tx, p, id)));
    }

    private ReportView view(Tx tx, LossReport r) {
        return new ReportView(r, shipments(tx, r.id()), tx.list(LossRows.EVENT + " WHERE ev.report_id = ? ORDER BY ev.id",
                LossRows::event, r.id()));
    }

    // ---- the enterprise's report ----

    /**
     * Reports a possible loss: invalid input naming every bad field (a policy that is not the principal's to report
     * on, or not effective, among them). A new buyer is added with the report, and a registered receivable named by
     * its invoice is attached to it, all in one transaction. A report made after a shipment's report-by day is
     * accepted, marked late.
     */
    public LossReport create(Principal p, Input<ReportForm> form) {
        requireReporter(p);
        return unique(() -> db.inTransaction(tx -> {
            LossChecks.Checked c = form.check((f, errors) -> checks.report(tx, p, null, f, errors));
            long buyerId = buyerOf(tx, p, c);
            LocalDate today = today();
            boolean onBehalf = p.is(Role.ACCOUNT_MANAGER);
            long id = tx.insert("INSERT INTO loss_reports (enterprise_id, policy_id, buyer_id, state, cause,"
                    + " actions_taken, contact_name, contact_mobile, contact_email, reported_on, report_by, late,"
                    + " created_by, on_behalf, created_at) VALUES (?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    c.policy().enterpriseId(), c.policy().id(), buyerId, c.cause(), c.actionsTaken(), c.contactName(),
                    c.contactMobile(), c.contactEmail(), today, today, p.userId(), onBehalf, clock.instant());
            writeShipments(tx, id, c.policy(), buyerId, c.shipments(), today);
            event(tx, id, "SUBMITTED", p, null, null);
            return byId(tx, id);
        }));
    }

    /**
     * Saves the report form again while submitted or asked for more (not found, then a conflict after, then invalid
     * input): the shipments are replaced; a report the insurer asked more of goes back to the insurer (SUBMITTED). The
     * reporting day stays the first submission's, so lateness is judged on it.
     */
    public LossReport update(Principal p, long id, Input<ReportForm> form) {
        requireReporter(p);
        return unique(() -> db.inTransaction(tx -> {
            tx.lock("loss_reports", id); // the report owns its state (store package: concurrency)
            LossReport r = editable(tx, p, id);
            LossChecks.Checked c = form.check((f, errors) -> checks.report(tx, p, r, f, errors));
            long buyerId = buyerOf(tx, p, c);
            tx.update("DELETE FROM loss_shipments WHERE report_id = ?", id);
            tx.update("UPDATE loss_reports SET buyer_id = ?, state = 'SUBMITTED', cause = ?, actions_taken = ?,"
                    + " contact_name = ?, contact_mobile = ?, contact_email = ? WHERE id = ?", buyerId, c.cause(),
                    c.actionsTaken(), c.contactName(), c.contactMobile(), c.contactEmail(), id);
            writeShipments(tx, id, c.policy(), buyerId, c.shipments(), r.reportedOn());
            event(tx, id, r.state() == LossState.MORE_INFO_REQUESTED ? "SUBMITTED" : "UPDATED", p, null, null);
            return byId(tx, id);
        }));
    }

    /**
     * Registers a receivable outstanding on a buyer (应收账款): once its due date has passed, the home page counts the
     * days left to report it. Invalid input naming every bad field, an invoice the enterprise already has among them.
     */
    public LossShipment registerReceivable(Principal p, Input<ReceivableForm> form) {
        requireReporter(p);
        return unique(() -> db.inTransaction(tx -> {
            LossChecks.CheckedReceivable c = form.check((f, errors) -> checks.receivable(tx, p, f, errors));
            long id = tx.insert("INSERT INTO loss_shipments (enterprise_id, policy_id, buyer_id, report_id, invoice_no,"
                    + " shipped_on, due_on, outstanding_cents, declarations, created_at)"
                    + " VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)", c.policy().enterpriseId(), c.policy().id(),
                    c.buyerId(), c.shipment().invoiceNo(), c.shipment().shippedOn(), c.shipment().dueOn(),
                    c.shipment().outstandingCents(), c.shipment().declarations(), clock.instant());
            return shipment(tx, id);
        }));
    }

    /** The checked buyer: the one named, or the new one, added to the directory as the enterprise's entry now. */
    private long buyerOf(Tx tx, Principal p, LossChecks.Checked c) {
        if (c.buyerId() != null) {
            return c.buyerId();
        }
        Country country = c.newBuyerCountry();
        return buyers.addFor(tx, p, c.policy().enterpriseId(), country, c.newBuyer()).id();
    }

    /**
     * Saves the shipments of a report: a registered receivable with the same invoice is attached (its values as now
     * entered), others are inserted. The report's report-by day is the earliest of its shipments'; late when the
     * report was made after it.
     */
    private void writeShipments(Tx tx, long reportId, LossChecks.PolicyRef policy, long buyerId,
                                List<LossChecks.CheckedShipment> shipments, LocalDate reportedOn) {
        LossDeadlines deadlines = deadlines(tx, policy.schemeId());
        LocalDate reportBy = null;
        for (LossChecks.CheckedShipment s : shipments) {
            int attached = tx.update("UPDATE loss_shipments SET report_id = ?, policy_id = ?, buyer_id = ?, shipped_on = ?,"
                    + " due_on = ?, outstanding_cents = ?, declarations = ? WHERE enterprise_id = ? AND invoice_no = ?"
                    + " AND report_id IS NULL", reportId, policy.id(), buyerId, s.shippedOn(), s.dueOn(),
                    s.outstandingCents(), s.declarations(), policy.enterpriseId(), s.invoiceNo());
            if (attached == 0) {
                tx.insert("INSERT INTO loss_shipments (enterprise_id, policy_id, buyer_id, report_id, invoice_no,"
                        + " shipped_on, due_on, outstanding_cents, declarations, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", policy.enterpriseId(), policy.id(), buyerId, reportId,
                        s.invoiceNo(), s.shippedOn(), s.dueOn(), s.outstandingCents(), s.declarations(), clock.instant());
            }
            LocalDate by = deadlines.reportBy(s.dueOn());
            reportBy = reportBy == null || by.isBefore(reportBy) ? by : reportBy;
        }
        tx.update("UPDATE loss_reports SET report_by = ?, late = ? WHERE id = ?", reportBy,
                reportedOn.isAfter(reportBy), reportId);
    }

    // ---- the insurer ----

    /**
     * Accepts a submitted report: not found, a conflict unless SUBMITTED, then invalid input; the case number and the
     * handler are set.
     */
    public LossReport accept(Principal reviewer, long id, Input<Acceptance> acceptance) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            tx.lock("loss_reports", id);
            inState(tx, reviewer, id, LossState.SUBMITTED, "受理", "accepted");
            LossChecks.CheckedAdvice a = acceptance.check(checks::advice);
            LocalDate today = today();
            tx.update("UPDATE loss_reports SET state = 'ACCEPTED', case_no = ?, handler_id = ?, accepted_on = ?,"
                    + " advice = ?, advice_codes = ? WHERE id = ?", caseNo(today, id), reviewer.userId(), today,
                    a.advice(), String.join(",", a.codes()), id);
            event(tx, id, "ACCEPTED", reviewer, a.advice(), null);
            return byId(tx, id);
        });
    }

    /** The case number of report {@code id} accepted on {@code day}: BS, the year, the report's number. */
    static String caseNo(LocalDate day, long id) {
        return String.format("BS%d-%06d", day.getYear(), id);
    }

    /** Asks the enterprise for more (not found, a conflict unless SUBMITTED, then invalid input without a note). */
    public LossReport requestInfo(Principal reviewer, long id, Input<InfoRequest> request) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            tx.lock("loss_reports", id);
            inState(tx, reviewer, id, LossState.SUBMITTED, "要求补充材料", "asked for more information");
            String note = request.check((r, errors) -> cn.creditwindow.claims.ClaimChecks.text("note", r == null ? null : r.note(),
                    MAX_TEXT, "需补充的材料", "what is needed", errors));
            tx.update("UPDATE loss_reports SET state = 'MORE_INFO_REQUESTED' WHERE id = ?", id);
            event(tx, id, "MORE_INFO_REQUESTED", reviewer, note, null);
            return byId(tx, id);
        });
    }

    /**
     * Closes an accepted report as recovered (not found, a conflict unless ACCEPTED, then invalid input for the
     * amount).
     */
    public LossReport recover(Principal reviewer, long id, Input<Recovery> recovery) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            tx.lock("loss_reports", id);
            inState(tx, reviewer, id, LossState.ACCEPTED, "结案", "closed");
            Long cents = recovery.check((r, errors) -> cn.creditwindow.claims.ClaimChecks.usd("recovered", r == null ? null
                    : r.recovered(), "追回金额", "the amount recovered", errors));
            tx.update("UPDATE loss_reports SET state = 'RECOVERED', recovered_cents = ? WHERE id = ?", cents, id);
            event(tx, id, "RECOVERED", reviewer, null, cents);
            return byId(tx, id);
        });
    }

    /**
     * Turns an accepted report into a claim drafted from it ({@link Claims#draftFromLossReport}): buyer, cause, the
     * report's story and what was done; the report ends CLAIMED and names the claim. Only the enterprise's people
     * claim (not found, a conflict unless ACCEPTED or when the policy takes no claim).
     */
    public Claim claim(Principal p, long id) {
        if (!p.role().isEnterpriseUser()) {
            throw new NotAllowedException("only the enterprise's people make claims", "只有企业用户可以索赔");
        }
        return db.inTransaction(tx -> {
            tx.lock("loss_reports", id);
            LossReport r = inState(tx, p, id, LossState.ACCEPTED, "转索赔", "turned into a claim");
            List<LossShipment> shipments = shipments(tx, id);
            Claim c = claims.draftFromLossReport(tx, p, r.policyId(), r.buyerId(), r.cause(), story(r, shipments),
                    r.actionsTaken());
            tx.update("UPDATE loss_reports SET state = 'CLAIMED', claim_id = ? WHERE id = ?", c.id(), id);
            event(tx, id, "CLAIMED", p, null, null);
            return c;
        });
    }

    /** The claim's case description: the report's case, cause and shipments, in Chinese as the claim form is. */
    private String story(LossReport r, List<LossShipment> shipments) {
        StringBuilder b = new StringBuilder("本索赔由报损案件 ").append(r.caseNo()).append("（").append(r.reportedOn())
                .append(" 报损）转入。致损原因：").append(checks.codes().causeZh(r.cause())).append("。涉及出运：");
        for (LossShipment s : shipments) {
            b.append("发票 ").append(s.invoiceNo()).append("，出运 ").append(s.shippedOn()).append("，到期 ")
                    .append(s.dueOn()).append("，未收汇 ").append(java.math.BigDecimal.valueOf(s.outstandingCents(), 2))
                    .append(" 美元；");
        }
        return b.toString();
    }

    // ---- deadlines ----

    /** {@link Obligations#visibleTo}: what is due and by when, for the enterprises the principal may see. */
    public List<Obligation> obligations(Principal p, boolean overdueOnly) {
        return obligations.visibleTo(p, overdueOnly);
    }

    /** {@link Obligations#of}: the obligations of one enterprise (a system read, no principal). */
    public List<Obligation> obligationsOf(long enterpriseId) {
        return obligations.of(enterpriseId);
    }

    // ---- prefill ----

    /**
     * What the form can offer for a buyer: the enterprise's registered receivables on it not yet reported, then its
     * customs export declarations to the buyer's country not yet named by a loss report, as shipment suggestions.
     * A declaration's amount is offered only when all its goods are priced in USD (the report is in USD; converting
     * other currencies would be a guess), and never as an invoice number (customs holds none).
     */
    public record Suggestion(String invoiceNo, LocalDate shippedOn, LocalDate dueOn, Long outstandingCents,
                             String declaration, String currencies) {
    }

    /** Suggestions for the enterprise of {@code policyId} on {@code buyerId}; empty when either is not visible. */
    public List<Suggestion> suggestions(Principal p, Long policyId, Long buyerId) {
        if (policyId == null || buyerId == null) {
            return List.of();
        }
        return db.read(tx -> {
            Optional<LossChecks.PolicyRef> policy = LossChecks.policy(tx, p, policyId);
            if (policy.isEmpty()) {
                return List.of();
            }
            long enterpriseId = policy.get().enterpriseId();
            Optional<Buyer> buyer = LossChecks.buyerFor(tx, enterpriseId, buyerId);
            if (buyer.isEmpty()) {
                return List.<Suggestion>of();
            }
            List<Suggestion> out = new ArrayList<>(tx.list("SELECT * FROM loss_shipments WHERE enterprise_id = ? AND"
                    + " buyer_id = ? AND report_id IS NULL ORDER BY due_on", r -> new Suggestion(r.string("invoice_no"),
                    r.date("shipped_on"), r.date("due_on"), r.longValue("outstanding_cents"),
                    r.string("declarations"), "USD"), enterpriseId, buyerId));
            // each declaration's currencies, in alphabetical order, comma-separated (no SQL of both databases does it)
            Map<String, String> currencies = new HashMap<>();
            for (String[] c : tx.list("SELECT DISTINCT d.number, g.currency FROM customs_declarations d JOIN"
                    + " customs_goods g ON g.declaration_id = d.id WHERE d.enterprise_id = ? AND d.trade_country = ?"
                    + " ORDER BY d.number, g.currency", r -> new String[] {r.string("number"), r.string("currency")},
                    enterpriseId, buyer.get().countryCode())) {
                currencies.merge(c[0], c[1], (a, b) -> a + "," + b);
            }
            out.addAll(tx.list("SELECT d.number, d.export_date, (SELECT COALESCE(SUM(g.total_cents), 0) FROM"
                    + " customs_goods g WHERE g.declaration_id = d.id) AS total_cents, (SELECT COUNT(*) FROM customs_goods g"
                    + " WHERE g.declaration_id = d.id AND g.currency <> 'USD') AS other"
                    + " FROM customs_declarations d WHERE d.enterprise_id = ? AND d.trade_country = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM loss_shipments s WHERE s.enterprise_id = d.enterprise_id AND"
                    + " (',' || s.declarations || ',') LIKE ('%,' || d.number || ',%')) ORDER BY d.export_date, d.number",
                    r -> new Suggestion(null, r.date("export_date"), null,
                            r.longValue("other") == 0 && r.longValue("total_cents") > 0 ? r.longValue("total_cents") : null,
                            r.string("number"), currencies.get(r.string("number"))), enterpriseId,
                    buyer.get().countryCode()));
            return out;
        });
    }

    // ---- shared ----

    private LossDeadlines deadlines(Tx tx, String schemeId) {
        return schemes.current(tx).byId(schemeId).orElseThrow(() -> new IllegalStateException("a policy names scheme " + schemeId
                + ", which is not loaded")).lossDeadlines();
    }

    private static <T> T unique(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ConstraintViolationException e) {
            if (e.names("ux_loss_shipments_invoice") || e.names("loss_shipments.enterprise_id")) {
                // the checks saw the invoice free; another request took it in between
                throw new cn.creditwindow.validation.InvalidInputException("shipments", "发票号已被其他报损或应收账款使用",
                        "an invoice number is already used by another report or receivable");
            }
            throw e;
        }
    }

    private LossReport visible(Tx tx, Principal p, long id) {
        Schemes known = schemes.current(tx);
        return tx.one(LossRows.REPORT + " WHERE r.id = ?", r -> LossRows.report(r, known), id)
                .filter(r -> Tenancy.canSee(tx, p, r.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("loss report " + id + " not found", "报损 " + id + " 不存在"));
    }

    private LossReport editable(Tx tx, Principal p, long id) {
        LossReport r = visible(tx, p, id);
        if (!r.state().editable()) {
            throw new ConflictException("loss report " + id + " is " + r.state().en()
                    + ": it can no longer be changed", "报损 " + id + " " + r.state().zh() + "，不能再修改");
        }
        return r;
    }

    private LossReport inState(Tx tx, Principal p, long id, LossState state, String actionZh, String actionEn) {
        LossReport r = visible(tx, p, id);
        if (r.state() != state) {
            throw new ConflictException("loss report " + id + " is " + r.state().en() + ": it cannot be "
                    + actionEn, "报损 " + id + " " + r.state().zh() + "，不能" + actionZh);
        }
        return r;
    }

    private LossReport byId(Tx tx, long id) {
        Schemes known = schemes.current(tx);
        return tx.one(LossRows.REPORT + " WHERE r.id = ?", r -> LossRows.report(r, known), id).orElseThrow();
    }

    private List<LossShipment> shipments(Tx tx, long reportId) {
        Schemes known = schemes.current(tx);
        return tx.list(LossRows.SHIPMENT + " WHERE s.report_id = ? ORDER BY s.due_on, s.id",
                r -> LossRows.shipment(r, known), reportId);
    }

    private LossShipment shipment(Tx tx, long id) {
        Schemes known = schemes.current(tx);
        return tx.one(LossRows.SHIPMENT + " WHERE s.id = ?", r -> LossRows.shipment(r, known), id).orElseThrow();
    }

    private void event(Tx tx, long reportId, String kind, Principal actor, String note, Long amount) {
        tx.insert("INSERT INTO loss_report_events (report_id, kind, actor_id, actor_role, on_behalf, at, note,"
                + " amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", reportId, kind, actor.userId(), actor.role().name(),
                actor.is(Role.ACCOUNT_MANAGER), clock.instant(), note, amount);
    }

    private static void requireReporter(Principal p) {
        if (!p.role().isEnterpriseUser() && !p.is(Role.ACCOUNT_MANAGER)) {
            throw new NotAllowedException("only the enterprise's people and its account manager report"
                    + " possible losses", "只有企业用户和客户经理可以报损");
        }
    }

    private static void requireReviewer(Principal p) {
        if (!p.is(Role.REVIEWER)) {
            throw new NotAllowedException("only insurer reviewers handle loss reports",
                    "只有保险公司审核人员可以处理报损");
        }
    }
}
