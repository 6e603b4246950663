package cn.creditwindow.credit;

import cn.creditwindow.store.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Objects;

/**
 * How an order is read from its row: the query with the enterprise's, the orderer's and the buyer's names
 * ({@link #SELECT}, alias {@code o}), and the row as a {@link CreditOrder} with its report type's names and its stored
 * report. Shared by the orders and the wallet, which lists them.
 */
final class OrderRows {
    static final String SELECT = "SELECT o.*, e.name_zh AS enterprise_name, u.display_name AS ordered_by_name,"
            + " u.role AS ordered_by_role, b.code AS buyer_code, b.name_en AS buyer_name, b.country_code AS buyer_country"
            + " FROM credit_orders o JOIN enterprises e ON e.id = o.enterprise_id JOIN users u ON u.id = o.ordered_by"
            + " LEFT JOIN buyers b ON b.id = o.buyer_id";

    private final ReportTypes types;
    private final ObjectMapper json;

    OrderRows(ReportTypes types, ObjectMapper json) {
        this.types = Objects.requireNonNull(types, "types");
        this.json = Objects.requireNonNull(json, "json");
    }

    CreditOrder order(Row r) throws SQLException {
        String typeId = r.string("report_type");
        ReportType t = types.byId(typeId).orElse(null);
        String report = r.string("report_json");
        Long slot = r.nullableLong("slot");
        return new CreditOrder(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"), typeId,
                t == null ? typeId : t.nameZh(), t == null ? typeId : t.nameEn(), r.nullableLong("buyer_id"),
                r.string("buyer_code"), r.string("buyer_name"), r.string("buyer_country"), r.string("country_code"),
                r.string("hs_code"), r.string("product"), r.bool("urgent"), r.enumValue("state", OrderState.class),
                r.bool("free"), slot == null ? null : slot.intValue(), r.longValue("charge_fen"), r.string("currency"),
                r.longValue("ordered_by"), r.string("ordered_by_name"), r.string("ordered_by_role"), r.bool("on_behalf"),
                r.instant("created_at"), r.instant("updated_at"), r.nullableLong("taken_by"), r.instant("delivered_at"),
                report == null ? null : readReport(report));
    }

    private Report readReport(String text) {
        try {
            return json.readValue(text, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored credit report is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
