package cn.creditwindow.claims;

import cn.creditwindow.calendar.Deadline;
import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** How claims, their policies, shipments and events are read from the store. */
final class ClaimRows {
    /** Policies with their enterprise's name; alias {@code p}. */
    static final String POLICY = "SELECT p.*, e.name_zh AS enterprise_name FROM policies p"
            + " JOIN enterprises e ON e.id = p.enterprise_id";
    /** Claims with their policy number, buyer, enterprise and claimed total; alias {@code c}. */
    static final String CLAIM = "SELECT c.*, p.policy_number, b.code AS buyer_code, b.name_en AS buyer_name,"
            + " e.name_zh AS enterprise_name, (SELECT COALESCE(SUM(s.claimed_cents), 0) FROM claim_shipments s"
            + " WHERE s.claim_id = c.id) AS claimed_cents FROM claims c JOIN policies p ON p.id = c.policy_id"
            + " JOIN buyers b ON b.id = c.buyer_id JOIN enterprises e ON e.id = c.enterprise_id";
    /** Events with the actor's name; alias {@code ev}. */
    static final String EVENT = "SELECT ev.*, u.display_name AS actor_name FROM claim_events ev"
            + " JOIN users u ON u.id = ev.actor_id";

    private ClaimRows() {
    }

    static ClaimPolicy policy(Row r) throws SQLException {
        return new ClaimPolicy(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.string("scheme_id"), r.string("state"), r.string("policy_number"), r.date("cover_start"),
                r.date("cover_end"), r.longValue("per_buyer_limit_cents"), r.nullableLong("aggregate_limit_cents"),
                r.string("indemnity_ratio"));
    }

    static Claim claim(Row r) throws SQLException {
        return new Claim(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.longValue("policy_id"), r.string("policy_number"), r.enumValue("policy_kind", PolicyKind.class),
                r.longValue("buyer_id"), r.string("buyer_code"), r.string("buyer_name"),
                r.enumValue("state", ClaimState.class),
                new Claim.Bank(r.string("issuing_swift"), r.string("issuing_name_en"), r.string("issuing_country"),
                        r.string("issuing_address_en")),
                new Claim.Bank(r.string("confirming_swift"), r.string("confirming_name_en"),
                        r.string("confirming_country"), r.string("confirming_address_en")),
                Claims.answers(r.string("answers")), r.string("financing_swift"), r.string("financing_bank_name"),
                r.nullableLong("financing_cents"), r.string("loss_cause"), r.string("reason"),
                r.string("case_description"), r.string("mitigation"), r.bool("declared"), r.date("accepted_on"),
                r.date("decision_due_on"), Deadline.parseStoredYears(r.string("decision_due_missing")),
                r.longValue("claimed_cents"), r.nullableLong("loss_cents"),
                r.nullableLong("payout_cents"), r.instant("created_at"),
                r.longValue("shipments_version"));
    }

    static Shipment shipment(Row r) throws SQLException {
        List<String> declarations = Arrays.asList(r.string("declarations").split(","));
        return new Shipment(r.longValue("id"), r.longValue("claim_id"), r.string("invoice_no"), r.string("hs_code"),
                r.date("shipped_on"), r.string("payment_method"), r.intValue("term_days"), r.longValue("invoice_cents"),
                r.longValue("claimed_cents"), r.string("collection_status"), r.string("transport_mode"),
                List.copyOf(declarations), r.string("origin_certificate"));
    }

    /**
     * The shipments of the possible-loss report claim {@code ?} was drafted from (table {@code loss_shipments}, as
     * the {@code losses} package writes it) whose invoice number the claim has not taken yet, by due date.
     */
    static final String REPORT_SHIPMENTS = "SELECT s.id, s.invoice_no, s.shipped_on, s.outstanding_cents, s.declarations"
            + " FROM loss_shipments s JOIN loss_reports r ON r.id = s.report_id WHERE r.claim_id = ? AND NOT EXISTS"
            + " (SELECT 1 FROM claim_shipments cs WHERE cs.claim_id = r.claim_id AND cs.invoice_no = s.invoice_no)"
            + " ORDER BY s.due_on, s.id";

    static ReportShipment reportShipment(Row r) throws SQLException {
        String declarations = r.string("declarations");
        return new ReportShipment(r.longValue("id"), r.string("invoice_no"), r.date("shipped_on"),
                r.longValue("outstanding_cents"),
                declarations.isEmpty() ? List.of() : Arrays.asList(declarations.split(",")));
    }

    static ClaimEvent event(Row r) throws SQLException {
        return new ClaimEvent(r.longValue("id"), r.longValue("claim_id"), r.string("kind"), r.longValue("actor_id"),
                r.string("actor_name"), r.instant("at"), r.string("reason"), r.nullableLong("amount_cents"));
    }
}
