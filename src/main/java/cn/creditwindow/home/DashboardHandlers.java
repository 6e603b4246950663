package cn.creditwindow.home;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/dashboard}: the home dashboard's counts for the signed-in person, each with its list's link. */
public record DashboardHandlers(Dashboard dashboard) {
    /**
     * {@code {"audience": "ENTERPRISE", "counts": {"pending": 1, …}, "tiles": [{key, group, count, href}, …]}}; for an
     * administrator also {@code "missingCalendarYears": [2027]}, the needed years whose holiday schedules are not loaded.
     */
    public void counts(Context ctx) {
        Principal p = Caller.require(ctx);
        Dashboard.Counts c = dashboard.counts(p);
        Map<String, Long> counts = new LinkedHashMap<>();
        c.tiles().forEach(t -> counts.put(t.key(), t.count()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("audience", c.audience());
        body.put("counts", counts);
        body.put("tiles", c.tiles());
        if (c.audience().equals("ADMIN")) {
            body.put("missingCalendarYears", c.missingCalendarYears());
        }
        ctx.json(body);
    }
}
