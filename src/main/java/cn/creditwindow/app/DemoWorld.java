package cn.creditwindow.app;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.enrolment.EligibleLists;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.agreements.Agreement;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.DataType;
import cn.creditwindow.agreements.Seal;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.buyers.BuyerNames;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.customs.CustomsBatch;
import cn.creditwindow.enrolment.Enrolments;
import cn.creditwindow.validation.Input;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small fictional world for trying the window ({@code serve --demo}): one enterprise per scheme region,
 * each with a legal representative and an operator, an account manager for Shenzhen, an insurer reviewer
 * and an administrator, all with the same demo password, and an API token for pushing feeds. Creating it
 * again finds what is already there. Every name, code and number here is invented.
 */
final class DemoWorld {
    static final String PASSWORD = "demo-pass-2026";

    /** A demo enterprise: its USCC (valid check character), names, and its people's user names. */
    record DemoEnterprise(String uscc, String nameZh, String nameEn, String scheme, String legal, String operator) {
    }


    /** The demo enterprises' last-year exports (USD cents) for their eligible lists. */
    private static final List<Long> DEMO_EXPORTS_CENTS = List.of(300_000_000L, 15_000_000L, 600_000_000L);

    private final List<String> policyLines = new ArrayList<>();

    /**
     * Gives each demo enterprise a pending policy of its scheme, as an administrator would: imports a one-row
     * eligible list, publishes it for the fortnight before the app's today and confirms it. An enterprise that
     * already has a policy is left alone (creating the world again changes nothing).
     */
    void pushPendingPolicies(App app, ZoneId zone) {
        Principal admin = app.domains().accounts().userByName("admin").map(u -> new Principal(u.id(), u.username(),
                u.displayName(), u.role(), null, java.util.Set.of(), null)).orElseThrow();
        EligibleLists lists = app.domains().eligibleLists();
        LocalDate today = LocalDate.ofInstant(app.clock().instant(), zone);
        for (int i = 0; i < ENTERPRISES.size(); i++) {
            DemoEnterprise d = ENTERPRISES.get(i);
            Enterprise e = enterprises.get(i);
            boolean has = app.database().read(tx -> tx.number("SELECT COUNT(*) FROM policies WHERE enterprise_id = ?",
                    e.id())) > 0;
            if (!has) {
                long cents = DEMO_EXPORTS_CENTS.get(i);
                String csv = "统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n" + d.uscc() + "," + d.nameZh() + ","
                        + (cents / 100) + "," + e.divisionCode() + "\n";
                String scheme = DemoScheme.schemeOn(app, d, e, cents, today);
                long id = lists.importCsv(admin, scheme, "demo-" + scheme + ".csv",
                        csv.getBytes(StandardCharsets.UTF_8)).list().id();
                lists.publish(id, Input.of(EligibleLists.Publication.of(today.minusDays(14), today.minusDays(1))));
                lists.confirm(admin, id);
            }
            app.database().read(tx -> tx.list("SELECT id, state, scheme_id FROM policies WHERE enterprise_id = ?"
                    + " ORDER BY id DESC LIMIT 1", r -> String.format("  %-12s policy %d (%s): %s", d.legal(),
                    r.longValue("id"), r.string("scheme_id"), r.string("state")), e.id())).forEach(policyLines::add);
        }
    }

    static final List<DemoEnterprise> ENTERPRISES = List.of(
            new DemoEnterprise("914403065X7D8E2A1J", "深圳市示例电子科技有限公司", "Shenzhen Example Electronics Co., Ltd.",
                    "shenzhen-demo-2026", "sz-legal", "sz-operator"),
            new DemoEnterprise("914101007Q3R8K2M4G", "郑州示例纺织品有限公司", "Zhengzhou Example Textiles Co., Ltd.",
                    "henan-2024-small", "hn-legal", "hn-operator"),
            new DemoEnterprise("914103003T6W9P1H5R", "洛阳示例机械制造有限公司", "Luoyang Example Machinery Co., Ltd.",
                    "henan-2024-medium", "ly-legal", "ly-operator"));

    private final List<String> lines = new ArrayList<>();
    private final List<Enterprise> enterprises = new ArrayList<>();
    private String feedToken;

    /**
     * The whole demo world as {@code serve --demo} shows it, on the app's day: {@link #create} and, on top, the demo's
     * Shenzhen scheme of the current policy year, an enterprise with an effective policy of it and free credit reports,
     * pending policies pushed, a submitted claim for the reviewer and two saved searches to preview and digest.
     *
     * <p>With a {@link DemoClock} (serve --demo), the effective policy is written as its history happened: the clock is
     * wound back to 1 June of its policy year, when the scheme is added and the policy listed, applied for and accepted
     * (collected by 30 June, so it covers the whole year from 1 July, and its shipments lie in the past), then returned
     * to real time. With another clock (tests on a fixed day) everything happens on the app's day.
     */
    static DemoWorld seed(App app, java.time.ZoneId zone) {
        DemoWorld world = create(app);
        LocalDate today = LocalDate.ofInstant(app.clock().instant(), zone);
        if (app.clock() instanceof DemoClock clock) {
            LocalDate collect = LocalDate.of(DemoScheme.year(today), 6, 1);
            try {
                clock.windTo(collect.atTime(9, 0).atZone(zone).toInstant());
                DemoScheme.add(app, today);
                world.effectiveCreditPolicy(app, zone);
            } finally {
                clock.toRealTime();
            }
        } else {
            DemoScheme.add(app, today);
            world.effectiveCreditPolicy(app, zone);
        }
        world.pushPendingPolicies(app, zone);
        world.overdueReceivable(app, today);
        world.mediumEnterpriseReady(app);
        world.submittedClaim(app);
        world.subscriptions(app);
        return world;
    }

    /** Creates what is missing of the demo world's people, enterprises and agreements in the app's store. */
    static DemoWorld create(App app) {
        DemoWorld world = new DemoWorld();
        world.build(app.domains().accounts(), app.domains().apiTokens());
        world.agreements(app);
        world.creditAlarm(app);
        world.buyers(app);
        world.districtManagers(app); // the window: account managers by district
        return world;
    }

    private void build(Accounts accounts, ApiTokens tokens) {
        for (DemoEnterprise d : ENTERPRISES) {
            Enterprise e = accounts.enterpriseByUscc(d.uscc()).orElseGet(() ->
                    accounts.createEnterprise(new Accounts.NewEnterprise(d.uscc(), d.nameZh(), d.nameEn(), null)));
            enterprises.add(e);
            user(accounts, d.legal(), "示例法人" + (enterprises.size()), Role.LEGAL_REPRESENTATIVE, e.id(), "13800000001");
            user(accounts, d.operator(), "示例操作员" + (enterprises.size()), Role.OPERATOR, e.id(), "13800000002");
            lines.add(String.format("  %-12s %-12s %s (%s, %s)", d.legal(), d.operator(), d.nameZh(), d.uscc(), d.scheme()));
        }
        User manager = user(accounts, "manager", "示例客户经理", Role.ACCOUNT_MANAGER, null, "13800000003");
        accounts.addToPortfolio(manager.id(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        user(accounts, "reviewer", "示例审核员", Role.REVIEWER, null, null);
        user(accounts, "admin", "示例管理员", Role.ADMIN, null, null);
        feedToken = tokens.rotate("demo-feeds", Set.of(ApiTokens.FEEDS_PUSH)).token();
    }


    /**
     * Shenzhen's enterprise has signed (countersigned by the reviewer) and authorised its data, with a year of
     * authorised monthly data; Zhengzhou's has signed and awaits the insurer's seal (the reviewer's queue); Luoyang's
     * has nothing yet, to try the whole journey (seal → agreement → countersignature → authorisation).
     */
    private void agreements(App app) {
        Accounts accounts = app.domains().accounts();
        Principal reviewer = principal(accounts.userByName("reviewer").orElseThrow());
        Principal sz = principal(accounts.userByName(ENTERPRISES.get(0).legal()).orElseThrow());
        Principal hn = principal(accounts.userByName(ENTERPRISES.get(1).legal()).orElseThrow());
        if (app.domains().seals().own(sz).isEmpty()) {
            Agreement a = signWithNewSeal(app, sz);
            app.domains().agreements().countersign(reviewer, a.id());
            app.domains().dataAuthorisations().authorise(sz, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
        }
        if (app.domains().seals().own(hn).isEmpty()) {
            signWithNewSeal(app, hn);
        }
        YearMonth month = YearMonth.from(app.domains().seals().today()).minusMonths(1);
        for (int i = 0; i < 12; i++, month = month.minusMonths(1)) {
            long declarations = 6 + (i * 7) % 11;
            app.domains().authorisedData().receive(sz.enterpriseId(), DataType.CUSTOMS_EXPORT_DECLARATIONS, month, declarations,
                    declarations * 18_450_00L + i * 1_250_00L, declarations + " 份出口报关单");
            long receipts = 3 + (i * 5) % 7;
            app.domains().authorisedData().receive(sz.enterpriseId(), DataType.EXPORT_RECEIPTS, month, receipts,
                    receipts * 26_800_00L, receipts + " 笔出口收汇");
            if (i % 6 == 0) {
                app.domains().authorisedData().receive(sz.enterpriseId(), DataType.CUSTOMS_CREDIT_RATING, month, 1, null,
                        "海关企业信用等级：一般信用企业");
                app.domains().authorisedData().receive(sz.enterpriseId(), DataType.ENTERPRISE_BASICS, month, 1, null,
                        "登记信息无变更");
            }
        }
    }


    /** The buyer the Shenzhen enterprise watches in the demo (from the sample directory). */
    static final String WATCHED_BUYER = "Desert Rose Trading LLC";
    private String watchedLine;

    /**
     * Loads the fictional sample directory ({@code buyers/sample-directory.csv}) as the insurer's, once, and has
     * the Shenzhen enterprise watch a UAE buyer of it.
     */
    private void creditAlarm(App app) {
        Accounts accounts = app.domains().accounts();
        Principal admin = principal(accounts.userByName("admin").orElseThrow());
        Principal sz = principal(accounts.userByName(ENTERPRISES.get(0).legal()).orElseThrow());
        boolean loaded = app.database().read(tx -> tx.number("SELECT COUNT(*) FROM buyers WHERE source = 'INSURER'")) > 0;
        if (!loaded) {
            try (java.io.InputStream in = DemoWorld.class.getResourceAsStream("/buyers/sample-directory.csv")) {
                app.domains().buyers().importCsv(admin, in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("reading the sample buyer directory", e);
            }
        }
        var buyer = app.domains().buyers().search(sz, new cn.creditwindow.buyers.Buyers.Query(WATCHED_BUYER, "AE", null)).items()
                .get(0).buyer();
        if (!app.domains().watches().states(sz).containsKey(buyer.id())) {
            app.domains().watches().watch(sz, buyer.id());
        }
        watchedLine = buyer.code() + " " + buyer.nameEn();
    }


    /** A fourth Shenzhen enterprise whose sponsored policy is already effective, so its 3 free reports can be used. */
    static final DemoEnterprise CREDIT_ENTERPRISE = new DemoEnterprise("914403037M5N8Q2W4C", "深圳市示例贸易有限公司",
            "Shenzhen Example Trading Co., Ltd.", "shenzhen-demo-2026", "szt-legal", "szt-operator");

    /** Fictional overseas buyers of the insurer's directory: name, country, address, registration number. */
    private static final List<Buyers.NewBuyer> DEMO_BUYERS = List.of(
            new Buyers.NewBuyer("Gulf Star General Trading LLC", "海湾之星综合贸易有限责任公司", "AE",
                    "Office 1204, Example Tower, Dubai", "DXB-000123"),
            new Buyers.NewBuyer("Rheinland Haushaltswaren GmbH", null, "DE", "Musterstrasse 5, 50667 Koeln", "HRB 00000"),
            new Buyers.NewBuyer("Lakeside Home Goods Inc.", null, "US", "100 Example Ave, Chicago, IL", "IL-0000001"),
            new Buyers.NewBuyer("Harbour Crest Trading Limited", "港湾之冠贸易有限公司", "HK", "Unit 8, 1 Example Road, Kowloon",
                    "HK-0000001"));

    private final List<String> creditLines = new ArrayList<>();

    /** Adds the demo buyers to the directory (as the insurer's entries) unless they are there. */
    private void buyers(App app) {
        Principal reviewer = principal(app.domains().accounts().userByName("reviewer").orElseThrow());
        for (Buyers.NewBuyer b : DEMO_BUYERS) {
            boolean has = app.database().read(tx -> tx.number("SELECT COUNT(*) FROM buyers WHERE name_key = ? AND"
                    + " added_by_enterprise_id IS NULL", BuyerNames.key(b.nameEn()))) > 0;
            if (!has) {
                app.domains().buyers().add(reviewer, b);
            }
        }
    }

    /**
     * Gives {@link #CREDIT_ENTERPRISE} an effective Shenzhen policy the way its people would: agreement signed and
     * countersigned, data authorised, listed and confirmed by the administrator, application with the code from its
     * outbox, accepted by the reviewer, under the Shenzhen scheme of the app's day ({@link #schemeOn}): the demo's
     * scheme once {@link DemoScheme#add} added it, {@code shenzhen-2023} for tests on a 2024 day.
     */
    void effectiveCreditPolicy(App app, ZoneId zone) {
        Accounts accounts = app.domains().accounts();
        DemoEnterprise d = CREDIT_ENTERPRISE;
        Enterprise e = accounts.enterpriseByUscc(d.uscc()).orElseGet(() ->
                accounts.createEnterprise(new Accounts.NewEnterprise(d.uscc(), d.nameZh(), d.nameEn(), null)));
        Principal legal = principal(user(accounts, d.legal(), "示例法人4", Role.LEGAL_REPRESENTATIVE, e.id(), "13800000004"));
        user(accounts, d.operator(), "示例操作员4", Role.OPERATOR, e.id(), "13800000005");
        Principal reviewer = principal(accounts.userByName("reviewer").orElseThrow());
        Principal admin = principal(accounts.userByName("admin").orElseThrow());
        boolean has = app.database().read(tx -> tx.number("SELECT COUNT(*) FROM policies WHERE enterprise_id = ?",
                e.id())) > 0;
        if (!has) {
            if (app.domains().seals().own(legal).isEmpty()) {
                app.domains().agreements().countersign(reviewer, signWithNewSeal(app, legal).id());
                app.domains().dataAuthorisations().authorise(legal, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
            }
            LocalDate today = LocalDate.ofInstant(app.clock().instant(), zone);
            String csv = "统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n" + d.uscc() + "," + d.nameZh()
                    + ",2500000," + e.divisionCode() + "\n";
            EligibleLists lists = app.domains().eligibleLists();
            long listId = lists.importCsv(admin, DemoScheme.schemeOn(app, d, e, 250_000_000L, today), "demo-credit.csv",
                    csv.getBytes(StandardCharsets.UTF_8)).list().id();
            lists.publish(listId, Input.of(EligibleLists.Publication.of(today.minusDays(14), today.minusDays(1))));
            lists.confirm(admin, listId);
            long policyId = app.database().read(tx -> tx.number("SELECT id FROM policies WHERE enterprise_id = ?", e.id()));
            Enrolments.ContactDetails contact = new Enrolments.ContactDetails("示例联系人", "13800000004",
                    d.legal() + "@demo.example");
            app.domains().enrolments().requestCode(legal, policyId, Input.of(contact));
            String text = app.database().read(tx -> tx.one("SELECT body FROM outbox WHERE enterprise_id = ? ORDER BY id DESC",
                    r -> r.string("body"), e.id())).orElseThrow();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\d{6}").matcher(text);
            if (!code.find()) {
                throw new IllegalStateException("no verification code in the demo outbox: " + text);
            }
            var application = app.domains().enrolments().submit(legal, policyId, Input.of(new Enrolments.ApplicationForm(
                    contact.contactName(), contact.mobile(), contact.email(), true, code.group())));
            app.domains().enrolments().accept(reviewer, application.id());
        }
        creditLines.add(String.format("  %-12s %-12s %s (%s, %s): policy effective, 3 free buyer reports",
                d.legal(), d.operator(), d.nameZh(), d.uscc(), d.scheme()));
    }


    /** The invoice of the demo's overdue receivable. */
    static final String OVERDUE_INVOICE = "DEMO-INV-031";

    /**
     * Gives {@link #CREDIT_ENTERPRISE} (once its policy is effective) a receivable on Gulf Star due 46 days before
     * {@code today}: its scheme gives 60 days after a due date to report, so its home page shows "报损期限：还有 14 天".
     * Does nothing when the receivable is there.
     */
    void overdueReceivable(App app, LocalDate today) {
        Principal legal = principal(app.domains().accounts().userByName(CREDIT_ENTERPRISE.legal()).orElseThrow());
        long policies = app.database().read(tx -> tx.number("SELECT COUNT(*) FROM policies WHERE enterprise_id = ?"
                + " AND state = 'EFFECTIVE'", legal.enterpriseId()));
        long has = app.database().read(tx -> tx.number("SELECT COUNT(*) FROM loss_shipments WHERE invoice_no = ?",
                OVERDUE_INVOICE));
        if (policies == 0 || has > 0) {
            return;
        }
        long policyId = app.database().read(tx -> tx.number("SELECT id FROM policies WHERE enterprise_id = ?"
                + " AND state = 'EFFECTIVE' ORDER BY id DESC LIMIT 1", legal.enterpriseId()));
        long buyerId = app.database().read(tx -> tx.number("SELECT id FROM buyers WHERE name_en = ?"
                + " AND added_by_enterprise_id IS NULL", DEMO_BUYERS.get(0).nameEn()));
        LocalDate due = today.minusDays(46);
        // the laptops of the declaration no demo claim uses, shipped when the cover began: the claim drafted from
        // the report can name that declaration for its shipment
        LocalDate coverStart = app.database().read(tx -> tx.one("SELECT cover_start FROM policies WHERE id = ?",
                r -> r.date("cover_start"), policyId)).orElseThrow();
        LocalDate shipped = coverStart.isBefore(due) ? coverStart : due.minusDays(60);
        app.domains().lossReports().registerReceivable(legal, Input.of(new cn.creditwindow.losses.LossReports.ReceivableForm(
                policyId, buyerId, OVERDUE_INVOICE, shipped.toString(), due.toString(), "180000.00",
                DemoCustoms.FREE_DECLARATION)));
        creditLines.add("  szt-legal has an overdue receivable " + OVERDUE_INVOICE + " on " + DEMO_BUYERS.get(0).nameEn()
                + ": home page shows the report deadline; report it at /losses/new");
    }

    /**
     * {@code serve --demo}: the medium-scheme enterprise has signed (countersigned) and authorised its data, so its
     * walk (apply, accept, pay its 20%) starts at the application. Tests that walk the agreement with it use
     * {@link #create}, which leaves it unsigned.
     */
    void mediumEnterpriseReady(App app) {
        Principal reviewer = principal(app.domains().accounts().userByName("reviewer").orElseThrow());
        Principal ly = principal(app.domains().accounts().userByName(ENTERPRISES.get(2).legal()).orElseThrow());
        if (app.domains().seals().own(ly).isEmpty()) {
            app.domains().agreements().countersign(reviewer, signWithNewSeal(app, ly).id());
            app.domains().dataAuthorisations().authorise(ly, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
        }
    }

    private static Agreement signWithNewSeal(App app, Principal legal) {
        Seal seal = app.domains().seals().create(legal, new Seals.NewSeal("COMPANY", legal.displayName(),
                app.domains().seals().today().toString(), app.domains().seals().today().plusYears(2).toString()));
        return app.domains().agreements().sign(legal, Input.of(new Agreements.SignRequest(seal.id(), true)));
    }

    static Principal principal(User u) {
        return new Principal(u.id(), u.username(), u.displayName(), u.role(), u.enterpriseId(), Set.of(), null);
    }

    private static User user(Accounts accounts, String username, String name, Role role, Long enterpriseId, String mobile) {
        return accounts.userByName(username).orElseGet(() -> accounts.createUser(new Accounts.NewUser(username, PASSWORD,
                name, role, enterpriseId, mobile, username + "@demo.example")));
    }


    private String claimLine;

    /**
     * Claims: a submitted claim of the credit enterprise (run {@link #effectiveCreditPolicy} first) on Gulf Star,
     * seed 000 case 1's shape (a 440,000 USD loss on one buyer), waiting for the reviewer. Does nothing when the
     * enterprise already has a claim.
     */
    void submittedClaim(App app) {
        Accounts accounts = app.domains().accounts();
        Enterprise e = accounts.enterpriseByUscc(CREDIT_ENTERPRISE.uscc()).orElseThrow();
        Principal legal = principal(accounts.userByName(CREDIT_ENTERPRISE.legal()).orElseThrow());
        var policy = app.domains().claims().policies(legal, null, cn.creditwindow.paging.PageRequest.first()).items();
        if (policy.isEmpty() || !policy.get(0).claims().isEmpty()) {
            return;
        }
        long buyer = app.database().read(tx -> tx.number("SELECT id FROM buyers WHERE name_en = ?",
                "Gulf Star General Trading LLC"));
        DemoCustoms.declarations(app, policy.get(0).policy().coverStart());
        var claim = app.domains().claims().create(legal, policy.get(0).policy().id(), Input.of(new cn.creditwindow.claims.Claims.ClaimForm(
                buyer, null, null, null, java.util.Map.of("DISPUTE", false, "REPORTED_LOSS", true,
                "DEBT_ACKNOWLEDGED", false, "FINANCING", false), null, null, null, "DEFAULT",
                "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款（示例数据）",
                "我司向买方出运电子产品一批，买方收货后至今未支付任何款项，已委托律师发函催收（示例数据）", "已委托律师催收")));
        app.domains().claimShipments().add(legal, claim.id(), Input.of(new cn.creditwindow.claims.Claims.ShipmentForm(
                "DEMO-INV-001", "85171200", policy.get(0).policy().coverStart().toString(), "OA", "90", "440000",
                "440000", "NONE", "SEA", DemoCustoms.DECLARATION, "CO2024440300001")));
        app.domains().claims().generateReport(legal, claim.id()); // the shipment data report, required before submission
        app.domains().claims().submit(legal, claim.id(), Input.of(new cn.creditwindow.claims.Claims.Submission(true)));
        claimLine = "  " + CREDIT_ENTERPRISE.legal() + ": claim " + claim.id() + " (440,000 USD on Gulf Star) submitted;"
                + " reviewer accepts and pays at /claims/review (the per-buyer limit pays 150,000 USD)";
    }


    private String subscriptionLine;

    /**
     * Subscriptions: sz-legal subscribes to the news on the UAE (阿联酋) and to tariffs (关税), so the subscription
     * pages preview a digest and the saved search has an Atom feed. Does nothing when the enterprise has any.
     */
    void subscriptions(App app) {
        Principal legal = principal(app.domains().accounts().userByName(ENTERPRISES.get(0).legal()).orElseThrow());
        if (app.domains().subscriptions().list(legal, cn.creditwindow.paging.PageRequest.first()).total() > 0) {
            return;
        }
        app.domains().subscriptions().create(legal, Input.of(new cn.creditwindow.subscriptions.Subscriptions.Draft("阿联酋市场", null,
                "阿联酋", null, null)));
        app.domains().subscriptions().create(legal, Input.of(new cn.creditwindow.subscriptions.Subscriptions.Draft("关税动态", "关税",
                null, null, null)));
        subscriptionLine = "  sz-legal subscribes to 阿联酋市场 and 关税动态 (/subscriptions, previews and Atom feeds);"
                + " digests of a month: digest --month 2026-10 (--no-send while serve runs), archive at /digests";
    }

    /** The claims line of the console text, or null. */
    String claimLine() {
        return claimLine;
    }


    private final List<String> managerLines = new ArrayList<>();

    /**
     * The fictional Shenzhen district managers of {@code managers/sample-district-managers.csv} (districts grouped as
     * in seed 000, names and numbers invented), each with the demo password, the districts as portfolio and an office
     * phone. An enterprise sees the most specific of its managers: sz's (宝安 440306) the two 宝安 managers, szt's
     * (罗湖 440303) the 龙华/罗湖 manager, before the city-wide {@code manager} (4403).
     */
    private void districtManagers(App app) {
        Accounts accounts = app.domains().accounts();
        try (java.io.InputStream in = DemoWorld.class.getResourceAsStream("/managers/sample-district-managers.csv")) {
            for (List<String> row : cn.creditwindow.validation.CsvUploads.records(in.readAllBytes(), "file")) {
                if (row.get(0).equals("username")) {
                    continue; // the header
                }
                User m = accounts.userByName(row.get(0)).orElseGet(() -> accounts.createUser(new Accounts.NewUser(
                        row.get(0), PASSWORD, row.get(1), Role.ACCOUNT_MANAGER, null, row.get(3), row.get(4))));
                accounts.addToPortfolio(m.id(), Input.of(new Accounts.Portfolio(List.of(row.get(5).split(" ")), List.of())));
                app.domains().accountManagers().setOfficePhone(m.id(), Input.of(row.get(2)));
                managerLines.add(String.format("  %-14s %s %s (%s)", row.get(0), row.get(1), row.get(2), row.get(6)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading the sample district managers", e);
        }
    }

    List<Enterprise> enterprises() {
        return List.copyOf(enterprises);
    }

    /** How to sign in, for the console; {@code baseUrl} is where the server answers (its examples use it). */
    void print(PrintStream out, String baseUrl) {
        out.println("Demo world (fictional). Every demo user's password: " + PASSWORD);
        out.println("  legal rep.   operator     enterprise");
        lines.forEach(out::println);
        out.println("  manager (account manager for Shenzhen, 4403), reviewer (insurer), admin (administrator)");
        out.println("  agreements: sz and ly signed and authorised, hn awaiting the reviewer's seal (/agreements)");
        if (!managerLines.isEmpty()) { // the window: account managers by district
            out.println("Account managers by district (fictional; shown on each enterprise's home page):");
            managerLines.forEach(out::println);
        }
        if (!creditLines.isEmpty()) {
            out.println("Credit services (资信服务, /credit): demo buyers in the directory (Gulf Star, Rheinland, Lakeside,"
                    + " Harbour Crest); an enterprise with an effective policy:");
            creditLines.forEach(out::println);
            out.println("  order as szt-legal (or as manager on its behalf) at /credit/order; reviewer fulfils at"
                    + " /credit/fulfilment");
        }
        if (claimLine != null) {
            out.println("Claims (索赔服务, /claims):");
            out.println(claimLine);
        }
        if (subscriptionLine != null) {
            out.println("Subscriptions and monthly digests (信息订阅, /subscriptions):");
            out.println(subscriptionLine);
        }
        out.println("Feed push token for this run: Authorization: Bearer " + feedToken);
        if (watchedLine != null) {
            out.println("Credit alarm (资信报警器): sz-legal's enterprise watches " + watchedLine + " (/credit/alerts;"
                    + " directory: /credit/buyers). Fire it by pushing an article that names it:");
            out.println("  curl -X POST '" + baseUrl + "/api/feeds?module=country-alert' -H 'Authorization: Bearer "
                    + feedToken + "' -H 'Content-Type: application/rss+xml' --data-binary '<rss version=\"2.0\"><channel>"
                    + "<title>demo</title><item><guid>demo-alarm-1</guid><title>Desert Rose Trading files for bankruptcy in"
                    + " Dubai</title></item></channel></rss>'");
        }
        if (!policyLines.isEmpty()) {
            out.println("Enrolment (小微投保): the demo runs on today's date, with policies of the current policy year"
                    + " (Henan's 2024 notice renews each September; Shenzhen's is the demo's own scheme, demo data added"
                    + " as an administrator adds next year's scheme: /enrolment/schemes); pending policies:");
            policyLines.forEach(out::println);
            out.println("  Walk it: sign in as sz-legal or ly-legal (agreement signed, data authorised) and open /enrolment;"
                    + " codes are in 消息记录 (/enrolment/outbox); reviewer accepts at /enrolment/review. ly-legal's"
                    + " medium-scheme policy then waits for its 20% (待缴费): reviewer records it at /enrolment/payments."
                    + " hn-legal is sent to /agreements first.");
            // e-mail
            out.println("  The 保单生效通知 also goes by e-mail to the contact address: sent with serve --smtp-host …"
                    + " --mail-from …, else shown as 未发送 in 消息记录.");
        }
    }
}
