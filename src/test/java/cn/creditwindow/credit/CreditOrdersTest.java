package cn.creditwindow.credit;

import cn.creditwindow.TestPeople;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.QuotaExhaustedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.config.Config;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.schemes.Region;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.web.Json;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders, the quota and the lifecycle on a real SQLite file: the quota is the database's to guarantee, so the
 * concurrency tests race real threads through {@link CreditOrders#order} and then count rows.
 */
class CreditOrdersTest {
    /** Inside Shenzhen's policy year 2023-07-01 – 2024-06-30. */
    static final LocalDate TODAY = LocalDate.of(2024, 3, 15);

    @TempDir
    Path dir;
    Database db;
    Accounts accounts;
    Clock clock;
    Schemes schemes;
    CreditOrders orders;
    CreditQuotes quotes;
    CreditQuotas quotas;
    CreditPrices prices;
    List<String[]> alarms = new CopyOnWriteArrayList<>();
    Enterprise sz;
    Enterprise hn;
    Principal szLegal;
    Principal szOperator;
    Principal hnLegal;
    Principal manager;
    Principal reviewer;
    Principal admin;
    Buyer gulf;
    Buyer hnOwnBuyer;

    /** The store under test: a SQLite file here, a PostgreSQL database in CreditOrdersPostgresIT. */
    Database database() {
        return Database.openFile(dir.resolve("credit.db"));
    }

    @BeforeEach
    void setUp() {
        db = database();
        clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(12, 0), Config.CHINA).toInstant(), Config.CHINA);
        accounts = new Accounts(db, new Passwords(4), clock);
        Scheme shenzhen = Schemes.load().byId("shenzhen-2023").orElseThrow();
        schemes = new Schemes(List.of(shenzhen, refusing(shenzhen)));
        ReportTypes types = ReportTypes.load();
        prices = new CreditPrices(db, types, clock);
        Countries countries = Countries.load();
        quotas = new CreditQuotas(db, new SchemeCatalogue(db, schemes, clock), types, Json.mapper(), clock, Config.CHINA);
        quotes = new CreditQuotes(db, types, countries, quotas);
        orders = new CreditOrders(db, types, quotes, new Outbox(db, clock),
                (tx, buyerId, orderId, events) -> alarms.add(new String[] {Long.toString(buyerId),
                        Long.toString(orderId), String.join(",", events)}), clock, Config.CHINA, Json.mapper());
        sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, null));
        hn = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司", null, null));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id(), "13800000001", "sz_legal-1@example.com");
        szOperator = user("sz-op", Role.OPERATOR, sz.id(), null, null);
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id(), null, null);
        manager = user("manager", Role.ACCOUNT_MANAGER, null, null, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        reviewer = user("reviewer", Role.REVIEWER, null, null, null);
        admin = user("admin", Role.ADMIN, null, null, null);
        Buyers buyers = new Buyers(db, countries, clock);
        gulf = buyers.add(reviewer, new Buyers.NewBuyer("Gulf Star General Trading LLC", null, "AE", null, null));
        hnOwnBuyer = buyers.add(hnLegal, new Buyers.NewBuyer("Henan Own Buyer Ltd", null, "DE", null, null));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Principal user(String name, Role role, Long enterpriseId, String mobile, String email) {
        return TestPeople.create(accounts, name, role, enterpriseId, mobile, email);
    }

    /** The Shenzhen scheme moved to another city, refusing reports beyond the free ones. */
    private static Scheme refusing(Scheme s) {
        return new Scheme("refusing-2023", s.nameZh(), s.nameEn(), s.enterpriseSize(), new Region("4401", "广州市", "Guangzhou"), s.eligibility(), s.premium(),
                s.indemnityRatio(), s.perBuyerLimit(), s.aggregateLimit(), s.policyYear(), s.collectBy(),
                s.validity(), s.renewsYearly(),
                s.freeCreditReports(), Scheme.ExtraCreditReports.REFUSED, s.effectiveOnEnterprisePayment(), s.lossDeadlines(), s.source(),
                s.assumptions());
    }

    /** An effective sponsored policy of the scheme for the enterprise, as enrolment leaves it. */
    private long effectivePolicy(Enterprise e, String schemeId, long insuredCents) {
        return db.inTransaction(tx -> {
            long list = tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, publish_start, publish_end,"
                    + " imported_by, imported_at) VALUES (?, 'l.csv', 'CONFIRMED', '2023-06-01', '2023-06-10', ?, ?)",
                    schemeId, admin.userId(), Instant.parse("2023-06-01T00:00:00Z"));
            return tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt, insured_cents,"
                    + " enterprise_part_cents, per_buyer_limit_cents, indemnity_ratio, year_start, year_end, policy_number,"
                    + " issued_on, cover_start, cover_end, pushed_at) VALUES (?, ?, ?, 'EFFECTIVE', 'RECEIVED', ?, 0,"
                    + " 15000000, '0.80', '2023-07-01', '2024-06-30', ?, '2023-07-01', '2023-07-01', '2024-06-30', ?)",
                    e.id(), schemeId, list, insuredCents, "XW2023" + e.id(), Instant.parse("2023-06-15T00:00:00Z"));
        });
    }

    private CreditOrders.OrderRequest buyerReport(Buyer b, String expected) {
        return new CreditOrders.OrderRequest("BUYER_CREDIT", b.id(), null, null, null, false, null,
                expected == null ? null : new BigDecimal(expected));
    }

    private long count(String sql, Object... args) {
        return db.read(tx -> tx.number(sql, args));
    }

    @Test
    void threeFreeReportsThenTheConfiguredPriceAndTheConfirmedChargeMustMatch() {
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        assertThat(quotes.quote(szLegal, Input.of(buyerReport(gulf, null))).basis()).isEqualTo(Quote.Basis.FREE);
        for (int i = 0; i < 3; i++) {
            CreditOrder o = orders.order(i == 1 ? szOperator : szLegal, Input.of(buyerReport(gulf, "0.00")));
            assertThat(o.free()).isTrue();
            assertThat(o.slot()).isEqualTo(i + 1);
            assertThat(o.chargeFen()).isZero();
        }
        Quote fourth = quotes.quote(szLegal, Input.of(buyerReport(gulf, null)));
        assertThat(fourth.basis()).isEqualTo(Quote.Basis.CHARGED);
        assertThat(fourth.charge()).isEqualTo("600.00");
        assertThat(fourth.currency()).isEqualTo("CNY");
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(buyerReport(gulf, "0.00"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("the charge changed: it is now 600.00 CNY");
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isEqualTo(3);
        CreditOrder charged = orders.order(szLegal, Input.of(buyerReport(gulf, "600.00")));
        assertThat(charged.free()).isFalse();
        assertThat(charged.chargeFen()).isEqualTo(60_000);
        // urgent: the surcharge comes on top
        Quote urgent = quotes.quote(szLegal, Input.of(new CreditOrders.OrderRequest("BUYER_CREDIT", gulf.id(), null, null, null,
                true, null, null)));
        assertThat(urgent.charge()).isEqualTo("1000.00");
        Wallet w = quotas.wallet(szLegal, null);
        assertThat(w.freeTotal()).isEqualTo(3);
        assertThat(w.freeUsed()).isEqualTo(3);
        assertThat(w.freeLeft()).isZero();
        assertThat(w.expiresOn()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(w.uses()).hasSize(3).extracting(CreditOrder::orderedByName).contains("测试sz-op");
        assertThat(w.orders()).hasSize(4);
    }

    @Test
    void aCancelledOrUnlocatedFreeOrderGivesItsSlotBackAndIllegalMovesAre409() {
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        List<CreditOrder> free = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            free.add(orders.order(szLegal, Input.of(buyerReport(gulf, "0.00"))));
        }
        CreditOrder cancelled = orders.cancel(szOperator, free.get(1).id(), Input.of("下错了"));
        assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled.slotReturned()).isTrue();
        assertThat(quotas.wallet(szLegal, null).freeLeft()).isEqualTo(1);
        CreditOrder again = orders.order(szLegal, Input.of(buyerReport(gulf, "0.00")));
        assertThat(again.free()).isTrue();
        assertThat(again.slot()).isEqualTo(2);

        orders.take(reviewer, free.get(0).id());
        assertThatThrownBy(() -> orders.take(reviewer, free.get(0).id())).isInstanceOf(ConflictException.class)
                .hasMessage("order " + free.get(0).id() + " is in progress, so it cannot be taken (only ordered orders can)");
        assertThatThrownBy(() -> orders.cancel(szLegal, free.get(0).id(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot be cancelled");
        CreditOrder unable = orders.unableToLocate(reviewer, free.get(0).id(), Input.of("买方名称与注册信息不符"));
        assertThat(unable.state()).isEqualTo(OrderState.UNABLE_TO_LOCATE);
        assertThat(count("SELECT free_used FROM credit_quotas")).isEqualTo(2);
        assertThatThrownBy(() -> orders.cancel(reviewer, free.get(0).id(), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> orders.deliver(reviewer, free.get(2).id(), Input.of(report(List.of()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is ordered, so it cannot be delivered");
        assertThat(orders.history(szLegal, free.get(0).id())).extracting(OrderEvent::to)
                .containsExactly(OrderState.ORDERED, OrderState.IN_PROGRESS, OrderState.UNABLE_TO_LOCATE);
    }

    @Test
    void deliveryIsValidatedStoredNotifiedAndTellsTheAlarmOfRiskEvents() {
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        CreditOrder o = orders.order(szLegal, Input.of(buyerReport(gulf, "0.00")));
        orders.take(reviewer, o.id());
        Report bad = new Report(null, "Z", "LATE", new Report.Financials(3000, "usd", new BigDecimal("-1"), null, null),
                List.of(new Report.RiskEvent("FIRE", "2030-01-01", "")), "短");
        assertThatThrownBy(() -> orders.deliver(reviewer, o.id(), Input.of(bad))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .contains("registration.name", "rating", "paymentBehaviour", "financials.year",
                                "financials.currency", "financials.revenue", "riskEvents[0].type", "riskEvents[0].date",
                                "riskEvents[0].description", "summary"));
        assertThat(orders.order(reviewer, o.id()).state()).isEqualTo(OrderState.IN_PROGRESS);
        CreditOrder delivered = orders.deliver(reviewer, o.id(), Input.of(report(List.of(
                new Report.RiskEvent("BANKRUPTCY", "2024-01-10", "迪拜法院宣告破产")))));
        assertThat(delivered.state()).isEqualTo(OrderState.DELIVERED);
        assertThat(delivered.report().rating()).isEqualTo("D");
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0)).containsExactly(Long.toString(gulf.id()), Long.toString(o.id()), "BANKRUPTCY");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE enterprise_id = ? AND channel = 'EMAIL' AND address ="
                + " 'sz_legal-1@example.com' AND subject LIKE '资信报告已出具%'", sz.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE enterprise_id = ? AND channel = 'SMS'", sz.id())).isEqualTo(1);
    }

    @Test
    void aStepThatCannotApplyIsRefusedForTheOrdersStateBeforeItsBodyIsLookedAt() { // #13
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        CreditOrder o = orders.order(szLegal, Input.of(buyerReport(gulf, "0.00")));
        Report empty = new Report(null, null, null, null, null, null);
        assertThatThrownBy(() -> orders.deliver(reviewer, o.id(), Input.of(empty)))
                .isInstanceOf(ConflictException.class);
        orders.take(reviewer, o.id());
        assertThatThrownBy(() -> orders.cancel(szLegal, o.id(), Input.of("x".repeat(501))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> orders.unableToLocate(reviewer, o.id(), Input.of(" ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        orders.deliver(reviewer, o.id(), Input.of(report(List.of())));
        assertThatThrownBy(() -> orders.unableToLocate(reviewer, o.id(), Input.of(" ")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> orders.cancel(reviewer, o.id(), Input.of("x".repeat(501))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> orders.cancel(reviewer, 999_999, Input.of("x".repeat(501))))
                .isInstanceOf(NotFoundException.class);
    }

    static Report report(List<Report.RiskEvent> events) {
        return new Report(new Report.Registration("Gulf Star General Trading LLC", "DXB-000123", "AE", "Dubai",
                "2009-05-01", "LLC"), "D", "DELINQUENT", new Report.Financials(2023, "AED",
                new BigDecimal("12000000.00"), new BigDecimal("-3500000"), null), events,
                "该买方已于 2024 年 1 月被法院宣告破产，建议立即停止出运。");
    }

    @Test
    void aManagerOrdersOnBehalfOfThePortfolioOnlyAndOthersBuyersAreNoSuchBuyer() {
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        CreditOrder o = orders.order(manager, Input.of(new CreditOrders.OrderRequest("BUYER_CREDIT", gulf.id(), null, null, null,
                false, sz.id(), BigDecimal.ZERO)));
        assertThat(o.onBehalf()).isTrue();
        assertThat(o.enterpriseId()).isEqualTo(sz.id());
        assertThat(quotas.wallet(szLegal, null).uses()).extracting(CreditOrder::orderedByName).containsExactly("测试manager");
        // an enterprise or a buyer named in the form that the principal may not name is a field of it: #13
        assertThatThrownBy(() -> orders.order(manager, Input.of(new CreditOrders.OrderRequest("BUYER_CREDIT", gulf.id(), null,
                null, null, false, hn.id(), new BigDecimal("600.00"))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("enterpriseId: no such enterprise to order for: " + hn.id());
        assertThatThrownBy(() -> orders.order(manager, Input.of(buyerReport(gulf, "0.00")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("enterpriseId");
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(buyerReport(hnOwnBuyer, "600.00"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("buyerId: no such buyer: " + hnOwnBuyer.id());
        assertThatThrownBy(() -> orders.order(reviewer, Input.of(buyerReport(gulf, "0.00")))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> quotas.wallet(manager, hn.id())).isInstanceOf(NotFoundException.class);
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isEqualTo(1);
    }

    @Test
    void badFieldsAreAllReportedAndNothingIsSaved() {
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(new CreditOrders.OrderRequest("NOPE", null, null, "12a", null,
                null, null, new BigDecimal("-1"))))).isInstanceOf(InvalidInputException.class).satisfies(e ->
                assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("type", "hsCode", "expectedCharge"));
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(new CreditOrders.OrderRequest("COUNTRY_RISK", null, "Atlantis",
                null, null, true, null, BigDecimal.ZERO)))).isInstanceOf(InvalidInputException.class).satisfies(e ->
                assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("country", "urgent"));
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(buyerReport(gulf, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expectedCharge");
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(new CreditOrders.OrderRequest("BUYER_CREDIT", 999_999L, null,
                null, "x".repeat(201), false, null, null)))).satisfies(e -> // #13: the unknown buyer with the rest
                assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("buyerId", "product", "expectedCharge"));
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isZero();
        assertThat(count("SELECT COUNT(*) FROM credit_quotas")).isZero();
    }

    @Test
    void otherReportsNeedKnownExportsUnder20MillionUsd() {
        CreditOrders.OrderRequest countryRisk = new CreditOrders.OrderRequest("COUNTRY_RISK", null, "阿联酋", null, null,
                false, null, new BigDecimal("500.00"));
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(countryRisk))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("exports are not known");
        effectivePolicy(hn, "shenzhen-2023", 2_500_000_000L);
        assertThatThrownBy(() -> orders.order(hnLegal, Input.of(countryRisk))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("last-year exports are 25000000 USD");
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        CreditOrder o = orders.order(szLegal, Input.of(countryRisk));
        assertThat(o.countryCode()).isEqualTo("AE");
        assertThat(o.free()).isFalse();
        assertThat(o.charge()).isEqualTo("500.00");
        assertThat(quotas.wallet(szLegal, null).freeLeft()).isEqualTo(3);
    }

    @Test
    void pricesAreSetByAdministratorsWithEveryBadFieldReported() {
        assertThatThrownBy(() -> prices.set(admin, "BUYER_CREDIT", Input.of(new CreditPrices.PriceChange(new BigDecimal("-5"),
                new BigDecimal("0.001"))))).isInstanceOf(InvalidInputException.class).satisfies(e ->
                assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("price", "urgentSurcharge"));
        assertThatThrownBy(() -> prices.set(admin, "BUYER_CREDIT", Input.of(new CreditPrices.PriceChange(new BigDecimal("100000.01"),
                null)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 100000 CNY");
        assertThatThrownBy(() -> prices.set(admin, "COUNTRY_RISK", Input.of(new CreditPrices.PriceChange(BigDecimal.TEN,
                BigDecimal.ONE)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("urgentSurcharge");
        assertThatThrownBy(() -> prices.set(admin, "NOPE", Input.of(new CreditPrices.PriceChange(BigDecimal.TEN, null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> prices.set(reviewer, "BUYER_CREDIT", Input.of(new CreditPrices.PriceChange(BigDecimal.TEN, null))))
                .isInstanceOf(NotAllowedException.class);
        assertThat(count("SELECT COUNT(*) FROM credit_prices")).isZero();
        CreditPrices.Price p = prices.set(admin, "BUYER_CREDIT", Input.of(new CreditPrices.PriceChange(new BigDecimal("880.5"),
                new BigDecimal("300"))));
        assertThat(p.price()).isEqualTo("880.50");
        assertThat(quotes.quote(szLegal, Input.of(buyerReport(gulf, null))).charge()).isEqualTo("880.50");
    }

    @Test
    void theDatabaseItselfRefusesMoreFreeReportsThanTheQuota() {
        long policy = effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        CreditOrder first = orders.order(szLegal, Input.of(buyerReport(gulf, "0.00")));
        long quota = count("SELECT id FROM credit_quotas WHERE policy_id = ?", policy);
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.update("UPDATE credit_quotas SET free_used = 4 WHERE id = ?",
                quota))).isInstanceOf(ConstraintViolationException.class);
        // a second live order on the same slot
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.insert("INSERT INTO credit_orders (enterprise_id, report_type,"
                + " buyer_id, urgent, state, free, quota_id, slot, charge_fen, currency, ordered_by, on_behalf, created_at,"
                + " updated_at) SELECT enterprise_id, report_type, buyer_id, urgent, 'ORDERED', 1, quota_id, slot, 0, 'CNY',"
                + " ordered_by, 0, created_at, updated_at FROM credit_orders WHERE id = ?", first.id())))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).kind())
                        .isEqualTo(ConstraintViolationException.Kind.UNIQUE));
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.update("UPDATE credit_quotas SET free_used = -1 WHERE id = ?",
                quota))).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void fiftyConcurrentOrdersTakeExactlyThreeFreeReportsAndTheRestAreCharged() throws Exception {
        effectivePolicy(sz, "shenzhen-2023", 300_000_000L);
        List<CreditOrder> placed = race(50, () -> {
            // as a user would: quote, confirm what was shown, and quote again when told the charge changed
            for (int attempt = 0; ; attempt++) {
                Quote q = quotes.quote(szLegal, Input.of(buyerReport(gulf, null)));
                try {
                    return orders.order(szLegal, Input.of(buyerReport(gulf, q.charge())));
                } catch (ConflictException e) {
                    if (attempt > 5) {
                        throw e;
                    }
                }
            }
        });
        assertThat(placed).hasSize(50);
        assertThat(placed.stream().filter(CreditOrder::free)).hasSize(3);
        assertThat(placed.stream().filter(o -> !o.free() && o.chargeFen() == 60_000)).hasSize(47);
        assertThat(count("SELECT COUNT(*) FROM credit_orders WHERE free = 1")).isEqualTo(3);
        assertThat(count("SELECT free_used FROM credit_quotas")).isEqualTo(3);
        assertThat(placed.stream().filter(CreditOrder::free).map(CreditOrder::slot)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void withARefusingSchemeExactlyThreeOfFiftyConcurrentOrdersSucceed() throws Exception {
        effectivePolicy(sz, "refusing-2023", 300_000_000L);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        race(50, () -> {
            try {
                outcomes.add(orders.order(szLegal, Input.of(buyerReport(gulf, "0.00"))));
            } catch (QuotaExhaustedException e) {
                outcomes.add(e);
            }
            return null;
        });
        assertThat(outcomes.stream().filter(o -> o instanceof CreditOrder)).hasSize(3);
        assertThat(outcomes.stream().filter(o -> o instanceof QuotaExhaustedException)).hasSize(47);
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isEqualTo(3);
        Quote after = quotes.quote(szLegal, Input.of(buyerReport(gulf, null)));
        assertThat(after.basis()).isEqualTo(Quote.Basis.REFUSED);
        assertThatThrownBy(() -> orders.order(szLegal, Input.of(buyerReport(gulf, "600.00")))).isInstanceOf(QuotaExhaustedException.class)
                .hasMessageContaining("gives no further reports");
    }

    /** Inserts {@code n} charged orders of the enterprise straight into the table (the order rules are not the point). */
    private List<Long> insertOrders(Enterprise e, Principal by, int n, String state) {
        return db.inTransaction(tx -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(tx.insert("INSERT INTO credit_orders (enterprise_id, report_type, buyer_id, urgent, state, free,"
                        + " charge_fen, currency, ordered_by, on_behalf, created_at, updated_at)"
                        + " VALUES (?, 'BUYER_CREDIT', ?, ?, ?, 0, 60000, 'CNY', ?, 0, ?, ?)", e.id(), gulf.id(), i % 7 == 0,
                        state, by.userId(), clock.instant(), clock.instant()));
            }
            return ids;
        });
    }

    /** Every page of a list, read with pages of {@code size}: the ids in order. */
    private static List<Long> allPages(int size, java.util.function.IntFunction<Paged<CreditOrder>> page, long total) {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= (total + size - 1) / size; n++) {
            Paged<CreditOrder> p = page.apply(n);
            assertThat(p.total()).isEqualTo(total);
            assertThat(p.page()).isEqualTo(n);
            assertThat(p.size()).isEqualTo(size);
            assertThat(p.items()).hasSizeLessThanOrEqualTo(size);
            p.items().forEach(o -> ids.add(o.id()));
        }
        return ids;
    }

    @Test
    void everyOrderIsReachablePageByPageFarBeyondTheOld500Cap() { // #13
        List<Long> szIds = new ArrayList<>(insertOrders(sz, szLegal, 1203, "ORDERED"));
        szIds.addAll(insertOrders(sz, szOperator, 40, "CANCELLED"));
        insertOrders(hn, hnLegal, 7, "ORDERED");
        List<Long> newestFirst = szIds.stream().sorted(java.util.Comparator.reverseOrder()).toList();

        List<Long> seen = allPages(100, n -> orders.orders(szLegal, Set.of(), null, new PageRequest(n, 100)), 1243);
        assertThat(seen).containsExactlyElementsOf(newestFirst); // none missing, none twice, newest first
        assertThat(orders.orders(szLegal, Set.of(), null, new PageRequest(13, 100)).items()).hasSize(43);
        assertThat(orders.orders(szLegal, Set.of(), null, new PageRequest(14, 100)).items()).isEmpty();
        // the other enterprise's orders are neither counted nor listed; a reviewer narrows to one enterprise
        assertThat(orders.orders(hnLegal, Set.of(), null, PageRequest.first()).total()).isEqualTo(7);
        assertThat(orders.orders(reviewer, Set.of(), null, PageRequest.first()).total()).isEqualTo(1250);
        assertThat(orders.orders(reviewer, Set.of(), sz.id(), PageRequest.first()).total()).isEqualTo(1243);
        // a state narrows the count as well as the rows
        Paged<CreditOrder> cancelled = orders.orders(szLegal, Set.of(OrderState.CANCELLED), null, new PageRequest(2, 30));
        assertThat(cancelled.total()).isEqualTo(40);
        assertThat(cancelled.items()).hasSize(10).allMatch(o -> o.state() == OrderState.CANCELLED);
        // the insurer's queue: urgent first, then oldest first, every open order once
        List<Long> queue = new ArrayList<>();
        for (int n = 1; n <= 13; n++) {
            orders.queue(reviewer, new PageRequest(n, 100)).items().forEach(o -> queue.add(o.id()));
        }
        assertThat(queue).hasSize(1210).doesNotHaveDuplicates();
        assertThat(orders.queue(reviewer, PageRequest.first()).items()).allMatch(CreditOrder::urgent);
    }

    /** Runs {@code work} on {@code n} threads released together; returns the non-null results. */
    private static <T> List<T> race(int n, java.util.concurrent.Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            T t = f.get(120, TimeUnit.SECONDS);
            if (t != null) {
                out.add(t);
            }
        }
        pool.shutdown();
        return out;
    }
}
