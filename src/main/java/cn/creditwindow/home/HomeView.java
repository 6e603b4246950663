package cn.creditwindow.home;

import cn.creditwindow.articles.Module;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.search.Hit;
import java.util.List;

/**
 * What the home page shows.
 *
 * @param newest  the newest risk information across modules (最新风险信息)
 * @param modules one tile per module with its article count, leading to its list (信息订阅's four entries)
 * @param total   articles in all modules
 * @param enrolment the enrolment counts of what the viewer may see (企业投保), or null when nobody is signed in
 * @param enterprise true when the viewer is one of an enterprise's people (else insurer staff)
 * @param unreadAlerts the enterprise's unread credit-alarm alerts (资信报警), or null when the viewer is not an
 *                     enterprise's
 */
public record HomeView(List<Hit> newest, List<ModuleTile> modules, long total, Enrolments.Counts enrolment,
                       boolean enterprise, Long unreadAlerts) {
    /** One module's entry. */
    public record ModuleTile(Module module, long total, String href) {
    }

    public HomeView {
        newest = List.copyOf(newest);
        modules = List.copyOf(modules);
    }
}
