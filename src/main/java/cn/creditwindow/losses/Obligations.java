package cn.creditwindow.losses;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.schemes.LossDeadlines;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What enterprises must do and by when ({@link Obligation}): each overdue receivable not yet reported (report by
 * {@code reportBy(due)}), each accepted report not yet claimed (claim by {@code claimBy(reportedOn)}), counted from
 * the app's today; and what an enterprise has open on a buyer ({@link Exposure}), for the credit alarm. Reads only,
 * so that the credit alarm and the monthly digest's command-line run can have them without what {@link LossReports}
 * needs to write (claims, customs).
 */
public final class Obligations {
    private final Database db;
    private final SchemeCatalogue schemes;
    private final Clock clock;
    private final ZoneId zone;

    public Obligations(Database db, SchemeCatalogue schemes, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The obligations of the enterprises the principal may see, soonest first; only those past their day when
     * {@code overdueOnly} (the account manager's view).
     */
    public List<Obligation> visibleTo(Principal p, boolean overdueOnly) {
        return list(Tenancy.filter(p, "x.enterprise_id"), Tenancy.filter(p, "r.enterprise_id"), overdueOnly);
    }

    /** The obligations of one enterprise, soonest first (the monthly digest: a system read, no principal). */
    public List<Obligation> of(long enterpriseId) {
        return list(new Tenancy.Filter("x.enterprise_id = ?", enterpriseId),
                new Tenancy.Filter("r.enterprise_id = ?", enterpriseId), false);
    }

    private List<Obligation> list(Tenancy.Filter receivables, Tenancy.Filter reports, boolean overdueOnly) {
        LocalDate today = today();
        List<Obligation> out = new ArrayList<>(db.read(tx -> {
            Schemes known = schemes.current(tx);
            List<Obligation> all = new ArrayList<>();
            all.addAll(tx.list("SELECT x.*, e.name_zh AS enterprise_name, b.code AS buyer_code, b.name_en AS buyer_name,"
                    + " p.scheme_id FROM loss_shipments x JOIN enterprises e ON e.id = x.enterprise_id"
                    + " JOIN buyers b ON b.id = x.buyer_id JOIN policies p ON p.id = x.policy_id"
                    + " WHERE x.report_id IS NULL AND x.due_on < ? AND " + receivables.sql() + " ORDER BY x.due_on, x.id",
                    r -> Obligation.of(Obligation.Kind.REPORT, r.longValue("enterprise_id"), r.string("enterprise_name"),
                            r.longValue("buyer_id"), r.string("buyer_code"), r.string("buyer_name"),
                            r.string("invoice_no"), deadlines(known, r.string("scheme_id")).reportBy(r.date("due_on")), today,
                            "/losses/new?policyId=" + r.longValue("policy_id") + "&buyerId=" + r.longValue("buyer_id")),
                    prepend(today, receivables.args())));
            all.addAll(tx.list(LossRows.REPORT + " WHERE r.state = 'ACCEPTED' AND " + reports.sql(), r -> {
                        LossReport lr = LossRows.report(r, known);
                        return Obligation.of(Obligation.Kind.CLAIM, lr.enterpriseId(), lr.enterpriseName(), lr.buyerId(),
                                lr.buyerCode(), lr.buyerName(), lr.caseNo(), lr.claimBy(), today, "/losses/" + lr.id());
                    }, reports.args()));
            return all;
        }));
        out.sort(Comparator.comparing(Obligation::dueOn).thenComparing(Obligation::reference));
        return overdueOnly ? out.stream().filter(Obligation::overdue).toList() : List.copyOf(out);
    }

    /**
     * What an enterprise has open on a buyer, for the credit alarm: its unreported receivables and the shipments of
     * its open reports. {@code reportBy} is the earliest report-by day of the unreported ones (null when all are
     * reported); {@code openReportId} its open report on the buyer, if any. Empty when nothing is open.
     */
    public record Exposure(int shipments, long outstandingCents, LocalDate reportBy, Long policyId, Long openReportId) {
    }

    /** {@link Exposure} inside a transaction (the alarm's: when it fires, and when its alerts are shown). */
    public Optional<Exposure> exposure(Tx tx, long enterpriseId, long buyerId) {
        List<Object[]> rows = tx.list("SELECT s.due_on, s.outstanding_cents, s.report_id, s.policy_id, p.scheme_id"
                + " FROM loss_shipments s JOIN policies p ON p.id = s.policy_id LEFT JOIN loss_reports r"
                + " ON r.id = s.report_id WHERE s.enterprise_id = ? AND s.buyer_id = ? AND (s.report_id IS NULL"
                + " OR r.state IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'ACCEPTED')) ORDER BY s.due_on",
                r -> new Object[] {r.date("due_on"), r.longValue("outstanding_cents"), r.nullableLong("report_id"),
                        r.longValue("policy_id"), r.string("scheme_id")}, enterpriseId, buyerId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Schemes known = schemes.current(tx);
        long cents = 0;
        LocalDate reportBy = null;
        Long openReport = null;
        for (Object[] row : rows) {
            cents += (Long) row[1];
            if (row[2] == null) {
                LocalDate by = deadlines(known, (String) row[4]).reportBy((LocalDate) row[0]);
                reportBy = reportBy == null || by.isBefore(reportBy) ? by : reportBy;
            } else {
                openReport = (Long) row[2];
            }
        }
        return Optional.of(new Exposure(rows.size(), cents, reportBy, (Long) rows.get(0)[3], openReport));
    }

    /** The app's today, in its zone: every deadline is counted from it. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static LossDeadlines deadlines(Schemes known, String schemeId) {
        return known.byId(schemeId).orElseThrow(() -> new IllegalStateException("a policy names scheme " + schemeId
                + ", which is not loaded")).lossDeadlines();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
