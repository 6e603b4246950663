package cn.creditwindow.home;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.enrolment.PremiumPayments;
import cn.creditwindow.financing.ApplicationState;
import cn.creditwindow.financing.Financing;
import cn.creditwindow.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The home dashboard's counts (系统首页, manual 一): for an enterprise's people (and an account manager, over the
 * portfolio) every journey's — pending policies, effective-policy notices (待收悉), returned applications, claim
 * results, report orders, unread alerts, financing applications; for the insurer's reviewers their queues, for
 * administrators theirs. Each count comes with the link that opens the list holding exactly those records. Counts
 * are over what the viewer may see ({@link Tenancy}); enrolment's and the alarm's come from their packages, the
 * others are COUNT queries over the domains' tables with the same filter their lists use. An administrator is also
 * told which needed year's public-holiday schedule is not loaded ({@link HolidayCalendar#missingYears}): the count of
 * such years leads to the calendar page, and {@link Counts#missingCalendarYears} names them.
 */
public final class Dashboard {
    private final Database db;
    private final Enrolments enrolments;
    private final ToLongFunction<Principal> unreadAlerts;
    private final Financing financing;
    private final HolidayCalendar calendar;

    public Dashboard(Database db, Enrolments enrolments, ToLongFunction<Principal> unreadAlerts, Financing financing,
                     HolidayCalendar calendar) {
        this.db = Objects.requireNonNull(db, "db");
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
        this.unreadAlerts = Objects.requireNonNull(unreadAlerts, "unreadAlerts");
        this.financing = Objects.requireNonNull(financing, "financing");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * One count and where it leads.
     *
     * @param key   stable name (JSON, message key {@code dash.<key>}, page element id {@code home-<key>})
     * @param group the journey it belongs to (message key {@code dash.group.<group>})
     * @param href  the list holding exactly the counted records
     */
    public record Tile(String key, String group, long count, String href) {
    }

    /**
     * The viewer's tiles, grouped in order; {@code audience} is ENTERPRISE, ACCOUNT_MANAGER, REVIEWER or ADMIN.
     *
     * @param missingCalendarYears for an administrator, the needed years whose holiday schedules are not loaded
     *                             (the {@code calendarMissing} tile counts them); empty for everyone else
     */
    public record Counts(String audience, List<Tile> tiles, List<Integer> missingCalendarYears) {
        public Counts {
            tiles = List.copyOf(tiles);
            missingCalendarYears = List.copyOf(missingCalendarYears);
        }

        /** The count of a key, or -1 when the viewer has no such tile. */
        public long count(String key) {
            return tiles.stream().filter(t -> t.key().equals(key)).mapToLong(Tile::count).findFirst().orElse(-1);
        }

        /** The groups of the tiles, each once, in order. */
        public List<String> groups() {
            return tiles.stream().map(Tile::group).distinct().toList();
        }

        public List<Tile> tilesOf(String group) {
            return tiles.stream().filter(t -> t.group().equals(group)).toList();
        }
    }

    /** The policy whose premium the viewer's enterprise is to pay (待缴费), if any: the home page's notice. */
    public java.util.Optional<PremiumPayments.Due> paymentDue(Principal p) {
        return p.role().isEnterpriseUser() ? enrolments.payments().awaitingOf(p) : java.util.Optional.empty();
    }

    /** The viewer's counts; a system token has none (empty tiles). */
    public Counts counts(Principal p) {
        List<Tile> tiles = new ArrayList<>();
        List<Integer> missing = List.of();
        switch (p.role()) {
            case LEGAL_REPRESENTATIVE, OPERATOR, ACCOUNT_MANAGER -> journeys(p, tiles);
            case REVIEWER -> reviewQueues(p, tiles);
            case ADMIN -> {
                tiles.add(new Tile("listsOpen", "queues", db.read(tx -> tx.number(
                        "SELECT COUNT(*) FROM eligible_lists WHERE state <> 'CONFIRMED'")), "/enrolment/lists"));
                tiles.add(new Tile("financingToRecord", "queues", financing.count(p, ApplicationState.SUBMITTED),
                        "/financing/applications?state=SUBMITTED"));
                missing = calendar.missingYears();
                tiles.add(new Tile("calendarMissing", "queues", missing.size(), "/claims/calendar"));
            }
            case SYSTEM -> { }
        }
        String audience = p.role().isEnterpriseUser() ? "ENTERPRISE" : p.role().name();
        return new Counts(audience, tiles, missing);
    }

    private void journeys(Principal p, List<Tile> tiles) {
        Enrolments.Counts enrol = enrolments.counts(p);
        tiles.add(new Tile("pending", "enrolment", enrol.pending(), "/enrolment?filter=pending"));
        tiles.add(new Tile("effective", "enrolment", enrol.effectiveNotices(), "/enrolment?tab=policies&filter=effective"));
        tiles.add(new Tile("returned", "enrolment", enrol.returned(), "/enrolment?filter=returned"));
        tiles.add(new Tile("awaitingPayment", "enrolment", enrol.awaitingPayment(), "/enrolment?filter=awaiting-payment"));
        Tenancy.Filter claims = Tenancy.filter(p, "c.enterprise_id");
        Tenancy.Filter orders = Tenancy.filter(p, "o.enterprise_id");
        db.read(tx -> {
            for (String state : List.of("ACCEPTED", "PAID", "RETURNED")) {
                // the claim list (/claims) shows the claims of effective policies only: count the same
                long n = tx.number("SELECT COUNT(*) FROM claims c JOIN policies p ON p.id = c.policy_id"
                        + " WHERE p.state = 'EFFECTIVE' AND c.state = '" + state + "' AND " + claims.sql(), claims.args());
                tiles.add(new Tile("claims" + state.charAt(0) + state.substring(1).toLowerCase(java.util.Locale.ROOT),
                        "claims", n, "/claims?state=" + state));
            }
            tiles.add(new Tile("reportsInProgress", "credit", tx.number("SELECT COUNT(*) FROM credit_orders o WHERE"
                    + " o.state IN ('ORDERED', 'IN_PROGRESS') AND " + orders.sql(), orders.args()), "/credit?state=open"));
            tiles.add(new Tile("reportsDelivered", "credit", tx.number("SELECT COUNT(*) FROM credit_orders o WHERE"
                    + " o.state = 'DELIVERED' AND " + orders.sql(), orders.args()), "/credit?state=DELIVERED"));
            return null;
        });
        tiles.add(new Tile("alerts", "alarm", unreadAlerts.applyAsLong(p), "/credit/alerts?unread=true"));
        tiles.add(new Tile("financingSubmitted", "financing", financing.count(p, ApplicationState.SUBMITTED),
                "/financing/applications?state=SUBMITTED"));
        tiles.add(new Tile("financingApproved", "financing", financing.count(p, ApplicationState.APPROVED),
                "/financing/applications?state=APPROVED"));
    }

    private void reviewQueues(Principal p, List<Tile> tiles) {
        Enrolments.Counts enrol = enrolments.counts(p);
        tiles.add(new Tile("review", "queues", enrol.awaitingReview(), "/enrolment/review"));
        tiles.add(new Tile("paymentsToRecord", "queues", enrol.awaitingPayment(), "/enrolment/payments"));
        db.read(tx -> {
            tiles.add(new Tile("agreementsToSign", "queues", tx.number("SELECT COUNT(*) FROM agreements WHERE state IN"
                    + " ('AWAITING_INSURER', 'TERMINATION_REQUESTED')"), "/agreements/review"));
            tiles.add(new Tile("claimsToReview", "queues", tx.number("SELECT COUNT(*) FROM claims WHERE state IN"
                    + " ('SUBMITTED', 'ACCEPTED')"), "/claims/review"));
            tiles.add(new Tile("reportsToFulfil", "queues", tx.number("SELECT COUNT(*) FROM credit_orders WHERE state IN"
                    + " ('ORDERED', 'IN_PROGRESS')"), "/credit/fulfilment"));
            return null;
        });
        tiles.add(new Tile("financingToRecord", "queues", financing.count(p, ApplicationState.SUBMITTED),
                "/financing/applications?state=SUBMITTED"));
    }
}
