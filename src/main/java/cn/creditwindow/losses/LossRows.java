package cn.creditwindow.losses;

import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** How reports, their shipments and events are read from the store. */
final class LossRows {
    /** Reports with policy, buyer, enterprise, handler, scheme and the outstanding total; alias {@code r}. */
    static final String REPORT = "SELECT r.*, p.policy_number, p.scheme_id, b.code AS buyer_code, b.name_en AS buyer_name,"
            + " b.country_code AS buyer_country, e.name_zh AS enterprise_name, h.display_name AS handler_name,"
            + " (SELECT COALESCE(SUM(s.outstanding_cents), 0) FROM loss_shipments s WHERE s.report_id = r.id)"
            + " AS outstanding_cents FROM loss_reports r JOIN policies p ON p.id = r.policy_id"
            + " JOIN buyers b ON b.id = r.buyer_id JOIN enterprises e ON e.id = r.enterprise_id"
            + " LEFT JOIN users h ON h.id = r.handler_id";
    /** Shipments with their policy's scheme; alias {@code s}. */
    static final String SHIPMENT = "SELECT s.*, p.scheme_id FROM loss_shipments s JOIN policies p ON p.id = s.policy_id";
    /** Events with the actor's name; alias {@code ev}. */
    static final String EVENT = "SELECT ev.*, u.display_name AS actor_name FROM loss_report_events ev"
            + " JOIN users u ON u.id = ev.actor_id";

    private LossRows() {
    }

    static LossReport report(Row r, Schemes schemes) throws SQLException {
        LossState state = r.enumValue("state", LossState.class);
        LocalDate reportedOn = r.date("reported_on");
        LocalDate claimBy = state == LossState.ACCEPTED ? schemes.byId(r.string("scheme_id")).orElseThrow()
                .lossDeadlines().claimBy(reportedOn) : null;
        String codes = r.string("advice_codes");
        return new LossReport(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.longValue("policy_id"), r.string("policy_number"), r.longValue("buyer_id"), r.string("buyer_code"),
                r.string("buyer_name"), r.string("buyer_country"), state, r.string("cause"), r.string("actions_taken"),
                r.string("contact_name"), r.string("contact_mobile"), r.string("contact_email"), reportedOn,
                r.date("report_by"), r.bool("late"), r.string("case_no"), r.nullableLong("handler_id"),
                r.string("handler_name"), r.date("accepted_on"), r.string("advice"),
                codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")),
                r.nullableLong("recovered_cents"), r.nullableLong("claim_id"), r.bool("on_behalf"),
                r.longValue("outstanding_cents"), claimBy, r.instant("created_at"));
    }

    static LossShipment shipment(Row r, Schemes schemes) throws SQLException {
        String declarations = r.string("declarations");
        LocalDate due = r.date("due_on");
        return new LossShipment(r.longValue("id"), r.nullableLong("report_id"), r.longValue("buyer_id"),
                r.string("invoice_no"), r.date("shipped_on"), due, r.longValue("outstanding_cents"),
                declarations.isEmpty() ? List.of() : Arrays.asList(declarations.split(",")),
                schemes.byId(r.string("scheme_id")).orElseThrow().lossDeadlines().reportBy(due));
    }

    static LossEvent event(Row r) throws SQLException {
        return new LossEvent(r.longValue("id"), r.longValue("report_id"), r.string("kind"), r.longValue("actor_id"),
                r.string("actor_name"), r.string("actor_role"), r.bool("on_behalf"), r.instant("at"), r.string("note"),
                r.nullableLong("amount_cents"));
    }
}
