package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Claims on effective policies (manual 四): the enterprise's people draft, fill in and submit a claim; the insurer's
 * reviewers accept, return or decide and pay it. Every operation is one transaction; whose claims a principal sees
 * is {@link Tenancy}'s answer, and others' claims answer 404.
 */
public final class Claims {
    /** Sponsored-policy claims are decided within this many working days of acceptance (seed 001 (十一)). */
    public static final int DECISION_WORKING_DAYS = 15;
    static final int MAX_REASON = 500;

    private final Database db;
    private final Buyers buyers;
    private final Countries countries;
    private final ClaimCodes codes;
    private final HolidayCalendar calendar;
    private final ClaimDocuments documents;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param calendar  the working-day calendar the decision deadlines are counted in
     * @param documents the shipments against the customs data: the declaration check and the shipment data report
     */
    /** The case question "has the loss been reported?" (是否已报损), answered yes on a claim drafted from a report. */
    static final String REPORTED_LOSS = "REPORTED_LOSS";

    public Claims(Database db, Buyers buyers, Countries countries, ClaimCodes codes, HolidayCalendar calendar,
                  ClaimDocuments documents, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
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

    /** The reviewer's decision: the loss found and, for a policy whose aggregate limit is "as on the policy", that limit. */
    public record Decision(String loss, String aggregateLimit) {
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

    /** One page of the reviewer's queue: submitted and accepted claims, oldest first. */
    public Paged<Claim> queue(Principal reviewer, PageRequest page) {
        requireReviewer(reviewer);
        return db.read(tx -> page.select(tx, ClaimRows.CLAIM + " WHERE c.state IN ('SUBMITTED', 'ACCEPTED')", "c.id",
                ClaimRows::claim));
    }

    /** One claim with its shipments and history; 404 when not the principal's to see. */
    public ClaimView view(Principal p, long id) {
        return db.read(tx -> {
            Claim c = visible(tx, p, id);
            // the enterprise's account managers: the most specific portfolio match, as on every page (managers package)
            List<Manager> managers = AccountManagers.resolve(tx, c.enterpriseId()).stream()
                    .map(m -> new Manager(m.name(), m.mobile(), m.email())).toList();
            List<Shipment> shipments = shipments(tx, id);
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
     * agreement: 404 for a policy not the principal's, 409 for one that takes no claim, then 400 naming every bad
     * field of the form (a new buyer's and an unknown buyer id among them). A new buyer is added to the directory
     * with the claim, in its transaction: both are saved or neither.
     */
    public Claim create(Principal p, long policyId, Input<ClaimForm> form) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            ClaimPolicy policy = openPolicy(tx, p, policyId);
            Checked c = form.check((f, errors) -> check(tx, p, f, errors));
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
     * add-shipment form ({@link ClaimView#lossReportShipments}). 404/409 as {@link #create} for the policy.
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
    private long buyerOf(Tx tx, Principal p, Checked c) {
        return c.buyerId() != null ? c.buyerId() : buyers.add(tx, p, c.newBuyerCountry(), c.newBuyer()).id();
    }

    /** Saves the claim form again: 404, 409 once submitted, then 400 naming every bad field. */
    public Claim update(Principal p, long id, Input<ClaimForm> form) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            editable(tx, p, id);
            Checked c = form.check((f, errors) -> check(tx, p, f, errors));
            tx.update("UPDATE claims SET buyer_id = ? WHERE id = ?", buyerOf(tx, p, c), id);
            write(tx, id, c);
            return claimById(tx, id);
        });
    }

    /** Adds a shipment; 400 listing every bad field, 409 once submitted or for an invoice number already there. */
    public Shipment addShipment(Principal p, long claimId, Input<ShipmentForm> form) {
        requireEnterpriseUser(p);
        return unique(() -> db.inTransaction(tx -> {
            Claim c = editable(tx, p, claimId);
            ShipmentValues v = checkShipment(tx, c, form);
            long id = tx.insert("INSERT INTO claim_shipments (claim_id, invoice_no, hs_code, shipped_on, payment_method,"
                    + " term_days, invoice_cents, claimed_cents, collection_status, transport_mode, declarations,"
                    + " origin_certificate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claimId, v.invoiceNo(),
                    v.hsCode(), v.shippedOn(), v.paymentMethod(), v.termDays(), v.invoiceCents(), v.claimedCents(),
                    v.collectionStatus(), v.transportMode(), v.declarations(), v.originCertificate());
            shipmentsChanged(tx, claimId);
            return shipment(tx, claimId, id);
        }));
    }

    /** Saves a shipment again. */
    public Shipment updateShipment(Principal p, long claimId, long shipmentId, Input<ShipmentForm> form) {
        requireEnterpriseUser(p);
        return unique(() -> db.inTransaction(tx -> {
            Claim c = editable(tx, p, claimId);
            shipment(tx, claimId, shipmentId);
            ShipmentValues v = checkShipment(tx, c, form);
            tx.update("UPDATE claim_shipments SET invoice_no = ?, hs_code = ?, shipped_on = ?, payment_method = ?,"
                    + " term_days = ?, invoice_cents = ?, claimed_cents = ?, collection_status = ?, transport_mode = ?,"
                    + " declarations = ?, origin_certificate = ? WHERE id = ?", v.invoiceNo(), v.hsCode(),
                    v.shippedOn(), v.paymentMethod(), v.termDays(), v.invoiceCents(), v.claimedCents(),
                    v.collectionStatus(), v.transportMode(), v.declarations(), v.originCertificate(), shipmentId);
            shipmentsChanged(tx, claimId);
            return shipment(tx, claimId, shipmentId);
        }));
    }

    /** Deletes a shipment. */
    public void deleteShipment(Principal p, long claimId, long shipmentId) {
        requireEnterpriseUser(p);
        db.inTransaction(tx -> {
            editable(tx, p, claimId);
            shipment(tx, claimId, shipmentId);
            shipmentsChanged(tx, claimId);
            return tx.update("DELETE FROM claim_shipments WHERE id = ?", shipmentId);
        });
    }

    /**
     * Imports shipments from a filled-in template (CSV or XLSX): every row is checked, and one bad row refuses the
     * whole file with each bad row and field named ({@code row 3: hsCode}); nothing is saved then.
     *
     * @return the shipments added
     */
    public List<Shipment> importShipments(Principal p, long claimId, byte[] content) {
        requireEnterpriseUser(p);
        return unique(() -> db.inTransaction(tx -> {
            Claim c = editable(tx, p, claimId);
            List<ShipmentTemplate.Line> lines = ShipmentTemplate.read(content);
            List<FieldError> errors = new ArrayList<>();
            List<ShipmentValues> values = new ArrayList<>();
            ClaimPolicy policy = policyOf(tx, c);
            java.util.Set<String> invoices = new java.util.HashSet<>();
            for (ShipmentTemplate.Line line : lines) {
                String prefix = "row " + line.number() + ": ";
                List<FieldError> rowErrors = new ArrayList<>();
                ShipmentValues v = shipmentValues(policy, line.form(), rowErrors);
                for (FieldError e : rowErrors) {
                    errors.add(new FieldError(prefix + e.field(), "第 " + line.number() + " 行：" + e.zh(),
                            prefix + e.en()));
                }
                if (v != null && !invoices.add(v.invoiceNo())) {
                    errors.add(new FieldError(prefix + "invoiceNo", "第 " + line.number() + " 行：发票号重复",
                            prefix + "the invoice number appears twice"));
                }
                values.add(v);
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            List<Shipment> added = new ArrayList<>();
            for (ShipmentValues v : values) {
                long id = tx.insert("INSERT INTO claim_shipments (claim_id, invoice_no, hs_code, shipped_on,"
                        + " payment_method, term_days, invoice_cents, claimed_cents, collection_status, transport_mode,"
                        + " declarations, origin_certificate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claimId,
                        v.invoiceNo(), v.hsCode(), v.shippedOn(), v.paymentMethod(), v.termDays(), v.invoiceCents(),
                        v.claimedCents(), v.collectionStatus(), v.transportMode(), v.declarations(),
                        v.originCertificate());
                added.add(shipment(tx, claimId, id));
            }
            shipmentsChanged(tx, claimId);
            return added;
        }));
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
            Claim c = editable(tx, p, id);
            java.util.Set<String> numbers = submission.check((s, errors) -> submissionProblems(tx, c, s, errors));
            ClaimDocuments.take(tx, id, numbers);
            tx.update("UPDATE claims SET state = 'SUBMITTED', declared = 1 WHERE id = ?", id);
            event(tx, id, "SUBMITTED", p, null, null);
            return claimById(tx, id);
        }));
    }

    /** What keeps the claim from being submitted, each added to {@code errors}; the declaration numbers it takes. */
    private java.util.Set<String> submissionProblems(Tx tx, Claim c, Submission s, List<FieldError> errors) {
        if (s == null || !Boolean.TRUE.equals(s.declaration())) {
            errors.add(new FieldError("declaration", "请勾选索赔申明", "tick the claimant's declaration"));
        }
        List<Shipment> shipments = shipments(tx, c.id());
        if (shipments.isEmpty()) {
            errors.add(new FieldError("shipments", "请至少填写一条出运信息", "add at least one shipment"));
        }
        if (shipments.stream().anyMatch(x -> ClaimCodes.letterOfCredit(x.paymentMethod()))
                && !c.issuingBank().given()) {
            errors.add(new FieldError("issuingBank.swift", "支付方式为信用证时，请填写开证行信息",
                    "a letter-of-credit shipment needs the issuing bank"));
        }
        java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
        shipments.forEach(x -> numbers.addAll(x.declarations()));
        List<String> missing = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (ClaimDocuments.ShipmentCheck check : documents.check(tx, c, policyOf(tx, c), shipments)) {
            for (var d : check.declarations()) {
                if (!d.ok() && !missing.contains(d.number())) {
                    missing.add(d.number());
                } else if (d.flags().stream().anyMatch(f -> ALREADY_CLAIMED.equals(f.code()))
                        && !taken.contains(d.number())) {
                    taken.add(d.number());
                }
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new FieldError("declarations", "未查询到符合条件的报关单数据：" + String.join("，", missing)
                    + "（仅能使用本企业作为收发货人的出口报关单）", "no matching export declaration of the enterprise: "
                    + String.join(", ", missing)));
        }
        if (!taken.isEmpty()) {
            errors.add(alreadyClaimed(taken));
        }
        reportError(ClaimDocuments.latestInfo(tx, c).orElse(null), shipments.isEmpty()).ifPresent(errors::add);
        return numbers;
    }

    private static final String ALREADY_CLAIMED = cn.creditwindow.customs.CheckResult.Flag.ALREADY_CLAIMED;

    private static FieldError alreadyClaimed(List<String> numbers) {
        return new FieldError("declarations", "报关单已用于其他索赔申请：" + String.join("，", numbers)
                + "（同一报关单不能重复索赔）", "already claimed in another claim: " + String.join(", ", numbers));
    }

    /** Why the report refuses the submission: none generated, or generated before the shipments last changed. */
    private static java.util.Optional<FieldError> reportError(ClaimDocuments.ReportInfo report, boolean noShipments) {
        if (noShipments) {
            return java.util.Optional.empty();
        }
        if (report == null) {
            return java.util.Optional.of(new FieldError("shipmentReport", "提交前请先生成出运数据报告",
                    "generate the shipment data report before submitting"));
        }
        if (!report.current()) {
            return java.util.Optional.of(new FieldError("shipmentReport", "出运信息在生成出运数据报告后已修改，请重新生成出运数据报告",
                    "the shipments changed after the shipment data report was generated: generate it again"));
        }
        return java.util.Optional.empty();
    }

    /** The database's guard: another claim took a declaration in between (it cannot under SQLite's write lock). */
    private static <T> T takenElsewhere(java.util.function.Supplier<T> work) {
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
     * claim's; only while the enterprise may edit the claim (409 after), and only with a shipment (400).
     */
    public ClaimDocuments.ReportInfo generateReport(Principal p, long id) {
        requireEnterpriseUser(p);
        return db.inTransaction(tx -> {
            Claim c = editable(tx, p, id);
            List<Shipment> shipments = shipments(tx, id);
            if (shipments.isEmpty()) {
                throw new InvalidInputException("shipments", "请先填写出运信息，再生成出运数据报告",
                        "add the shipments before generating the shipment data report");
            }
            return documents.generate(tx, c, shipments, p.userId(), clock.instant());
        });
    }

    /** The claim's latest shipment data report with its PDF; 404 before the first. */
    public ClaimDocuments.StoredReport report(Principal p, long id) {
        return db.read(tx -> ClaimDocuments.latest(tx, visible(tx, p, id)).orElseThrow(() -> new NotFoundException(
                "claim " + id + " has no shipment data report yet", "索赔申请 " + id + " 尚未生成出运数据报告")));
    }

    // ---- the insurer's review ----

    /**
     * Accepts a submitted claim; a sponsored-policy claim gets its decision due date, provisional (with the years
     * missing) when the count runs into a year whose holiday schedule is not loaded.
     */
    public Claim accept(Principal reviewer, long id) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            Claim c = inState(tx, reviewer, id, ClaimState.SUBMITTED);
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            Deadline due = c.policyKind() == PolicyKind.SPONSORED
                    ? calendar.workingDays(tx).after(today, DECISION_WORKING_DAYS) : null;
            tx.update("UPDATE claims SET state = 'ACCEPTED', accepted_on = ?, decision_due_on = ?,"
                    + " decision_due_missing = ? WHERE id = ?", today, due == null ? null : due.date(),
                    due == null ? null : Deadline.storedYears(due.missingYears()), id);
            event(tx, id, "ACCEPTED", reviewer, null, null);
            return claimById(tx, id);
        });
    }

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

    /**
     * Returns a submitted or accepted claim with a reason (required, at most {@value #MAX_REASON} characters): 404,
     * 409 in any other state, then 400.
     */
    public Claim returnClaim(Principal reviewer, long id, Input<String> reason) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            Claim c = visible(tx, reviewer, id);
            if (c.state() != ClaimState.SUBMITTED && c.state() != ClaimState.ACCEPTED) {
                throw wrongState(c, "退回");
            }
            String r = reason.check(Claims::returnReason);
            tx.update("UPDATE claims SET state = 'RETURNED', accepted_on = NULL, decision_due_on = NULL,"
                    + " decision_due_missing = NULL, declared = 0"
                    + " WHERE id = ?", id);
            event(tx, id, "RETURNED", reviewer, r, null);
            return claimById(tx, id);
        });
    }

    private static String returnReason(String reason, List<FieldError> errors) {
        String r = ClaimChecks.strip(reason);
        if (r.isEmpty() || r.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "请填写退回原因（不超过 " + MAX_REASON + " 字）",
                    "the reason for returning is required (at most " + MAX_REASON + " characters)"));
        }
        return r;
    }

    /**
     * Decides an accepted claim and pays it: {@link Payout} of the loss against what the policy's paid claims have
     * left of the per-buyer and aggregate limits. The aggregate limit is the policy's; where the policy has none
     * stated ("as on the policy") the reviewer may enter it. 404, 409 unless accepted, then 400 per bad amount.
     */
    public Claim pay(Principal reviewer, long id, Input<Decision> decision) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            Claim c = inState(tx, reviewer, id, ClaimState.ACCEPTED);
            Amounts a = decision.check(Claims::amounts);
            ClaimPolicy policy = policyOf(tx, c);
            Long aggregateLimit = policy.aggregateLimitCents() != null ? policy.aggregateLimitCents() : a.aggregate();
            Payout payout = payout(tx, policy, c.buyerId(), a.loss(), aggregateLimit);
            tx.update("UPDATE claims SET state = 'PAID', loss_cents = ?, payout_cents = ? WHERE id = ?", a.loss(),
                    payout.payoutCents(), id);
            event(tx, id, "PAID", reviewer, null, payout.payoutCents());
            return claimById(tx, id);
        });
    }

    /** A decision's amounts in cents: the loss, and the aggregate limit the reviewer entered (null: none). */
    private record Amounts(Long loss, Long aggregate) {
    }

    private static Amounts amounts(Decision d, List<FieldError> errors) {
        Long loss = ClaimChecks.usd("loss", d == null ? null : d.loss(), "损失金额", "the loss", errors);
        Long aggregate = d == null || Text.blankToNull(d.aggregateLimit()) == null ? null
                : ClaimChecks.usd("aggregateLimit", d.aggregateLimit(), "累计赔偿限额", "the aggregate limit", errors);
        return new Amounts(loss, aggregate);
    }

    /** What a loss on a buyer would pay now under a policy, given its paid claims. */
    static Payout payout(Tx tx, ClaimPolicy policy, long buyerId, long lossCents, Long aggregateLimitCents) {
        Paid paid = paid(tx, policy, buyerId);
        return Payout.of(lossCents, new BigDecimal(policy.indemnityRatio()), policy.perBuyerLimitCents(), paid.onBuyer(),
                aggregateLimitCents, paid.onPolicy());
    }

    /** What a policy's paid claims have paid so far, in US cents: on one buyer, and on all its buyers. */
    private record Paid(long onBuyer, long onPolicy) {
    }

    private static Paid paid(Tx tx, ClaimPolicy policy, long buyerId) {
        return new Paid(tx.number("SELECT COALESCE(SUM(payout_cents), 0) FROM claims WHERE policy_id = ?"
                + " AND buyer_id = ? AND state = 'PAID'", policy.id(), buyerId),
                tx.number("SELECT COALESCE(SUM(payout_cents), 0) FROM claims WHERE policy_id = ?"
                        + " AND state = 'PAID'", policy.id()));
    }

    /**
     * The reviewer's payout panel beside 定损赔付 (US cents): the policy's indemnity ratio, per-buyer limit and
     * aggregate limit, what its paid claims have paid on this claim's buyer and on all, what is left of each limit,
     * and for a loss the payout {@link #pay} would make now.
     *
     * @param aggregateAsOnPolicy  true when the policy states no aggregate limit ("as on the policy")
     * @param aggregateLimitCents  the aggregate limit that applies: the policy's, else the one entered, else null
     * @param aggregateLeftCents   null when no aggregate limit applies
     * @param payout               null when no loss was entered
     */
    public record PayoutPanel(long claimId, String indemnityRatio, long perBuyerLimitCents, boolean aggregateAsOnPolicy,
                              Long aggregateLimitCents, long paidOnBuyerCents, long paidOnPolicyCents,
                              long perBuyerLeftCents, Long aggregateLeftCents, Payout payout) {
    }

    /**
     * The payout panel of an accepted claim, for a loss and an aggregate limit that may both be left blank (then no
     * payout, or none entered), computed with the same {@link Payout} as {@link #pay}. Reads only. 404, 409 unless
     * accepted, then 400 per bad amount.
     */
    public PayoutPanel payoutPanel(Principal reviewer, long id, Input<Decision> decision) {
        requireReviewer(reviewer);
        return db.read(tx -> {
            Claim c = inState(tx, reviewer, id, ClaimState.ACCEPTED);
            Amounts a = decision.check(Claims::previewAmounts);
            ClaimPolicy policy = policyOf(tx, c);
            Long aggregateLimit = policy.aggregateLimitCents() != null ? policy.aggregateLimitCents() : a.aggregate();
            Paid paid = paid(tx, policy, c.buyerId());
            Payout payout = a.loss() == null ? null : payout(tx, policy, c.buyerId(), a.loss(), aggregateLimit);
            return new PayoutPanel(c.id(), policy.indemnityRatio(), policy.perBuyerLimitCents(),
                    policy.aggregateLimitCents() == null, aggregateLimit, paid.onBuyer(), paid.onPolicy(),
                    Math.max(0, policy.perBuyerLimitCents() - paid.onBuyer()),
                    aggregateLimit == null ? null : Math.max(0, aggregateLimit - paid.onPolicy()), payout);
        });
    }

    /** A preview's amounts: as a decision's, but the loss too may be left blank. */
    private static Amounts previewAmounts(Decision d, List<FieldError> errors) {
        if (d == null || Text.blankToNull(d.loss()) == null) {
            Long aggregate = d == null || Text.blankToNull(d.aggregateLimit()) == null ? null
                    : ClaimChecks.usd("aggregateLimit", d.aggregateLimit(), "累计赔偿限额", "the aggregate limit", errors);
            return new Amounts(null, aggregate);
        }
        return amounts(d, errors);
    }

    // ---- checks ----

    /** The checked claim form: the buyer named, or the new buyer to add (with its country). */
    private record Checked(Long buyerId, Buyers.NewBuyer newBuyer, cn.creditwindow.reference.Country newBuyerCountry,
                           Claim.Bank issuing, Claim.Bank confirming, String answers,
                           String financingSwift, String financingBankName, Long financingCents, String lossCause,
                           String reason, String caseDescription, String mitigation) {
    }

    /** The checked claim form, or null after adding an error per bad field to {@code errors}. */
    private Checked check(Tx tx, Principal p, ClaimForm f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("buyerId", "请填写索赔申请", "the claim form is missing"));
            return null;
        }
        int before = errors.size();
        Long buyerId = f.buyerId();
        Buyers.NewBuyer newBuyer = null;
        cn.creditwindow.reference.Country newBuyerCountry = null;
        if (buyerId != null && Buyers.visible(tx, p, buyerId).isEmpty()) {
            errors.add(Buyers.noSuchBuyer("buyerId", buyerId));
        }
        if (f.newBuyer() != null) {
            newBuyer = f.newBuyer();
            newBuyerCountry = buyers.checkWithin("newBuyer.", newBuyer, errors);
            if (buyerId != null) {
                errors.add(new FieldError("newBuyer", "请选择买方目录中的买方或新建买方，二者只能选一",
                        "choose a buyer from the directory or add a new one, not both"));
            }
        } else if (buyerId == null) {
            errors.add(new FieldError("buyerId", "请选择买方或新建买方", "choose a buyer or add a new one"));
        }
        Claim.Bank issuing = bank("issuingBank", f.issuingBank(), errors);
        Claim.Bank confirming = bank("confirmingBank", f.confirmingBank(), errors);
        StringBuilder answers = new StringBuilder();
        Map<String, Boolean> given = f.answers() == null ? Map.of() : f.answers();
        for (ClaimCodes.Code q : codes.list(ClaimCodes.QUESTION)) {
            Boolean a = given.get(q.code());
            if (a == null) {
                errors.add(new FieldError("answers." + q.code(), "请选择“是”或“否”：" + q.zh(),
                        "answer yes or no: " + q.en()));
                continue;
            }
            answers.append(answers.length() == 0 ? "" : ",").append(q.code()).append('=').append(a ? 1 : 0);
        }
        for (String code : given.keySet()) {
            if (codes.find(ClaimCodes.QUESTION, code).isEmpty()) {
                errors.add(new FieldError("answers." + code, "没有这个案件问题：" + code, "no such case question: " + code));
            }
        }
        String fSwift = null;
        String fName = null;
        Long fCents = null;
        if (Boolean.TRUE.equals(given.get(ClaimCodes.FINANCING))) {
            fSwift = ClaimChecks.swift("financingSwift", f.financingSwift(), countries, errors);
            fName = ClaimChecks.text("financingBankName", f.financingBankName(), 200, "融资银行名称",
                    "the financing bank's name", errors);
            fCents = ClaimChecks.usd("financingAmount", f.financingAmount(), "融资金额", "the financed amount", errors);
        }
        String cause = ClaimChecks.strip(f.lossCause());
        if (codes.find(ClaimCodes.CAUSE, cause).isEmpty()) {
            errors.add(new FieldError("lossCause", "请选择致损原因", "choose the cause of loss"));
        }
        String reason = ClaimChecks.description("reason", f.reason(), "索赔原因描述", "the reason for the claim", errors);
        String story = ClaimChecks.description("caseDescription", f.caseDescription(), "案情说明",
                "the case description", errors);
        String mitigation = Text.blankToNull(f.mitigation());
        if (mitigation != null && mitigation.length() > ClaimChecks.MAX_TEXT) {
            errors.add(new FieldError("mitigation", "减损措施不超过 " + ClaimChecks.MAX_TEXT + " 字",
                    "the mitigation is at most " + ClaimChecks.MAX_TEXT + " characters"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Checked(buyerId, newBuyer, newBuyerCountry, issuing, confirming, answers.toString(), fSwift, fName,
                fCents, cause, reason, story, mitigation);
    }

    private Claim.Bank bank(String field, BankForm b, List<FieldError> errors) {
        if (b == null || b.blank()) {
            return new Claim.Bank(null, null, null, null);
        }
        return new Claim.Bank(ClaimChecks.swift(field + ".swift", b.swift(), countries, errors),
                ClaimChecks.text(field + ".nameEn", b.nameEn(), 200, "银行英文名称", "the bank's English name", errors),
                ClaimChecks.country(field + ".country", b.country(), countries, errors),
                ClaimChecks.text(field + ".addressEn", b.addressEn(), 500, "银行英文地址", "the bank's English address",
                        errors));
    }

    private void write(Tx tx, long id, Checked c) {
        tx.update("UPDATE claims SET issuing_swift = ?, issuing_name_en = ?, issuing_country = ?, issuing_address_en = ?,"
                + " confirming_swift = ?, confirming_name_en = ?, confirming_country = ?, confirming_address_en = ?,"
                + " answers = ?, financing_swift = ?, financing_bank_name = ?, financing_cents = ?, loss_cause = ?,"
                + " reason = ?, case_description = ?, mitigation = ? WHERE id = ?", c.issuing().swift(),
                c.issuing().nameEn(), c.issuing().country(), c.issuing().addressEn(), c.confirming().swift(),
                c.confirming().nameEn(), c.confirming().country(), c.confirming().addressEn(), c.answers(),
                c.financingSwift(), c.financingBankName(), c.financingCents(), c.lossCause(), c.reason(),
                c.caseDescription(), c.mitigation(), id);
    }

    /** A checked shipment. */
    private record ShipmentValues(String invoiceNo, String hsCode, LocalDate shippedOn, String paymentMethod,
                                  int termDays, long invoiceCents, long claimedCents, String collectionStatus,
                                  String transportMode, String declarations, String originCertificate) {
    }

    private ShipmentValues checkShipment(Tx tx, Claim c, Input<ShipmentForm> form) {
        ClaimPolicy policy = policyOf(tx, c);
        return form.check((f, errors) -> shipmentValues(policy, f, errors));
    }

    /** The checked values of a shipment, or null with the errors added. */
    private ShipmentValues shipmentValues(ClaimPolicy policy, ShipmentForm f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("invoiceNo", "请填写出运信息", "the shipment is missing"));
            return null;
        }
        int before = errors.size();
        String invoice = ClaimChecks.text("invoiceNo", f.invoiceNo(), 50, "发票号", "the invoice number", errors);
        String hs = ClaimChecks.hsCode("hsCode", f.hsCode(), errors);
        LocalDate shipped = ClaimChecks.dateWithin("shippedOn", f.shippedOn(), policy.coverStart(), policy.coverEnd(),
                errors);
        String method = coded("paymentMethod", ClaimCodes.PAYMENT, f.paymentMethod(), "支付方式", "payment method", errors);
        Integer term = null;
        try {
            term = Integer.parseInt(ClaimChecks.strip(f.termDays()));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (term == null || term < 0 || term > 720) {
            errors.add(new FieldError("termDays", "支付期限应为 0–720 天", "the payment term is 0 to 720 days"));
        }
        Long invoiceCents = ClaimChecks.usd("invoiceAmount", f.invoiceAmount(), "发票金额", "the invoice amount", errors);
        Long claimedCents = ClaimChecks.usd("claimedAmount", f.claimedAmount(), "索赔金额", "the claimed amount", errors);
        if (invoiceCents != null && claimedCents != null && claimedCents > invoiceCents) {
            errors.add(new FieldError("claimedAmount", "索赔金额不能大于发票金额",
                    "the claimed amount cannot be more than the invoice amount"));
        }
        String collection = coded("collectionStatus", ClaimCodes.COLLECTION, f.collectionStatus(), "收汇状态",
                "collection status", errors);
        String transport = coded("transportMode", ClaimCodes.TRANSPORT, f.transportMode(), "运输方式",
                "transport mode", errors);
        String declarations = ClaimChecks.declarations("declarations", f.declarations(),
                java.time.LocalDate.now(clock.withZone(zone)).getYear(), errors);
        String origin = Text.blankToNull(f.originCertificate());
        if (origin != null && !origin.matches("[A-Za-z0-9][A-Za-z0-9/-]{0,39}")) { // as customs numbers them
            errors.add(new FieldError("originCertificate", "原产地证书号为 1–40 位字母、数字、- 或 /",
                    "a certificate of origin number has 1-40 letters, digits, - or /"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ShipmentValues(invoice, hs, shipped, method, term, invoiceCents, claimedCents, collection, transport,
                declarations, origin);
    }

    private String coded(String field, String list, String value, String zh, String en, List<FieldError> errors) {
        String v = ClaimChecks.strip(value);
        if (codes.find(list, v).isEmpty()) {
            errors.add(new FieldError(field, "请选择" + zh, "choose the " + en + " (one of "
                    + String.join(", ", codes.list(list).stream().map(ClaimCodes.Code::code).toList()) + ")"));
            return null;
        }
        return v;
    }

    // ---- shared ----

    private static <T> T unique(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ConstraintViolationException e) {
            if (e.names("ux_claim_shipments_invoice") || e.names("claim_shipments.claim_id")) {
                throw new ConflictException("the claim already has a shipment with this invoice number",
                        "该索赔申请已有相同发票号的出运信息");
            }
            throw e;
        }
    }

    /** Every change to the shipments makes an earlier shipment data report stale. */
    private static void shipmentsChanged(Tx tx, long claimId) {
        tx.update("UPDATE claims SET shipments_version = shipments_version + 1 WHERE id = ?", claimId);
    }

    /** The claim, if the principal may see it ({@link Tenancy}); 404 otherwise. */
    static Claim visible(Tx tx, Principal p, long id) {
        return tx.one(ClaimRows.CLAIM + " WHERE c.id = ?", ClaimRows::claim, id)
                .filter(c -> Tenancy.canSee(tx, p, c.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("claim " + id + " not found", "索赔申请 " + id + " 不存在"));
    }

    /** The claim, if the principal may see it and it is still the enterprise's to change; 404 or 409 otherwise. */
    static Claim editable(Tx tx, Principal p, long id) {
        Claim c = visible(tx, p, id);
        if (!c.state().editable()) {
            throw new ConflictException("claim " + id + " is " + c.state().en()
                    + ": it can no longer be changed", "索赔申请 " + id + " " + c.state().zh() + "，不能再修改");
        }
        return c;
    }

    private Claim inState(Tx tx, Principal p, long id, ClaimState state) {
        Claim c = visible(tx, p, id);
        if (c.state() != state) {
            throw wrongState(c, state == ClaimState.SUBMITTED ? "受理" : "赔付");
        }
        return c;
    }

    private static ConflictException wrongState(Claim c, String actionZh) {
        return new ConflictException("claim " + c.id() + " is " + c.state().en(),
                "索赔申请 " + c.id() + " " + c.state().zh() + "，不能" + actionZh);
    }

    private static ClaimPolicy policyOf(Tx tx, Claim c) {
        return tx.one(ClaimRows.POLICY + " WHERE p.id = ?", ClaimRows::policy, c.policyId()).orElseThrow();
    }

    static Claim claimById(Tx tx, long id) {
        return tx.one(ClaimRows.CLAIM + " WHERE c.id = ?", ClaimRows::claim, id).orElseThrow();
    }

    private static List<Shipment> shipments(Tx tx, long claimId) {
        return tx.list("SELECT * FROM claim_shipments WHERE claim_id = ? ORDER BY id", ClaimRows::shipment, claimId);
    }

    private static Shipment shipment(Tx tx, long claimId, long id) {
        return tx.one("SELECT * FROM claim_shipments WHERE claim_id = ? AND id = ?", ClaimRows::shipment, claimId, id)
                .orElseThrow(() -> new NotFoundException("shipment " + id + " not found", "出运信息 " + id + " 不存在"));
    }

    private void event(Tx tx, long claimId, String kind, Principal actor, String reason, Long amount) {
        tx.insert("INSERT INTO claim_events (claim_id, kind, actor_id, at, reason, amount_cents) VALUES (?, ?, ?, ?, ?, ?)",
                claimId, kind, actor.userId(), clock.instant(), reason, amount);
    }

    static void requireEnterpriseUser(Principal p) {
        if (!p.role().isEnterpriseUser()) {
            throw new NotAllowedException("only the enterprise's people make claims", "只有企业用户可以索赔");
        }
    }

    private static void requireReviewer(Principal p) {
        if (p.role() != Role.REVIEWER) {
            throw new NotAllowedException("only insurer reviewers decide claims", "只有保险公司审核人员可以审核索赔");
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
