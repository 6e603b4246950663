package cn.creditwindow.home;

import cn.creditwindow.search.Module;
import cn.creditwindow.managers.ManagerCard;
import cn.creditwindow.search.Hit;
import cn.creditwindow.enrolment.PremiumPayments;
import java.util.List;

/**
 * What the home page shows.
 *
 * @param newest    the newest risk information across modules (最新风险信息)
 * @param modules   one tile per module with its article count, leading to its list (信息订阅's four entries)
 * @param total     articles in all modules
 * @param dashboard the signed-in person's counts of every journey or queue, each leading to its list; null when
 *                  nobody is signed in
 * @param managers  an enterprise's account managers and the claims hotline; null for everyone else
 * @param paymentDue  the enterprise's policy awaiting its share of the premium (待缴费) with the amount; null when none
 * @param obligations what is due and by when ({@code losses}): an enterprise's every report and claim deadline, an
 *                    account manager's portfolio's overdue ones; empty for everyone else
 */
public record HomeView(List<Hit> newest, List<ModuleTile> modules, long total, Dashboard.Counts dashboard,
                       ManagerCard managers, PremiumPayments.Due paymentDue,
                       List<cn.creditwindow.losses.Obligation> obligations) {
    /** One module's entry. */
    public record ModuleTile(Module module, long total, String href) {
    }

    public HomeView {
        newest = List.copyOf(newest);
        modules = List.copyOf(modules);
        obligations = List.copyOf(obligations);
    }

    /** True when the viewer is one of an enterprise's people. */
    public boolean enterprise() {
        return dashboard != null && dashboard.audience().equals("ENTERPRISE");
    }

    /** The enterprise's pending policies (for the 待确认保单 notice), 0 for others. */
    public long pending() {
        return enterprise() ? Math.max(0, dashboard.count("pending")) : 0;
    }
}
