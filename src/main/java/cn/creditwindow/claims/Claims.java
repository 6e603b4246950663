package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.calendar.Deadline;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.calendar.WorkingDays;
import cn.creditwindow.managers.AccountManagers;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.Text;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The enterprise's claims on effective policies (manual 四): the policy list with its claims, a claim's page, and the
 * claim's own lifecycle: drafted (from the form or from a possible-loss report), filled in, its shipment data report
 * generated, and submitted. Every operation is one transaction; whose claims a principal sees is {@link Tenancy}'s
 * answer, and others' claims answer 404. The other parts of a claim are their own classes, each working on the claim
 * through the helpers here ({@link #visible}, {@link #editable}, {@link #event}): the shipments
 * ({@link ClaimShipments}), the checks of the form and of a submission ({@link ClaimFormChecks}), the insurer's
 * review ({@link ClaimReview}) and what a claim pays ({@link ClaimPayouts}). The decision deadlines the review sets
 * are counted again here when the working-day calendar changes.
 */
public final class Claims {
    /** Sponsored-policy claims are decided within this many working days of acceptance (seed 001 (十一)). */
    public static final int DECISION_WORKING_DAYS = 15;
    /** The case question "has the loss been reported?" (是否已报损), answered yes on a claim drafted from a report. */
    static final String REPORTED_LOSS = "REPORTED_LOSS";

    private final Database db;
    private final Buyers buyers;
    private final ClaimCodes codes;
    private final HolidayCalendar calendar;
    private final ClaimDocuments documents;
    private final ClaimFormChecks checks;
    private final Clock clock;

    /**
     * @param calendar  the working-day calendar the decision deadlines are counted in
     * @param documents the shipments against the customs data: the declaration check and the shipment data report
     */
    public Claims(Database db, Buyers buyers, Countries countries, ClaimCodes codes, HolidayCalendar calendar,
                  ClaimDocuments documents, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.checks = new ClaimFormChecks(buyers, countries, codes, documents);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ClaimCodes codes() {
        return codes;
    }

    // ---- the forms ----

    /**
     * The claim form (everything but the shipments). Give {@code buyerId}, or {@code newBuyer} to add one to the
     * directory first. Amounts are USD text such as {@code "150000.00"}.
     *
     * @param answers every case question's code → yes/no
     */
    public record ClaimForm(Long buyerId, Buyers.NewBuyer newBuyer, BankForm issuingBank, BankForm confirmingBank,
                            Map<String, Boolean> answers, String financingSwift, String financingBankName,
                            String financingAmount, String lossCause, String reason, String caseDescription,
                            String mitigation) {
    }

    /** A bank block: SWIFT/BIC, English name, country (code or name), English address. */
    public record BankForm(String swift, String nameEn, String country, String addressEn) {
        boolean blank() {
            return Text.blankToNull(swift) == null && Text.blankToNull(nameEn) == null
                    && Text.blankToNull(country) == null && Text.blankToNull(addressEn) == null;
        }
    }

    /** A shipment as entered (all text, as from a form or a template row). */
    public record ShipmentForm(String invoiceNo, String hsCode, String shippedOn, String paymentMethod, String termDays,
                               String invoiceAmount, String claimedAmount, String collectionStatus,
                               String transportMode, String declarations, String originCertificate) {
    }

    /** The submission: the declaration tick (索赔申明). */
    public record Submission(Boolean declaration) {
    }

    /** An effective policy with its claims (the policy list, manual 4.1/4.2). */
    public record PolicyClaims(ClaimPolicy policy, List<Claim> claims) {
    }

    /**
     * A claim with its shipments and history; {@code managers} are the enterprise's account managers, {@code checks}
     * the declaration check of each shipment (申报单证检查), {@code shipmentReport} the latest shipment data report
     * (null before the first), {@code lossReportId} the possible-loss report it was drafted from, or null, and
     * {@code lossReportShipments} that report's shipments whose invoice number the claim does not have yet (empty for
     * a claim not drafted from a report): each can prefill the add-shipment form.
     */
    public record ClaimView(Claim claim, List<Shipment> shipments, List<ClaimEvent> history,
                            List<Manager> managers, List<ClaimDocuments.ShipmentCheck> checks,
                            ClaimDocuments.ReportInfo shipmentReport, Long lossReportId,
                            List<ReportShipment> lossReportShipments) {
    }

    /** An account manager's contact, shown with a returned claim. */
    public record Manager(String displayName, String mobile, String email) {
    }

    // ---- reading ----

    /**
     * One page of the effective policies the principal may see, newest first, each with its claims (oldest first);
     * with a {@code state}, only the policies that have claims in that state, each with those claims only.
     */
    public Paged<PolicyClaims> policies(Principal p, ClaimState state, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "p.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String sql = ClaimRows.POLICY + " WHERE p.state = 'EFFECTIVE' AND " + f.sql();
        if (state != null) {
            sql += " AND EXISTS (SELECT 1 FROM claims s WHERE s.policy_id = p.id AND s.state = ?)";
            args.add(state);
        }
        String policies = sql;
        return db.read(tx -> page.select(tx, policies, "p.id DESC", ClaimRows::policy, args.toArray())
                .map(policy -> new PolicyClaims(policy, tx.list(ClaimRows.CLAIM + " WHERE c.policy_id = ?"
                        + (state == null ? "" : " AND c.state = ?") + " ORDER BY c.id", ClaimRows::claim,
                        state == null ? new Object[] {policy.id()} : new Object[] {policy.id(), state}))));
    }

    /** One page of the claims the principal may see, newest first. */
    public Paged<Claim> claims(Principal p, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "c.enterprise_id");
        return db.read(tx -> page.select(tx, ClaimRows.CLAIM + " WHERE " + f.sql(), "c.id DESC", ClaimRows::claim,
                f.args()));
    }

    /** One claim with its shipments and history; not found when not the principal's to see. */
    public ClaimView view(Principal p, long id) {
        return db.read(tx -> {
            Claim c = visible(tx, p, id);
            // the enterprise's account managers: the most specific portfolio match, as on every page (managers package)
            List<Manager> managers = AccountManagers.resolve(tx, c.enterpriseId()).stream()
                    .map(m -> new Manager(m.name(), m.mobile(), m.email())).toList();
            List<Shipment> shipments = ClaimShipments.list(tx, id);
            return new ClaimView(c, shipments, tx.list(ClaimRows.EVENT + " WHERE ev.claim_id = ? ORDER BY ev.id",
                    ClaimRows::event, id), managers, documents.check(tx, c, policyOf(tx, c), shipments),
                    ClaimDocuments.latestInfo(tx, c).orElse(null),
                    tx.one("SELECT id FROM loss_reports WHERE claim_id = ?", r -> r.longValue("id"), id).orElse(null),
                    tx.list(ClaimRows.REPORT_SHIPMENTS, ClaimRows::reportShipment, id));
        });
    }

    // ---- the enterprise's claim ----

    /**
     * Drafts a claim on an effective policy of the principal's enterprise, which must have signed the service
     * agreement: not found for a policy not the principal's, a conflict for one that takes no claim, then invalid
     * input naming every bad field of the form (a new buyer's and an unknown buyer id among them). A new buyer is
     * added to the directory with the claim, in its transaction: both are saved or neither.
     */
    public Claim create(Principal p, long policyId, Input<ClaimForm> form) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            ClaimPolicy policy = openPolicy(tx, p, policyId);
            ClaimFormChecks.Checked c = form.check((f, errors) -> checks.check(tx, p, f, errors));
            long buyerId = buyerOf(tx, p, c);
            long id = tx.insert("INSERT INTO claims (enterprise_id, policy_id, policy_kind, buyer_id, state, answers,"
                    + " created_by, created_at) VALUES (?, ?, ?, ?, 'DRAFT', '', ?, ?)", policy.enterpriseId(),
                    policyId, PolicyKind.SPONSORED, buyerId, p.userId(), clock.instant());
            write(tx, id, c);
            return claimById(tx, id);
        });
    }

    /**
     * Drafts a claim from an accepted possible-loss report ({@code losses}), inside the report's transaction: the
     * policy, buyer and cause as reported, the report's story as the case description and what the enterprise did
     * as the mitigation. The rest (case questions, banks, the shipments' HS codes and payment terms, which a report
     * does not hold) the enterprise completes on the draft, where the report's shipments are offered to prefill the
     * add-shipment form ({@link ClaimView#lossReportShipments}). Not found/409 as {@link #create} for the policy.
     */
    public Claim draftFromLossReport(Tx tx, Principal p, long policyId, long buyerId, String lossCause,
                                     String caseDescription, String mitigation) {
        requireEnterpriseUser(p);
        ClaimPolicy policy = openPolicy(tx, p, policyId);
        long id = tx.insert("INSERT INTO claims (enterprise_id, policy_id, policy_kind, buyer_id, state, answers,"
                + " loss_cause, case_description, mitigation, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)", policy.enterpriseId(), policyId,
                // the case question 是否已报损 is answered by the report itself; the others are the enterprise's
                PolicyKind.SPONSORED, buyerId, REPORTED_LOSS + "=1",
                codes.find(ClaimCodes.CAUSE, lossCause).isPresent() ? lossCause : null,
                truncate(caseDescription), truncate(mitigation), p.userId(), clock.instant());
        return claimById(tx, id);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ClaimChecks.MAX_TEXT ? text : text.substring(0, ClaimChecks.MAX_TEXT);
    }

    /** The policy, if the principal may see it, is effective and its enterprise has signed the agreement. */
    private static ClaimPolicy openPolicy(Tx tx, Principal p, long policyId) {
        ClaimPolicy policy = tx.one(ClaimRows.POLICY + " WHERE p.id = ?", ClaimRows::policy, policyId)
                .filter(x -> Tenancy.canSee(tx, p, x.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("policy " + policyId + " not found",
                        "保单 " + policyId + " 不存在"));
        if (!policy.effective()) {
            throw new ConflictException("policy " + policyId + " is not effective: claims are made"
                    + " on effective policies", "保单 " + policyId + " 未生效，只能对生效保单索赔");
        }
        if (!Agreements.readiness(tx, policy.enterpriseId()).signed()) {
            throw new ConflictException("sign the service agreement under /agreements before claiming",
                    "索赔前请先在签约管理（/agreements）签署服务协议");
        }
        return policy;
    }

    /** The claim's buyer: the one named, or the new one, added to the directory now. */
    private long buyerOf(Tx tx, Principal p, ClaimFormChecks.Checked c) {
        return c.buyerId() != null ? c.buyerId() : buyers.add(tx, p, c.newBuyerCountry(), c.newBuyer()).id();
    }

    /** Saves the claim form again: not found, a conflict once submitted, then invalid input naming every bad field. */
    public Claim update(Principal p, long id, Input<ClaimForm> form) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            tx.lock("claims", id); // the claim owns its state (store package: concurrency)
            editable(tx, p, id);
            ClaimFormChecks.Checked c = form.check((f, errors) -> checks.check(tx, p, f, errors));
            tx.update("UPDATE claims SET buyer_id = ? WHERE id = ?", buyerOf(tx, p, c), id);
            write(tx, id, c);
            return claimById(tx, id);
        });
    }

    /**
     * Submits a draft or returned claim: the declaration must be ticked, there must be a shipment, a claim with a
     * letter-of-credit shipment must name the issuing bank, every customs declaration number must be one of the
     * enterprise's own export declarations (✗ otherwise) that no other claim has taken, and the shipment data report
     * must have been generated for the shipments as they are. The claim takes its declarations and is read-only for
     * the enterprise after.
     */
    public Claim submit(Principal p, long id, Input<Submission> submission) {
        requireEnterpriseUser(p);
        return takenElsewhere(() -> db.inTransaction(tx -> {
            tx.lock("claims", id); // the claim owns its state (store package: concurrency)
            Claim c = editable(tx, p, id);
            Set<String> numbers = submission.check((s, errors) -> checks.submissionProblems(tx, c, s, errors));
            ClaimDocuments.take(tx, id, numbers);
            tx.update("UPDATE claims SET state = 'SUBMITTED', declared = 1 WHERE id = ?", id);
            event(tx, id, "SUBMITTED", p, null, null, clock.instant());
            return claimById(tx, id);
        }));
    }

    /** The database's guard: another claim took a declaration in between (it cannot under SQLite's write lock). */
    private static <T> T takenElsewhere(Supplier<T> work) {
        try {
            return work.get();
        } catch (ConstraintViolationException e) {
            if (e.names("ux_claimed_declarations_number") || e.names("claimed_declarations.number")) {
                throw new InvalidInputException(List.of(new FieldError("declarations", "报关单已用于其他索赔申请（同一报关单不能重复索赔）",
                        "a declaration of this claim is already claimed in another claim")));
            }
            throw e;
        }
    }

    // ---- the shipment data report ----

    /**
     * Generates the shipment data report (出运数据报告) from the claim's shipments as they are now and makes it the
     * claim's; only while the enterprise may edit the claim (a conflict after), and only with a shipment (invalid
     * input).
     */
    public ClaimDocuments.ReportInfo generateReport(Principal p, long id) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            tx.lock("claims", id); // the claim owns its state (store package: concurrency)
            Claim c = editable(tx, p, id);
            List<Shipment> shipments = ClaimShipments.list(tx, id);
            if (shipments.isEmpty()) {
                throw new InvalidInputException("shipments", "请先填写出运信息，再生成出运数据报告",
                        "add the shipments before generating the shipment data report");
            }
            return documents.generate(tx, c, shipments, p.userId(), clock.instant());
        });
    }

    /** The claim's latest shipment data report with its PDF; not found before the first. */
    public ClaimDocuments.StoredReport report(Principal p, long id) {
        return db.read(tx -> ClaimDocuments.latest(tx, visible(tx, p, id)).orElseThrow(() -> new NotFoundException(
                "claim " + id + " has no shipment data report yet", "索赔申请 " + id + " 尚未生成出运数据报告")));
    }

    // ---- the decision deadlines (the insurer's review sets them: ClaimReview#accept) ----

    /**
     * Counts again, in {@code calendar}, the decision deadline of every claim whose count went through {@code year}
     * (accepted on or before its last day, due on or after its first): {@link HolidayCalendar}'s listener, run in
     * the transaction that loads the year, so a provisional deadline becomes exact (and a replaced schedule moves
     * the deadlines it changes) for every node at once. Deadlines are stored rather than counted at each read, so
     * that showing a claim or a list of claims does no calendar work. A release that corrects a year it already
     * bundled recounts only the provisional deadlines ({@link #recountProvisionalDeadlines}), not the exact ones.
     *
     * @return how many deadlines changed
     */
    public int recountDeadlines(Tx tx, WorkingDays calendar, int year) {
        return recount(tx, calendar, "accepted_on <= ? AND decision_due_on >= ?", LocalDate.of(year, 12, 31),
                LocalDate.of(year, 1, 1));
    }

    /**
     * Counts again every provisional deadline, for a release that bundles a year the deadlines lacked: run at
     * start-up, it makes them exact without an administrator loading that year.
     *
     * @return how many deadlines changed
     */
    public int recountProvisionalDeadlines() {
        String provisional = "decision_due_missing IS NOT NULL";
        if (db.read(tx -> tx.number("SELECT COUNT(*) FROM claims WHERE " + provisional)) == 0) {
            return 0; // the usual start: nothing to count, so no calendar to build
        }
        return db.inTransaction(tx -> recount(tx, calendar.workingDays(tx), provisional));
    }

    private record Due(long id, LocalDate acceptedOn, LocalDate dueOn, String missing) {
    }

    private static int recount(Tx tx, WorkingDays calendar, String where, Object... args) {
        int changed = 0;
        for (Due d : tx.list("SELECT id, accepted_on, decision_due_on, decision_due_missing FROM claims"
                + " WHERE decision_due_on IS NOT NULL AND " + where, r -> new Due(r.longValue("id"),
                r.date("accepted_on"), r.date("decision_due_on"), r.string("decision_due_missing")), args)) {
            Deadline now = calendar.after(d.acceptedOn(), DECISION_WORKING_DAYS);
            String missing = Deadline.storedYears(now.missingYears());
            if (!now.date().equals(d.dueOn()) || !Objects.equals(missing, d.missing())) {
                tx.update("UPDATE claims SET decision_due_on = ?, decision_due_missing = ? WHERE id = ?", now.date(),
                        missing, d.id());
                changed++;
            }
        }
        return changed;
    }

    private static void write(Tx tx, long id, ClaimFormChecks.Checked c) {
        tx.update("UPDATE claims SET issuing_swift = ?, issuing_name_en = ?, issuing_country = ?, issuing_address_en = ?,"
                + " confirming_swift = ?, confirming_name_en = ?, confirming_country = ?, confirming_address_en = ?,"
                + " answers = ?, financing_swift = ?, financing_bank_name = ?, financing_cents = ?, loss_cause = ?,"
                + " reason = ?, case_description = ?, mitigation = ? WHERE id = ?", c.issuing().swift(),
                c.issuing().nameEn(), c.issuing().country(), c.issuing().addressEn(), c.confirming().swift(),
                c.confirming().nameEn(), c.confirming().country(), c.confirming().addressEn(), c.answers(),
                c.financingSwift(), c.financingBankName(), c.financingCents(), c.lossCause(), c.reason(),
                c.caseDescription(), c.mitigation(), id);
    }

    /** The claim, if the principal may see it ({@link Tenancy}); not found otherwise. */
    static Claim visible(Tx tx, Principal p, long id) {
        return tx.one(ClaimRows.CLAIM + " WHERE c.id = ?", ClaimRows::claim, id)
                .filter(c -> Tenancy.canSee(tx, p, c.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("claim " + id + " not found", "索赔申请 " + id + " 不存在"));
    }

    /**
     * The claim, if the principal may see it and it is still the enterprise's to change; not found or a conflict
     * otherwise.
     */
    static Claim editable(Tx tx, Principal p, long id) {
        Claim c = visible(tx, p, id);
        if (!c.state().editable()) {
            throw new ConflictException("claim " + id + " is " + c.state().en()
                    + ": it can no longer be changed", "索赔申请 " + id + " " + c.state().zh() + "，不能再修改");
        }
        return c;
    }

    static ClaimPolicy policyOf(Tx tx, Claim c) {
        return tx.one(ClaimRows.POLICY + " WHERE p.id = ?", ClaimRows::policy, c.policyId()).orElseThrow();
    }

    static Claim claimById(Tx tx, long id) {
        return tx.one(ClaimRows.CLAIM + " WHERE c.id = ?", ClaimRows::claim, id).orElseThrow();
    }

    /** The claim's history row: what happened, who did it and when, with a reason or an amount where it has one. */
    static void event(Tx tx, long claimId, String kind, Principal actor, String reason, Long amount, Instant at) {
        tx.insert("INSERT INTO claim_events (claim_id, kind, actor_id, at, reason, amount_cents) VALUES (?, ?, ?, ?, ?, ?)",
                claimId, kind, actor.userId(), at, reason, amount);
    }

    static void requireEnterpriseUser(Principal p) {
        if (!p.role().isEnterpriseUser()) {
            throw new NotAllowedException("only the enterprise's people make claims", "只有企业用户可以索赔");
        }
    }

    static Map<String, Boolean> answers(String stored) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (stored != null && !stored.isEmpty()) {
            for (String pair : stored.split(",")) {
                String[] kv = pair.split("=");
                out.put(kv[0], "1".equals(kv[1]));
            }
        }
        return out;
    }
}
