package cn.creditwindow.claims;

import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.calendar.ScheduleDay;
import cn.creditwindow.calendar.YearSchedule;
import cn.creditwindow.config.Config;
import cn.creditwindow.customs.CheckResult;
import cn.creditwindow.customs.CustomsBatch;
import cn.creditwindow.customs.Customs;
import cn.creditwindow.customs.ShipmentReport;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims on a real SQLite file: every field rule, submission, return and resubmission, review and payout. */
class ClaimsTest {
    /** Inside Shenzhen's policy year 2023-07-01 – 2024-06-30; a Monday. */
    static final LocalDate TODAY = LocalDate.of(2024, 6, 17);
    static final String REASON = "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款";
    static final String STORY = "我司于二零二四年一月向买方出运电子产品一批，买方收货后至今未支付任何款项";

    @TempDir
    Path dir;
    Database db;
    Accounts accounts;
    Buyers buyers;
    Claims claims;
    Enterprise sz;
    Enterprise hn;
    Principal szLegal;
    Principal hnLegal;
    Principal manager;
    Principal reviewer;
    Buyer hk;
    Buyer de;
    long policy;
    /** The customs data the claims are checked against (real, on the same database). */
    Customs customs;
    ClaimDocuments documents;

    @BeforeEach
    void setUp() {
        db = Database.openFile(dir.resolve("claims.db"));
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), Config.CHINA).toInstant(), Config.CHINA);
        accounts = new Accounts(db, new Passwords(4), clock);
        Countries countries = Countries.load();
        buyers = new Buyers(db, countries, clock);
        customs = new Customs(db, countries, clock, Config.CHINA);
        documents = new ClaimDocuments(customs,
                new ShipmentReport(customs, PdfRenderer.withDefaultFont(clock)), Config.CHINA);
        claims = new Claims(db, buyers, countries, ClaimCodes.load(),
                new HolidayCalendar(db, HolidayCalendar.bundled(), clock, Config.CHINA), documents, clock, Config.CHINA);
        sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, null));
        hn = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司", null, null));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id());
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id());
        manager = user("manager", Role.ACCOUNT_MANAGER, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        reviewer = user("reviewer", Role.REVIEWER, null);
        hk = buyers.add(reviewer, new Buyers.NewBuyer("Harbour Light Trading Ltd", null, "HK", null, null));
        de = buyers.add(reviewer, new Buyers.NewBuyer("Rhein Handel GmbH", null, "DE", null, null));
        policy = effectivePolicy(sz, null);
        sign(sz, szLegal);
        for (String n : List.of("530120240000000123", "530120240000000124", "530120240000000125")) {
            declare(sz, n, "HK", "2024-01-15");
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Customs holds this export declaration of {@code e} (as consignor) to {@code country}, exported on {@code date}. */
    private void declare(Enterprise e, String number, String country, String date) {
        customs.importBatch(reviewer, new CustomsBatch(List.of(new CustomsBatch.NewDeclaration(number, e.uscc(),
                "BL" + number.substring(9), country, date, "5301", "2", List.of(new CustomsBatch.NewGoods("8517120000",
                "智能手机", "10", "台", "100.00", "1000.00", "USD")))), null, null));
    }

    private Principal user(String name, Role role, Long enterpriseId) {
        User u = accounts.createUser(new Accounts.NewUser(name, "test-pass-2026", "测试" + name, role, enterpriseId,
                "13800000001", name + "@example.com"));
        return new Principal(u.id(), u.username(), u.displayName(), role, enterpriseId, Set.of(), null);
    }

    /** An effective Shenzhen policy (per buyer 150k USD, 80%), as enrolment leaves it. */
    private long effectivePolicy(Enterprise e, Long aggregateCents) {
        return db.inTransaction(tx -> {
            long list = tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, publish_start, publish_end,"
                    + " imported_by, imported_at) VALUES ('shenzhen-2023', 'l.csv', 'CONFIRMED', '2023-06-01',"
                    + " '2023-06-10', ?, ?)", reviewer.userId(), Instant.parse("2023-06-01T00:00:00Z"));
            return tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt, insured_cents,"
                    + " enterprise_part_cents, per_buyer_limit_cents, aggregate_limit_cents, indemnity_ratio, year_start,"
                    + " year_end, policy_number, issued_on, cover_start, cover_end, pushed_at) VALUES (?, 'shenzhen-2023',"
                    + " ?, 'EFFECTIVE', 'RECEIVED', 300000000, 0, 15000000, ?, '0.80', '2023-07-01', '2024-06-30', ?,"
                    + " '2023-07-01', '2023-07-01', '2024-06-30', ?)", e.id(), list, aggregateCents, "XW2023" + e.id(),
                    Instant.parse("2023-06-15T00:00:00Z"));
        });
    }

    private void sign(Enterprise e, Principal legal) {
        db.inTransaction(tx -> {
            long seal = tx.insert("INSERT INTO seals (enterprise_id, kind, holder, valid_from, valid_until, created_by,"
                    + " created_at) VALUES (?, 'COMPANY', '测试', '2023-01-01', '2026-12-31', ?, ?)", e.id(),
                    legal.userId(), Instant.now());
            return tx.insert("INSERT INTO agreements (enterprise_id, text_version, state, seal_id, signed_by, signed_at)"
                    + " VALUES (?, '2026.1', 'SIGNED', ?, ?, ?)", e.id(), seal, legal.userId(), Instant.now());
        });
    }

    static Map<String, Boolean> answers(boolean financing) {
        Map<String, Boolean> a = new LinkedHashMap<>();
        a.put("DISPUTE", false);
        a.put("REPORTED_LOSS", true);
        a.put("DEBT_ACKNOWLEDGED", false);
        a.put("FINANCING", financing);
        return a;
    }

    static Claims.ClaimForm form(long buyerId) {
        return new Claims.ClaimForm(buyerId, null, null, null, answers(false), null, null, null, "DEFAULT", REASON,
                STORY, "已委托律师催收");
    }

    static Claims.ShipmentForm shipment(String invoice, String method, String invoiceUsd, String claimedUsd) {
        return new Claims.ShipmentForm(invoice, "85171200", "2024-01-15", method, "90", invoiceUsd, claimedUsd, "NONE",
                "SEA", "530120240000000123", "CO2024001");
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    private static List<String> fields(Throwable t) {
        return ((InvalidInputException) t).errors().stream().map(FieldError::field).toList();
    }

    /** A submitted claim with one shipment on a declaration of its own (one claim per declaration). */
    private Claim submitted(Buyer buyer, String claimedUsd) {
        Claim c = claims.create(szLegal, policy, Input.of(form(buyer.id())));
        String number = String.format("53012024000%07d", c.id());
        declare(sz, number, buyer.countryCode(), "2024-01-15");
        claims.addShipment(szLegal, c.id(), Input.of(new Claims.ShipmentForm("INV-" + c.id(), "85171200", "2024-01-15", "OA",
                "90", claimedUsd, claimedUsd, "NONE", "SEA", number, null)));
        claims.generateReport(szLegal, c.id());
        return claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true)));
    }

    /** Claims as they would be on {@code day} (10:00 China time), counting deadlines in {@code calendar}. */
    private Claims claimsOn(LocalDate day, java.util.function.Function<Clock, HolidayCalendar> calendar) {
        Clock clock = Clock.fixed(ZonedDateTime.of(day.atTime(10, 0), Config.CHINA).toInstant(), Config.CHINA);
        return new Claims(db, buyers, Countries.load(), ClaimCodes.load(), calendar.apply(clock), documents, clock,
                Config.CHINA);
    }

    @Test
    void aDeadlineIntoAYearNotLoadedIsProvisionalUntilAnAdministratorLoadsIt() { // #13
        Claim c = submitted(hk, "1000");
        HolidayCalendar[] calendar = new HolidayCalendar[1];
        Claims december = claimsOn(LocalDate.of(2026, 12, 14), clock -> calendar[0] = new HolidayCalendar(db,
                HolidayCalendar.bundled(), clock, Config.CHINA));
        calendar[0].onLoaded(december::recountDeadlines);
        Claim accepted = december.accept(reviewer, c.id());
        // counted Monday to Friday through 1 January 2027, whose schedule is not loaded
        assertThat(accepted.decisionDueOn()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(accepted.decisionDueProvisional()).isTrue();
        assertThat(accepted.decisionDueMissingYears()).containsExactly(2027);
        assertThat(accepted.decisionDueReason()).isEqualTo(new Claim.Note(
                "2027 年节假日安排尚未载入，期限为暂定（按周一至周五计算）",
                "provisional: the 2027 public-holiday schedule is not loaded (counted Monday to Friday)"));

        Principal admin = user("admin", Role.ADMIN, null);
        calendar[0].load(admin, 2027, "2027.csv", "date,kind,name\n2027-01-01,holiday,元旦\n"
                .getBytes(StandardCharsets.UTF_8));
        Claim exact = claims.view(szLegal, c.id()).claim();
        assertThat(exact.decisionDueOn()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(exact.decisionDueProvisional()).isFalse();
        assertThat(exact.decisionDueReason()).isNull();
        long provisional = db.read(tx -> tx.number("SELECT COUNT(*) FROM claims WHERE decision_due_missing IS NOT NULL"));
        assertThat(provisional).isZero();
    }

    @Test
    void aReleaseThatBundlesTheMissingYearMakesTheDeadlineExactAtStart() { // #13
        Claim c = submitted(hk, "1000");
        claimsOn(LocalDate.of(2026, 12, 14), clock -> new HolidayCalendar(db, HolidayCalendar.bundled(), clock,
                Config.CHINA)).accept(reviewer, c.id());
        assertThat(claims.view(szLegal, c.id()).claim().decisionDueProvisional()).isTrue();
        List<YearSchedule> newer = new java.util.ArrayList<>(HolidayCalendar.bundled());
        newer.add(new YearSchedule(2027, List.of(new ScheduleDay(LocalDate.of(2027, 1, 1), ScheduleDay.Kind.HOLIDAY,
                "元旦"))));
        Claims restarted = claimsOn(LocalDate.of(2026, 12, 20), clock -> new HolidayCalendar(db, newer, clock,
                Config.CHINA));
        assertThat(restarted.recountProvisionalDeadlines()).isEqualTo(1);
        assertThat(restarted.recountProvisionalDeadlines()).isZero();
        Claim exact = claims.view(szLegal, c.id()).claim();
        assertThat(exact.decisionDueOn()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(exact.decisionDueMissingYears()).isEmpty();
    }

    @Test
    void everyBadFieldIsReportedAndNothingIsSaved() {
        Map<String, Boolean> partial = new LinkedHashMap<>(answers(true));
        partial.remove("DISPUTE");
        Claims.ClaimForm bad = new Claims.ClaimForm(null, null,
                new Claims.BankForm("BANK1234", "", "ZZ", ""), new Claims.BankForm("HSBCXXHH", "HSBC", "HK", "Central"),
                partial, "NOPE", "", "-5", "THEFT", "太短了", "短", null);
        assertThatThrownBy(() -> claims.create(szLegal, policy, Input.of(bad))).satisfies(t -> assertThat(fields(t))
                .containsExactlyInAnyOrder("buyerId", "issuingBank.swift", "issuingBank.nameEn", "issuingBank.country",
                        "issuingBank.addressEn", "confirmingBank.swift", "answers.DISPUTE", "financingSwift",
                        "financingBankName", "financingAmount", "lossCause", "reason", "caseDescription"));
        assertThat(count("SELECT COUNT(*) FROM claims")).isZero();
    }

    @Test
    void theNewBuyersFieldsAreNamedWithTheRestOfTheFormInOneRefusal() { // #13
        Buyers.NewBuyer nb = new Buyers.NewBuyer("", null, "中国", "x".repeat(301), null);
        Claims.ClaimForm bad = new Claims.ClaimForm(null, nb, null, null, answers(false), null, null, null, "THEFT",
                "短", STORY, null);
        assertThatThrownBy(() -> claims.create(szLegal, policy, Input.of(bad))).satisfies(t -> assertThat(fields(t))
                .containsExactlyInAnyOrder("newBuyer.nameEn", "newBuyer.country", "newBuyer.address", "lossCause",
                        "reason"));
        assertThat(count("SELECT COUNT(*) FROM claims")).isZero();
        assertThat(count("SELECT COUNT(*) FROM buyers")).isEqualTo(2);
    }

    @Test
    void aBuyerIdNoBuyerBehindIsAFieldOfTheFormWhetherItIsUnknownOrAnotherEnterprises() { // #13
        Buyer hnOwn = buyers.add(hnLegal, new Buyers.NewBuyer("Zhengzhou Partner Trading Ltd", null, "HK", null, null));
        for (long id : List.of(9_999L, hnOwn.id())) {
            Claims.ClaimForm f = new Claims.ClaimForm(id, null, null, null, answers(false), null, null, null, "DEFAULT",
                    "短", STORY, null);
            assertThatThrownBy(() -> claims.create(szLegal, policy, Input.of(f))).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> {
                        assertThat(fields(e)).containsExactly("buyerId", "reason");
                        assertThat(e.errors().get(0).en()).isEqualTo("no such buyer: " + id
                                + " (choose one from the directory or add a new one)");
                    });
        }
        assertThat(count("SELECT COUNT(*) FROM claims")).isZero();
    }

    @Test
    void aReviewThatCannotApplyIsRefusedForTheClaimsStateBeforeItsBodyIsLookedAt() { // #13
        Claim draft = claims.create(szLegal, policy, Input.of(form(hk.id())));
        Input<String> unreadable = new Input<>(null, List.of(new FieldError("body", "请求体不是有效的 JSON", "not JSON")));
        assertThatThrownBy(() -> claims.returnClaim(reviewer, draft.id(), Input.of(" ")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.returnClaim(reviewer, draft.id(), unreadable))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.pay(reviewer, draft.id(), Input.of(new Claims.Decision(null, "abc"))))
                .isInstanceOf(ConflictException.class);
        Claim c = submitted(hk, "1000");
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(false))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.returnClaim(reviewer, c.id(), Input.of(" ")))
                .satisfies(t -> assertThat(fields(t)).containsExactly("reason"));
        assertThatThrownBy(() -> claims.returnClaim(reviewer, 9_999, Input.of(" ")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void swiftCodesOf8And11CharactersWithARealCountryAreAccepted() {
        Claims.ClaimForm f = new Claims.ClaimForm(hk.id(), null,
                new Claims.BankForm("hsbchkhhhkh", "The Hongkong and Shanghai Banking Corporation", "HK", "1 Queen's Road"),
                new Claims.BankForm("DEUTDEFF", "Deutsche Bank", "德国", "Frankfurt"), answers(true), "BKCHCNBJ",
                "中国银行", "100000.50", "LC_DISHONOUR", REASON, STORY, null);
        Claim c = claims.create(szLegal, policy, Input.of(f));
        assertThat(c.issuingBank().swift()).isEqualTo("HSBCHKHHHKH");
        assertThat(c.confirmingBank().country()).isEqualTo("DE");
        assertThat(c.financingCents()).isEqualTo(10_000_050L);
        assertThat(c.answers()).containsEntry("FINANCING", true).containsEntry("DISPUTE", false);
    }

    @Test
    void descriptionsCountChineseCharactersNotLetters() {
        assertThat(ClaimChecks.hanCount("Buyer defaulted on payment for many months, 拖欠")).isEqualTo(2);
        Claims.ClaimForm english = new Claims.ClaimForm(hk.id(), null, null, null, answers(false), null, null, null,
                "DEFAULT", "The buyer has not paid for the goods delivered in January 2024", STORY, null);
        assertThatThrownBy(() -> claims.create(szLegal, policy, Input.of(english)))
                .satisfies(t -> assertThat(fields(t)).containsExactly("reason"));
    }

    @Test
    void aNewBuyerIsAddedToTheDirectoryOnlyWhenTheFormIsGood() {
        Buyers.NewBuyer nb = new Buyers.NewBuyer("Lagos Pearl Imports Ltd", null, "NG", null, null);
        Claims.ClaimForm bad = new Claims.ClaimForm(null, nb, null, null, answers(false), null, null, null, "DEFAULT",
                "短", STORY, null);
        assertThatThrownBy(() -> claims.create(szLegal, policy, Input.of(bad))).isInstanceOf(InvalidInputException.class);
        assertThat(count("SELECT COUNT(*) FROM buyers WHERE name_en = 'Lagos Pearl Imports Ltd'")).isZero();
        Claim c = claims.create(szLegal, policy, Input.of(new Claims.ClaimForm(null, nb, null, null, answers(false), null, null,
                null, "DEFAULT", REASON, STORY, null)));
        assertThat(c.buyerName()).isEqualTo("Lagos Pearl Imports Ltd");
        assertThat(c.buyerCode()).startsWith("NG");
    }

    @Test
    void shipmentFieldsAreCheckedOneByOne() {
        Claim c = claims.create(szLegal, policy, Input.of(form(hk.id())));
        Claims.ShipmentForm bad = new Claims.ShipmentForm("", "8517", "2024-07-01", "CASH", "-1", "100.001", "200",
                "LOST", "TELEPORT", "53012024100000012", "");
        assertThatThrownBy(() -> claims.addShipment(szLegal, c.id(), Input.of(bad))).satisfies(t -> assertThat(fields(t))
                .containsExactlyInAnyOrder("invoiceNo", "hsCode", "shippedOn", "paymentMethod", "termDays",
                        "invoiceAmount", "collectionStatus", "transportMode", "declarations"));
        assertThatThrownBy(() -> claims.addShipment(szLegal, c.id(), Input.of(shipment("A1", "OA", "100.00", "100.01"))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("claimedAmount"));
        // the import/export flag is 0 or 1
        assertThatThrownBy(() -> claims.addShipment(szLegal, c.id(), Input.of(new Claims.ShipmentForm("A1", "851712", "2024-01-15",
                "OA", "0", "1", "1", "NONE", "AIR", "530120245000000123", null))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("declarations"));
        Shipment s = claims.addShipment(szLegal, c.id(), Input.of(new Claims.ShipmentForm("A1", "851712", "2024-01-15", "OA",
                "0", "1,000.50", "1000.5", "NONE", "AIR", "530120240000000123; 530120240000000124", null)));
        assertThat(s.declarations()).containsExactly("530120240000000123", "530120240000000124");
        assertThat(s.claimedCents()).isEqualTo(100_050L);
        assertThatThrownBy(() -> claims.addShipment(szLegal, c.id(), Input.of(shipment("A1", "OA", "1", "1"))))
                .isInstanceOf(ConflictException.class);
        Shipment saved = claims.updateShipment(szLegal, c.id(), s.id(), Input.of(shipment("A2", "OA", "5", "4")));
        assertThat(saved.invoiceNo()).isEqualTo("A2");
        claims.deleteShipment(szLegal, c.id(), s.id());
        assertThat(claims.view(szLegal, c.id()).shipments()).isEmpty();
    }

    @Test
    void submitNeedsTheDeclarationAShipmentAndTheIssuingBankForALetterOfCredit() {
        Claim c = claims.create(szLegal, policy, Input.of(form(hk.id())));
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(false))))
                .satisfies(t -> assertThat(fields(t)).containsExactlyInAnyOrder("declaration", "shipments"));
        claims.addShipment(szLegal, c.id(), Input.of(shipment("LC-1", "LC_SIGHT", "1000", "1000")));
        claims.generateReport(szLegal, c.id());
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("issuingBank.swift"));
        assertThat(claims.view(szLegal, c.id()).claim().state()).isEqualTo(ClaimState.DRAFT);
    }

    @Test
    void submitRefusesDeclarationsThatAreNotTheEnterprisesOwn() {
        Claim c = claims.create(szLegal, policy, Input.of(form(hk.id())));
        claims.addShipment(szLegal, c.id(), Input.of(new Claims.ShipmentForm("D-1", "85171200", "2024-01-15", "OA", "90", "10",
                "10", "NONE", "SEA", "530120240000000123 530120240000000999", null)));
        claims.generateReport(szLegal, c.id());
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("declarations");
                    assertThat(e.errors().get(0).zh()).contains("未查询到符合条件", "530120240000000999")
                            .doesNotContain("530120240000000123");
                });
        // another enterprise's declaration is not the claimant's either
        declare(hn, "530120240000000999", "HK", "2024-01-15");
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOf(InvalidInputException.class);
        declare(sz, "530120240000000999", "HK", "2024-01-15");
        assertThat(claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))).state()).isEqualTo(ClaimState.SUBMITTED);
    }

    @Test
    void theShipmentReportIsRequiredAndEveryShipmentChangeMakesItStale() {
        Claim c = claims.create(szLegal, policy, Input.of(form(hk.id())));
        assertThatThrownBy(() -> claims.generateReport(szLegal, c.id()))
                .satisfies(t -> assertThat(fields(t)).containsExactly("shipments"));
        // at most 20 declarations a shipment, as the report takes them
        String many = String.join(" ", java.util.stream.IntStream.rangeClosed(1, 21)
                .mapToObj(i -> String.format("5301202400000%05d", i)).toList());
        assertThatThrownBy(() -> claims.addShipment(szLegal, c.id(), Input.of(new Claims.ShipmentForm("R-0", "85171200",
                "2024-01-15", "OA", "90", "10", "10", "NONE", "SEA", many, null))))
                .satisfies(t -> assertThat(((InvalidInputException) t).errors().get(0).zh()).contains("最多 20 个"));
        Shipment s = claims.addShipment(szLegal, c.id(), Input.of(shipment("R-1", "OA", "1000", "1000")));
        assertThat(claims.view(szLegal, c.id()).claim().shipmentsVersion()).isEqualTo(1);
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("shipmentReport");
                    assertThat(e.errors().get(0).zh()).contains("请先生成出运数据报告");
                });
        ClaimDocuments.ReportInfo first = claims.generateReport(szLegal, c.id());
        assertThat(first.shipmentsVersion()).isEqualTo(1);
        assertThat(first.current()).isTrue();
        ClaimDocuments.StoredReport stored = claims.report(manager, c.id());
        assertThat(new String(stored.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(stored.info().sizeBytes()).isEqualTo(stored.pdf().length);
        assertThatThrownBy(() -> claims.report(hnLegal, c.id())).isInstanceOf(NotFoundException.class);

        // every change to the shipments bumps the version, in its own transaction: save, add, import, delete
        claims.updateShipment(szLegal, c.id(), s.id(), Input.of(shipment("R-1", "OA", "1000", "900")));
        assertThat(claims.view(szLegal, c.id()).shipmentReport().current()).isFalse();
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("shipmentReport");
                    assertThat(e.errors().get(0).zh()).contains("已修改", "重新生成");
                    assertThat(e.errors().get(0).en()).contains("generate it again");
                });
        Shipment extra = claims.addShipment(szLegal, c.id(), Input.of(shipment("R-2", "OA", "10", "10")));
        claims.importShipments(szLegal, c.id(), (new String(ShipmentTemplate.csv(), StandardCharsets.UTF_8)
                + "R-3,85171200,2024-01-15,OA,90,10,10,NONE,SEA,530120240000000124,\n").getBytes(StandardCharsets.UTF_8));
        claims.deleteShipment(szLegal, c.id(), extra.id());
        assertThat(claims.view(szLegal, c.id()).claim().shipmentsVersion()).isEqualTo(5);
        // a refused change changes nothing
        assertThatThrownBy(() -> claims.updateShipment(szLegal, c.id(), s.id(), Input.of(shipment("R-1", "OA", "1", "2"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(claims.view(szLegal, c.id()).claim().shipmentsVersion()).isEqualTo(5);

        ClaimDocuments.ReportInfo second = claims.generateReport(szLegal, c.id());
        assertThat(second.shipmentsVersion()).isEqualTo(5);
        assertThat(claims.report(szLegal, c.id()).info().id()).isEqualTo(second.id());
        assertThat(claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))).state()).isEqualTo(ClaimState.SUBMITTED);
        assertThatThrownBy(() -> claims.generateReport(szLegal, c.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(count("SELECT COUNT(*) FROM claim_shipment_reports")).isEqualTo(2);
    }

    @Test
    void aDeclarationAnotherClaimTookBlocksTheSubmissionTheOtherFlagsOnlyWarn() {
        Claim first = submitted(hk, "1000");
        String taken = claims.view(szLegal, first.id()).shipments().get(0).declarations().get(0);
        declare(sz, "530120240000000777", "DE", "2023-05-02"); // to another country, before the cover
        Claim c = claims.create(szLegal, policy, Input.of(form(hk.id())));
        claims.addShipment(szLegal, c.id(), Input.of(new Claims.ShipmentForm("F-1", "85171200", "2024-01-15", "OA", "90", "10",
                "10", "NONE", "SEA", taken + " 530120240000000777 530120240000000888", "CO-NONE-1")));
        claims.generateReport(szLegal, c.id());
        ClaimDocuments.ShipmentCheck check = claims.view(reviewer, c.id()).checks().get(0);
        assertThat(check.declarations()).extracting(CheckResult::ok).containsExactly(true, true, false);
        assertThat(check.declarations().get(0).flags()).extracting(CheckResult.Flag::code)
                .containsExactly(CheckResult.Flag.ALREADY_CLAIMED);
        assertThat(check.declarations().get(1).flags()).extracting(CheckResult.Flag::code)
                .containsExactly(CheckResult.Flag.OTHER_COUNTRY, CheckResult.Flag.OUTSIDE_PERIOD);
        assertThat(check.certificate().ok()).isFalse();
        assertThat(check.blocking()).isTrue();
        assertThat(check.warning()).isTrue();
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("declarations", "declarations");
                    assertThat(e.errors().get(0).zh()).contains("530120240000000888").doesNotContain(taken);
                    assertThat(e.errors().get(1).zh()).contains("已用于其他索赔申请", taken)
                            .doesNotContain("530120240000000777");
                });
        // still taken while the first claim is returned to its enterprise
        claims.returnClaim(reviewer, first.id(), Input.of("请补充材料"));
        claims.updateShipment(szLegal, c.id(), check.shipmentId(), Input.of(new Claims.ShipmentForm("F-1", "85171200",
                "2024-01-15", "OA", "90", "10", "10", "NONE", "SEA", taken + " 530120240000000777", null)));
        claims.generateReport(szLegal, c.id());
        assertThatThrownBy(() -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("declarations"));
        // other country and period are for the reviewer: they do not block
        claims.updateShipment(szLegal, c.id(), check.shipmentId(), Input.of(new Claims.ShipmentForm("F-1", "85171200",
                "2024-01-15", "OA", "90", "10", "10", "NONE", "SEA", "530120240000000777", null)));
        claims.generateReport(szLegal, c.id());
        ClaimDocuments.ShipmentCheck warned = claims.view(szLegal, c.id()).checks().get(0);
        assertThat(warned.blocking()).isFalse();
        assertThat(warned.warning()).isTrue();
        assertThat(claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))).state()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(count("SELECT COUNT(*) FROM claimed_declarations WHERE number = '530120240000000777'")).isEqualTo(1);
        // the first claim, resubmitted, keeps its own declaration
        claims.generateReport(szLegal, first.id());
        assertThat(claims.submit(szLegal, first.id(), Input.of(new Claims.Submission(true))).state())
                .isEqualTo(ClaimState.SUBMITTED);
    }

    @Test
    void theDatabaseLetsOneClaimTakeADeclaration() {
        Claim first = submitted(hk, "1000");
        String taken = claims.view(szLegal, first.id()).shipments().get(0).declarations().get(0);
        Claim other = claims.create(szLegal, policy, Input.of(form(hk.id())));
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            ClaimDocuments.take(tx, other.id(), List.of(taken));
            return null;
        })).isInstanceOf(cn.creditwindow.store.ConstraintViolationException.class);
        assertThat(count("SELECT COUNT(*) FROM claimed_declarations WHERE claim_id = " + other.id())).isZero();
    }

    @Test
    void aSubmittedClaimIsReadOnlyForTheEnterprise() {
        Claim c = submitted(hk, "1000");
        long shipmentId = claims.view(szLegal, c.id()).shipments().get(0).id();
        for (Runnable edit : List.<Runnable>of(
                () -> claims.update(szLegal, c.id(), Input.of(form(hk.id()))),
                () -> claims.addShipment(szLegal, c.id(), Input.of(shipment("X", "OA", "1", "1"))),
                () -> claims.updateShipment(szLegal, c.id(), shipmentId, Input.of(shipment("X", "OA", "1", "1"))),
                () -> claims.deleteShipment(szLegal, c.id(), shipmentId),
                () -> claims.importShipments(szLegal, c.id(), ShipmentTemplate.csv()),
                () -> claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true))))) {
            assertThatThrownBy(edit::run).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void anotherEnterpriseSeesNothingAndTheManagerOnlyReads() {
        Claim c = submitted(hk, "1000");
        assertThatThrownBy(() -> claims.view(hnLegal, c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> claims.update(hnLegal, c.id(), Input.of(form(hk.id())))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> claims.create(hnLegal, policy, Input.of(form(hk.id())))).isInstanceOf(NotFoundException.class);
        assertThat(claims.claims(hnLegal, PageRequest.first()).items()).isEmpty();
        assertThat(claims.policies(hnLegal, null, PageRequest.first()).items()).isEmpty();
        assertThat(claims.view(manager, c.id()).claim().id()).isEqualTo(c.id());
        assertThatThrownBy(() -> claims.update(manager, c.id(), Input.of(form(hk.id()))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void noClaimWithoutASignedAgreementOrAnEffectivePolicy() {
        long hnPolicy = effectivePolicy(hn, null);
        assertThatThrownBy(() -> claims.create(hnLegal, hnPolicy, Input.of(form(hk.id()))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getMessage()).contains("agreement"));
        db.inTransaction(tx -> tx.update("UPDATE policies SET state = 'EXPIRED' WHERE id = ?", policy));
        assertThatThrownBy(() -> claims.create(szLegal, policy, Input.of(form(hk.id()))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void returnAndResubmitKeepTheWholeHistory() {
        Claim c = submitted(hk, "1000");
        assertThatThrownBy(() -> claims.returnClaim(reviewer, c.id(), Input.of(" ")))
                .satisfies(t -> assertThat(fields(t)).containsExactly("reason"));
        claims.returnClaim(reviewer, c.id(), Input.of("请补充出运日期的证明"));
        Claims.ClaimView returned = claims.view(szLegal, c.id());
        assertThat(returned.claim().state()).isEqualTo(ClaimState.RETURNED);
        assertThat(returned.managers()).extracting(Claims.Manager::displayName).containsExactly("测试manager");
        claims.update(szLegal, c.id(), Input.of(form(hk.id())));
        claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true)));
        Claim accepted = claims.accept(reviewer, c.id());
        assertThat(accepted.decisionDueOn()).isEqualTo(LocalDate.of(2024, 7, 8));
        assertThat(accepted.greenChannel()).isFalse();
        assertThat(claims.view(szLegal, c.id()).history()).extracting(ClaimEvent::kind)
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");
        assertThat(claims.view(szLegal, c.id()).history().get(1).reason()).isEqualTo("请补充出运日期的证明");
        assertThatThrownBy(() -> claims.accept(reviewer, c.id()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.accept(szLegal, c.id()))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void seed000Case1PaysThePerBuyerLimitThenNothingIsLeftOnThatBuyer() {
        Claim first = claims.accept(reviewer, submitted(hk, "440000").id());
        Claim paid = claims.pay(reviewer, first.id(), Input.of(new Claims.Decision("440000", null)));
        assertThat(paid.payoutCents()).isEqualTo(150_000_00L);
        assertThat(paid.state()).isEqualTo(ClaimState.PAID);
        Claim second = claims.accept(reviewer, submitted(hk, "20000").id());
        assertThat(claims.pay(reviewer, second.id(), Input.of(new Claims.Decision("20000", null))).payoutCents()).isZero();
        // another buyer still has its own 150k
        Claim third = claims.accept(reviewer, submitted(de, "20000").id());
        assertThat(claims.pay(reviewer, third.id(), Input.of(new Claims.Decision("20000", null))).payoutCents())
                .isEqualTo(16_000_00L);
        assertThat(claims.view(szLegal, first.id()).history()).extracting(ClaimEvent::amountCents)
                .containsExactly(null, null, 150_000_00L);
    }

    @Test
    void theAggregateLimitCapsAcrossBuyersTheReviewerEntersItWhenThePolicyHasNone() {
        Claim first = claims.accept(reviewer, submitted(hk, "440000").id());
        claims.pay(reviewer, first.id(), Input.of(new Claims.Decision("440000", "200000")));
        Claim second = claims.accept(reviewer, submitted(de, "100000").id());
        assertThatThrownBy(() -> claims.pay(reviewer, second.id(), Input.of(new Claims.Decision("0", "abc"))))
                .satisfies(t -> assertThat(fields(t)).containsExactlyInAnyOrder("loss", "aggregateLimit"));
        assertThat(claims.pay(reviewer, second.id(), Input.of(new Claims.Decision("100000", "200000"))).payoutCents())
                .isEqualTo(50_000_00L);
    }

    @Test
    void thePayoutPanelShowsWhatIsPaidAndLeftAndThePayoutThePaymentThenMakes() { // #14
        Claim first = claims.accept(reviewer, submitted(hk, "440000").id());
        Claims.PayoutPanel before = claims.payoutPanel(reviewer, first.id(), Input.of(new Claims.Decision(null, null)));
        assertThat(before.indemnityRatio()).isEqualTo("0.80");
        assertThat(before.perBuyerLimitCents()).isEqualTo(150_000_00L);
        assertThat(before.aggregateAsOnPolicy()).isTrue();
        assertThat(before.aggregateLimitCents()).isNull();
        assertThat(before.aggregateLeftCents()).isNull();
        assertThat(before.payout()).isNull();
        Claims.PayoutPanel preview = claims.payoutPanel(reviewer, first.id(),
                Input.of(new Claims.Decision("440000", "200000")));
        assertThat(preview.payout()).isEqualTo(new Payout(440_000_00L, 352_000_00L, 150_000_00L, 200_000_00L,
                150_000_00L));
        assertThat(claims.pay(reviewer, first.id(), Input.of(new Claims.Decision("440000", "200000"))).payoutCents())
                .isEqualTo(preview.payout().payoutCents());

        // the next claim on another buyer: the first payout counts against the aggregate, not that buyer's limit
        Claim second = claims.accept(reviewer, submitted(de, "100000").id());
        Claims.PayoutPanel next = claims.payoutPanel(reviewer, second.id(),
                Input.of(new Claims.Decision("100000", "200000")));
        assertThat(next.paidOnBuyerCents()).isZero();
        assertThat(next.paidOnPolicyCents()).isEqualTo(150_000_00L);
        assertThat(next.perBuyerLeftCents()).isEqualTo(150_000_00L);
        assertThat(next.aggregateLeftCents()).isEqualTo(50_000_00L);
        assertThat(next.payout().payoutCents()).isEqualTo(50_000_00L);
        assertThat(claims.view(reviewer, second.id()).claim().state()).isEqualTo(ClaimState.ACCEPTED);

        assertThatThrownBy(() -> claims.payoutPanel(reviewer, second.id(), Input.of(new Claims.Decision("0", "abc"))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("loss", "aggregateLimit"));
        assertThatThrownBy(() -> claims.payoutPanel(reviewer, second.id(), Input.of(new Claims.Decision("", "-1"))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("aggregateLimit"));
        assertThatThrownBy(() -> claims.payoutPanel(reviewer, first.id(), Input.of(new Claims.Decision(null, null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.payoutPanel(szLegal, second.id(), Input.of(new Claims.Decision(null, null))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void thePolicysOwnAggregateLimitPrevails() {
        db.inTransaction(tx -> tx.update("UPDATE policies SET aggregate_limit_cents = 16000000 WHERE id = ?", policy));
        Claim first = claims.accept(reviewer, submitted(hk, "440000").id());
        claims.pay(reviewer, first.id(), Input.of(new Claims.Decision("440000", "900000")));
        Claim second = claims.accept(reviewer, submitted(de, "100000").id());
        assertThat(claims.pay(reviewer, second.id(), Input.of(new Claims.Decision("100000", null))).payoutCents())
                .isEqualTo(10_000_00L);
    }

    @Test
    void selfInsuredClaimsUpTo1MillionUsdAreGreenChannel() {
        Claim c = submitted(hk, "1000000");
        db.inTransaction(tx -> tx.update("UPDATE claims SET policy_kind = 'SELF_INSURED' WHERE id = ?", c.id()));
        Claim green = claims.accept(reviewer, c.id());
        assertThat(green.greenChannel()).isTrue();
        assertThat(green.decisionDueOn()).isNull();
        Claim big = submitted(de, "1000000.01");
        db.inTransaction(tx -> tx.update("UPDATE claims SET policy_kind = 'SELF_INSURED' WHERE id = ?", big.id()));
        assertThat(claims.view(reviewer, big.id()).claim().greenChannel()).isFalse();
        assertThat(claims.view(reviewer, submitted(de, "1000").id()).claim().greenChannel()).isFalse();
    }

    @Test
    void templateImportCsvAndXlsxGoodAndBad() {
        Claim c = claims.create(szLegal, policy, Input.of(form(hk.id())));
        String csv = new String(ShipmentTemplate.csv(), StandardCharsets.UTF_8)
                + "INV-1,85171200,2024-01-15,OA,90,\"1,000.00\",800,NONE,SEA,530120240000000123,\n"
                + "INV-2,851712,2024-02-01,DP,30,500,500,PARTIAL,AIR,530120240000000124 530120240000000125,CO-9\n";
        assertThat(claims.importShipments(szLegal, c.id(), csv.getBytes(StandardCharsets.UTF_8)))
                .extracting(Shipment::invoiceNo).containsExactly("INV-1", "INV-2");
        byte[] xlsx = ShipmentTemplate.xlsx(List.of(List.of("INV-3", "85171200", "2024-03-01", "DA", "60", "200", "200",
                "NONE", "RAIL", "530120240000000126", "")));
        assertThat(claims.importShipments(szLegal, c.id(), xlsx)).extracting(Shipment::claimedCents)
                .containsExactly(200_00L);
        String badCsv = new String(ShipmentTemplate.csv(), StandardCharsets.UTF_8)
                + "INV-4,85171200,2024-01-15,OA,90,100,100,NONE,SEA,530120240000000127,\n"
                + "INV-5,12,2025-01-01,OA,90,100,200,NONE,SEA,530120240000000128,\n"
                + "INV-4,85171200,2024-01-15,OA,90,100,100,NONE,SEA,530120240000000129,\n";
        assertThatThrownBy(() -> claims.importShipments(szLegal, c.id(), badCsv.getBytes(StandardCharsets.UTF_8)))
                .satisfies(t -> assertThat(fields(t)).containsExactly("row 3: hsCode", "row 3: shippedOn",
                        "row 3: claimedAmount", "row 4: invoiceNo"));
        byte[] badXlsx = ShipmentTemplate.xlsx(List.of(List.of("INV-6", "85171200", "2024-03-01", "CHEQUE", "60", "200",
                "200", "NONE", "RAIL", "123", "")));
        assertThatThrownBy(() -> claims.importShipments(szLegal, c.id(), badXlsx))
                .satisfies(t -> assertThat(fields(t)).containsExactly("row 2: paymentMethod", "row 2: declarations"));
        assertThatThrownBy(() -> claims.importShipments(szLegal, c.id(), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .satisfies(t -> assertThat(fields(t)).containsExactly("file"));
        assertThatThrownBy(() -> claims.importShipments(szLegal, c.id(), ShipmentTemplate.xlsx()))
                .satisfies(t -> assertThat(fields(t)).containsExactly("file"));
        assertThat(claims.view(szLegal, c.id()).shipments()).hasSize(3);
        assertThat(claims.view(szLegal, c.id()).claim().claimedCents()).isEqualTo(800_00L + 500_00L + 200_00L);
    }
}
