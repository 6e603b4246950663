package cn.creditwindow.home;

import cn.creditwindow.TestPeople;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.config.Config;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.enrolment.Insurer;
import cn.creditwindow.financing.Financing;
import cn.creditwindow.financing.Products;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.Input;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home dashboard's counts on a real database file with records of two enterprises: each role gets its own
 * tiles, and an enterprise's people and an account manager count only the records they may see.
 */
class DashboardTest {
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private Accounts accounts;
    private Dashboard dashboard;
    private Financing financing;
    /** Shenzhen: an effective policy not yet acknowledged, claims, report orders, a financing application. */
    private Enterprise sz;
    /** Zhengzhou: a pending policy, one claim on it, one order. */
    private Enterprise hn;
    private Principal szLegal;
    private Principal hnLegal;
    private Principal manager;
    private Principal reviewer;
    private Principal admin;

    @BeforeEach
    void setUp() {
        db = Database.openFile(dir.resolve("home.db"));
        TestClock clock = TestClock.at2026();
        accounts = new Accounts(db, new Passwords(4), clock);
        Outbox outbox = new Outbox(db, clock);
        Enrolments enrolments = new Enrolments(db, new SchemeCatalogue(db, Schemes.load(), clock), outbox, clock,
                Config.CHINA, new Insurer("中国出口信用保险公司", "China Export & Credit Insurance Corporation", "TEST-0001"),
                new SecureRandom());
        financing = new Financing(db, Products.load(), outbox, clock, Config.CHINA);
        HolidayCalendar calendar = new HolidayCalendar(db, List.of(), clock, Config.CHINA);
        sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, null));
        hn = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司", null, null));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id());
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id());
        manager = user("manager", Role.ACCOUNT_MANAGER, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        reviewer = user("reviewer", Role.REVIEWER, null);
        admin = user("admin", Role.ADMIN, null);
        // unread alerts come from the alarm package: 3 for Shenzhen's people, 1 for the manager
        dashboard = new Dashboard(db, enrolments, p -> p.role() == Role.ACCOUNT_MANAGER ? 1
                : p.enterpriseId() != null && p.enterpriseId() == sz.id() ? 3 : 0, financing, calendar);
        seed(clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Principal user(String name, Role role, Long enterpriseId) {
        return TestPeople.create(accounts, name, role, enterpriseId, null, null);
    }

    private void seed(TestClock clock) {
        Buyer buyer = new Buyers(db, Countries.load(), clock).add(reviewer,
                new Buyers.NewBuyer("Gulf Star General Trading LLC", null, "AE", null, null));
        db.inTransaction(tx -> {
            long confirmed = tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, publish_start,"
                    + " publish_end, imported_by, imported_at) VALUES ('s', 'a.csv', 'CONFIRMED', '2026-01-01',"
                    + " '2026-01-10', ?, ?)", admin.userId(), T);
            tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, publish_start, publish_end, imported_by,"
                    + " imported_at) VALUES ('s', 'b.csv', 'PUBLISHED', '2026-11-01', '2026-11-30', ?, ?)",
                    admin.userId(), T);
            long szPolicy = tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt,"
                    + " insured_cents, enterprise_part_cents, per_buyer_limit_cents, indemnity_ratio, year_start, year_end,"
                    + " policy_number, issued_on, cover_start, cover_end, pushed_at) VALUES (?, 's', ?, 'EFFECTIVE',"
                    + " 'PENDING', 100000000, 0, 15000000, '0.80', '2026-01-01', '2026-12-31', 'XW2026-1', '2026-01-15',"
                    + " '2026-01-15', '2026-12-31', ?)", sz.id(), confirmed, T);
            long hnPolicy = tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt,"
                    + " insured_cents, enterprise_part_cents, per_buyer_limit_cents, indemnity_ratio, year_start, year_end,"
                    + " pushed_at) VALUES (?, 's', ?, 'PENDING', 'NONE', 100000000, 0, 15000000, '0.80', '2026-01-01',"
                    + " '2026-12-31', ?)", hn.id(), confirmed, T);
            for (String state : List.of("ACCEPTED", "ACCEPTED", "RETURNED", "SUBMITTED", "DRAFT")) {
                claim(tx, sz.id(), szPolicy, buyer.id(), state, szLegal);
            }
            // a claim on a policy that is not effective is not on the enterprise's claim list
            claim(tx, hn.id(), hnPolicy, buyer.id(), "ACCEPTED", hnLegal);
            order(tx, sz.id(), "ORDERED", szLegal);
            order(tx, sz.id(), "DELIVERED", szLegal);
            order(tx, sz.id(), "CANCELLED", szLegal);
            order(tx, hn.id(), "IN_PROGRESS", hnLegal);
            return null;
        });
        financing.apply(szLegal, "policy-loan", Input.of(new Financing.Form(500_000L, 6, "采购原材料以完成出口订单",
                "王经理", "13800000001", null)));
    }

    private static void claim(cn.creditwindow.store.Tx tx, long enterpriseId, long policyId, long buyerId, String state,
                              Principal by) {
        tx.insert("INSERT INTO claims (enterprise_id, policy_id, policy_kind, buyer_id, state, answers, loss_cents,"
                + " payout_cents, created_by, created_at) VALUES (?, ?, 'SPONSORED', ?, ?, '', NULL, NULL, ?, ?)",
                enterpriseId, policyId, buyerId, state, by.userId(), T);
    }

    private static void order(cn.creditwindow.store.Tx tx, long enterpriseId, String state, Principal by) {
        tx.insert("INSERT INTO credit_orders (enterprise_id, report_type, country_code, urgent, state, free, charge_fen,"
                + " currency, ordered_by, on_behalf, created_at, updated_at, report_json) VALUES (?, 'BUYER', 'AE', 0, ?,"
                + " 0, 0, 'CNY', ?, 0, ?, ?, ?)", enterpriseId, state, by.userId(), T, T,
                state.equals("DELIVERED") ? "{}" : null);
    }

    @Test
    void anEnterpriseCountsOnlyItsOwnRecordsInEveryJourney() {
        Dashboard.Counts c = dashboard.counts(szLegal);
        assertThat(c.audience()).isEqualTo("ENTERPRISE");
        assertThat(c.groups()).containsExactly("enrolment", "claims", "credit", "alarm", "financing");
        assertThat(c.count("pending")).isZero();
        assertThat(c.count("effective")).isEqualTo(1);
        assertThat(c.count("claimsAccepted")).isEqualTo(2);
        assertThat(c.count("claimsReturned")).isEqualTo(1);
        assertThat(c.count("claimsPaid")).isZero();
        assertThat(c.count("reportsInProgress")).isEqualTo(1);
        assertThat(c.count("reportsDelivered")).isEqualTo(1);
        assertThat(c.count("alerts")).isEqualTo(3);
        assertThat(c.count("financingSubmitted")).isEqualTo(1);
        assertThat(c.count("financingApproved")).isZero();
        assertThat(c.count("review")).isEqualTo(-1);
        assertThat(c.missingCalendarYears()).isEmpty();
    }

    @Test
    void anotherEnterpriseSeesNoneOfThem() {
        Dashboard.Counts c = dashboard.counts(hnLegal);
        assertThat(c.count("pending")).isEqualTo(1);
        assertThat(c.count("effective")).isZero();
        // its accepted claim is on a policy that is not effective: the claim list does not show it, nor does the count
        assertThat(c.count("claimsAccepted")).isZero();
        assertThat(c.count("reportsInProgress")).isEqualTo(1);
        assertThat(c.count("reportsDelivered")).isZero();
        assertThat(c.count("alerts")).isZero();
        assertThat(c.count("financingSubmitted")).isZero();
    }

    @Test
    void eachTileLeadsToTheListOfExactlyThoseRecords() {
        Dashboard.Counts c = dashboard.counts(szLegal);
        assertThat(c.tilesOf("claims")).extracting(Dashboard.Tile::key, Dashboard.Tile::href).containsExactly(
                org.assertj.core.groups.Tuple.tuple("claimsAccepted", "/claims?state=ACCEPTED"),
                org.assertj.core.groups.Tuple.tuple("claimsPaid", "/claims?state=PAID"),
                org.assertj.core.groups.Tuple.tuple("claimsReturned", "/claims?state=RETURNED"));
        assertThat(c.tilesOf("credit")).extracting(Dashboard.Tile::href)
                .containsExactly("/credit?state=open", "/credit?state=DELIVERED");
    }

    @Test
    void anAccountManagerCountsOverThePortfolio() {
        Dashboard.Counts c = dashboard.counts(manager);
        assertThat(c.audience()).isEqualTo("ACCOUNT_MANAGER");
        // the portfolio is Shenzhen (4403): Zhengzhou's records are not counted
        assertThat(c.count("effective")).isEqualTo(1);
        assertThat(c.count("pending")).isZero();
        assertThat(c.count("claimsAccepted")).isEqualTo(2);
        assertThat(c.count("reportsInProgress")).isEqualTo(1);
        assertThat(c.count("financingSubmitted")).isEqualTo(1);
        assertThat(c.count("alerts")).isEqualTo(1);
    }

    @Test
    void aReviewerGetsTheInsurersQueuesOverEveryEnterprise() {
        Dashboard.Counts c = dashboard.counts(reviewer);
        assertThat(c.audience()).isEqualTo("REVIEWER");
        assertThat(c.groups()).containsExactly("queues");
        assertThat(c.tiles()).extracting(Dashboard.Tile::key).containsExactly("review", "paymentsToRecord",
                "agreementsToSign", "claimsToReview", "reportsToFulfil", "financingToRecord");
        // submitted and accepted claims of both enterprises, whatever their policy's state
        assertThat(c.count("claimsToReview")).isEqualTo(4);
        assertThat(c.count("reportsToFulfil")).isEqualTo(2);
        assertThat(c.count("agreementsToSign")).isZero();
        assertThat(c.count("financingToRecord")).isEqualTo(1);
        assertThat(c.count("effective")).isEqualTo(-1);
    }

    @Test
    void anAdministratorIsToldOfOpenListsApplicationsAndMissingHolidayYears() {
        Dashboard.Counts c = dashboard.counts(admin);
        assertThat(c.audience()).isEqualTo("ADMIN");
        assertThat(c.count("listsOpen")).isEqualTo(1);
        assertThat(c.count("financingToRecord")).isEqualTo(1);
        // no schedules are bundled here: 2026 (today, 20 November) and 2027 (looked ahead to) are missing
        assertThat(c.missingCalendarYears()).containsExactly(2026, 2027);
        assertThat(c.count("calendarMissing")).isEqualTo(2);
    }

    @Test
    void aSystemTokenHasNoTiles() {
        Principal system = new Principal(99, "feeds", "feeds", Role.SYSTEM, null, Set.of("feeds:push"), null);
        assertThat(dashboard.counts(system).tiles()).isEmpty();
        assertThat(dashboard.paymentDue(system)).isEmpty();
    }

    @Test
    void theHomeViewKnowsAnEnterprisesPendingPolicies() {
        HomeView forHn = new HomeView(List.of(), List.of(), 0, dashboard.counts(hnLegal), null, null, List.of());
        assertThat(forHn.enterprise()).isTrue();
        assertThat(forHn.pending()).isEqualTo(1);
        HomeView forReviewer = new HomeView(List.of(), List.of(), 0, dashboard.counts(reviewer), null, null, List.of());
        assertThat(forReviewer.enterprise()).isFalse();
        assertThat(forReviewer.pending()).isZero();
        assertThat(new HomeView(List.of(), List.of(), 0, null, null, null, List.of()).pending()).isZero();
    }
}
