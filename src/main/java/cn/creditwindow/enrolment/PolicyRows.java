package cn.creditwindow.enrolment;

import cn.creditwindow.store.Row;
import java.sql.SQLException;

/** How policies and applications are read from the store. */
final class PolicyRows {
    /** Selects policies with their enterprise's name and USCC; alias {@code p} for policies, {@code e} for enterprises. */
    static final String SELECT = "SELECT p.*, e.name_zh AS enterprise_name, e.uscc AS enterprise_uscc FROM policies p"
            + " JOIN enterprises e ON e.id = p.enterprise_id";

    private PolicyRows() {
    }

    static Policy policy(Row r) throws SQLException {
        return new Policy(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.string("enterprise_uscc"), r.string("scheme_id"), r.longValue("list_id"),
                r.enumValue("state", PolicyState.class), r.enumValue("receipt", Receipt.class),
                r.longValue("insured_cents"), r.nullableLong("premium_cents"), r.longValue("enterprise_part_cents"),
                r.nullableLong("subsidy_cents"), r.longValue("per_buyer_limit_cents"),
                r.nullableLong("aggregate_limit_cents"), r.string("indemnity_ratio"), r.date("year_start"),
                r.date("year_end"), r.string("policy_number"), r.date("issued_on"), r.date("cover_start"),
                r.date("cover_end"), r.instant("pushed_at"), r.instant("received_at"));
    }

    static Application application(Row r) throws SQLException {
        return new Application(r.longValue("id"), r.longValue("policy_id"), r.string("contact_name"),
                r.string("mobile"), r.string("email"), r.longValue("submitted_by"), r.instant("submitted_at"),
                r.enumValue("outcome", Application.Outcome.class), r.string("return_reason"),
                r.nullableLong("decided_by"), r.instant("decided_at"));
    }
}
