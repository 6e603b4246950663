package cn.creditwindow.credit;

import cn.creditwindow.store.Tx;
import java.util.List;

/**
 * Told, inside the delivery's transaction, when a delivered buyer report marks risk events (BANKRUPTCY, DEFAULT,
 * REFUSAL_TO_PAY, …): the credit alarm alerts the enterprises watching that buyer. A listener that throws rolls the
 * delivery back.
 */
@FunctionalInterface
public interface RiskListener {
    /**
     * @param buyerId the buyer the report is about
     * @param orderId the delivered order (whose report explains the events)
     * @param events  the risk event types, in the report's order, at least one
     */
    void onRisk(Tx tx, long buyerId, long orderId, List<String> events);
}
