package cn.creditwindow.claims;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.config.Config;
import cn.creditwindow.customs.Customs;
import cn.creditwindow.customs.CustomsBatch;
import cn.creditwindow.customs.ShipmentReport;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The world the claims tests share, on a fresh SQLite file: two enterprises (Shenzhen, whose effective policy has
 * signed the agreement and whose three export declarations customs holds, and Henan), their legal representatives,
 * an account manager of Shenzhen, a reviewer, two buyers, and the claim classes wired as the app wires them. One per
 * test; {@link #close} closes the database.
 */
final class ClaimsFixture implements AutoCloseable {
    /** Inside Shenzhen's policy year 2023-07-01 – 2024-06-30; a Monday. */
    static final LocalDate TODAY = LocalDate.of(2024, 6, 17);
    static final String REASON = "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款";
    static final String STORY = "我司于二零二四年一月向买方出运电子产品一批，买方收货后至今未支付任何款项";

    final Database db;
    final Accounts accounts;
    final Buyers buyers;
    final Claims claims;
    final ClaimShipments shipments;
    final ClaimReview review;
    final Enterprise sz;
    final Enterprise hn;
    final Principal szLegal;
    final Principal hnLegal;
    final Principal manager;
    final Principal reviewer;
    final Buyer hk;
    final Buyer de;
    final long policy;
    /** The customs data the claims are checked against (real, on the same database). */
    final Customs customs;
    final ClaimDocuments documents;

    ClaimsFixture(Path dir) {
        db = Database.openFile(dir.resolve("claims.db"));
        Clock clock = clockOn(TODAY);
        accounts = new Accounts(db, new Passwords(4), clock);
        Countries countries = Countries.load();
        buyers = new Buyers(db, countries, clock);
        customs = new Customs(db, countries, clock, Config.CHINA);
        documents = new ClaimDocuments(customs,
                new ShipmentReport(customs, PdfRenderer.withDefaultFont(clock)), Config.CHINA);
        HolidayCalendar calendar = new HolidayCalendar(db, HolidayCalendar.bundled(), clock, Config.CHINA);
        shipments = new ClaimShipments(db, ClaimCodes.load(), clock, Config.CHINA);
        claims = new Claims(db, buyers, countries, ClaimCodes.load(), calendar, documents, clock);
        review = new ClaimReview(db, calendar, clock, Config.CHINA);
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

    @Override
    public void close() {
        db.close();
    }

    private static Clock clockOn(LocalDate day) {
        return Clock.fixed(ZonedDateTime.of(day.atTime(10, 0), Config.CHINA).toInstant(), Config.CHINA);
    }

    /** Customs holds this export declaration of {@code e} (as consignor) to {@code country}, exported on {@code date}. */
    void declare(Enterprise e, String number, String country, String date) {
        customs.importBatch(reviewer, new CustomsBatch(List.of(new CustomsBatch.NewDeclaration(number, e.uscc(),
                "BL" + number.substring(9), country, date, "5301", "2", List.of(new CustomsBatch.NewGoods("8517120000",
                "智能手机", "10", "台", "100.00", "1000.00", "USD")))), null, null));
    }

    Principal user(String name, Role role, Long enterpriseId) {
        User u = accounts.createUser(new Accounts.NewUser(name, "test-pass-2026", "测试" + name, role, enterpriseId,
                "13800000001", name + "@example.com"));
        return new Principal(u.id(), u.username(), u.displayName(), role, enterpriseId, Set.of(), null);
    }

    /** An effective Shenzhen policy (per buyer 150k USD, 80%), as enrolment leaves it. */
    long effectivePolicy(Enterprise e, Long aggregateCents) {
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

    void sign(Enterprise e, Principal legal) {
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

    long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    static List<String> fields(Throwable t) {
        return ((InvalidInputException) t).errors().stream().map(FieldError::field).toList();
    }

    /** A submitted claim with one shipment on a declaration of its own (one claim per declaration). */
    Claim submitted(Buyer buyer, String claimedUsd) {
        Claim c = claims.create(szLegal, policy, Input.of(form(buyer.id())));
        String number = String.format("53012024000%07d", c.id());
        declare(sz, number, buyer.countryCode(), "2024-01-15");
        shipments.add(szLegal, c.id(), Input.of(new Claims.ShipmentForm("INV-" + c.id(), "85171200", "2024-01-15", "OA",
                "90", claimedUsd, claimedUsd, "NONE", "SEA", number, null)));
        claims.generateReport(szLegal, c.id());
        return claims.submit(szLegal, c.id(), Input.of(new Claims.Submission(true)));
    }

    /** The claims and their review as they would be on another day. */
    record On(Claims claims, ClaimReview review) {
    }

    /** Claims and their review as they would be on {@code day} (10:00 China time), counting deadlines in {@code calendar}. */
    On on(LocalDate day, Function<Clock, HolidayCalendar> calendar) {
        Clock clock = clockOn(day);
        HolidayCalendar c = calendar.apply(clock);
        return new On(new Claims(db, buyers, Countries.load(), ClaimCodes.load(), c, documents, clock),
                new ClaimReview(db, c, clock, Config.CHINA));
    }
}
