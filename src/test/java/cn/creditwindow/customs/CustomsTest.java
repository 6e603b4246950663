package cn.creditwindow.customs;

import cn.creditwindow.validation.NotAllowedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomsTest {
    static final String SZ_USCC = "914403065X7D8E2A1J";
    static final String HN_USCC = "914101007Q3R8K2M4G";
    static final String SZ_DECLARATION = "530120260000012345";
    static final String HN_DECLARATION = "460120260000000777";

    @TempDir
    Path dir;
    private Database db;
    private Customs customs;
    private Principal shenzhen;
    private Principal henan;
    private Principal admin;
    private Principal pushToken;
    private long szId;
    private long hnId;

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("t.db"));
        TestClock clock = TestClock.at2026();
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        Enterprise a = accounts.createEnterprise(new Accounts.NewEnterprise(SZ_USCC, "深圳示例", null, null));
        Enterprise b = accounts.createEnterprise(new Accounts.NewEnterprise(HN_USCC, "郑州示例", null, null));
        szId = a.id();
        hnId = b.id();
        shenzhen = new Principal(1, "sz", "sz", Role.OPERATOR, a.id(), Set.of(), null);
        henan = new Principal(2, "hn", "hn", Role.OPERATOR, b.id(), Set.of(), null);
        admin = new Principal(3, "admin", "admin", Role.ADMIN, null, Set.of(), null);
        pushToken = new Principal(4, "customs", "customs", Role.SYSTEM, null, Set.of(ApiTokens.CUSTOMS_PUSH), null);
        customs = new Customs(db, Countries.load(), clock, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static CustomsBatch.NewDeclaration declaration(String number, String uscc, String country, String date) {
        return new CustomsBatch.NewDeclaration(number, uscc, "COSU6123456780", country, date, "5316", "2",
                List.of(new CustomsBatch.NewGoods("8516500000", "微波炉", "1200", "台", "45.50", "54600.00", "USD")));
    }

    private void importBoth() {
        customs.importBatch(pushToken, new CustomsBatch(List.of(declaration(SZ_DECLARATION, SZ_USCC, "AE", "2026-03-02"),
                declaration(HN_DECLARATION, HN_USCC, "DE", "2026-02-10")), List.of(new CustomsBatch.NewBillOfLading(
                "COSU6123456780", SZ_USCC, "COSCO EXAMPLE", "021W", "深圳示例", "Gulf Star General Trading LLC",
                "2026-03-01")), List.of(new CustomsBatch.NewCertificate("C261234567890001", SZ_USCC, "微波炉 1200 台", "AE",
                "2026-02-27"))));
    }

    @Test
    void validatesEveryPartOfTheNumber() {
        assertThat(DeclarationNumber.problem("n", SZ_DECLARATION, 2026)).isEmpty();
        assertThat(DeclarationNumber.problem("n", "010120190000000044", 2026)).as("the manual's example").isEmpty();
        assertThat(DeclarationNumber.problem("n", "53012026000001234", 2026).orElseThrow().en()).contains("18 digits");
        assertThat(DeclarationNumber.problem("n", "5301202600000123X5", 2026).orElseThrow().en()).contains("18 digits");
        assertThat(DeclarationNumber.problem("n", "530119990000012345", 2026).orElseThrow().en()).contains("year");
        assertThat(DeclarationNumber.problem("n", "530120270000012345", 2026).orElseThrow().en()).contains("year");
        assertThat(DeclarationNumber.problem("n", "530120261000012345", 2026).orElseThrow().en()).contains("import");
        assertThat(DeclarationNumber.problem("n", "530120265000012345", 2026).orElseThrow().en()).contains("flag");
        assertThat(DeclarationNumber.problem("n", " ", 2026).orElseThrow().zh()).contains("18 位");
        DeclarationNumber n = new DeclarationNumber(SZ_DECLARATION);
        assertThat(List.of(n.office(), n.year(), n.flag(), n.sequence())).containsExactly("5301", 2026, '0', "000012345");
    }

    @Test
    void importIsAllOrNothingAndListsEveryBadValue() {
        CustomsBatch.NewDeclaration bad = new CustomsBatch.NewDeclaration("530120261000000001", "911111111111111111",
                null, "XX", "2026-13-01", "53", "8", List.of(new CustomsBatch.NewGoods("85", "", "0", "台", "1.234",
                "-1", "usd")));
        assertThatThrownBy(() -> customs.importBatch(pushToken, new CustomsBatch(List.of(
                declaration(SZ_DECLARATION, SZ_USCC, "AE", "2026-03-02"), bad), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("declarations[1].number", "declarations[1].tradeCountry",
                                "declarations[1].exportDate", "declarations[1].exitOffice", "declarations[1].transportMode",
                                "declarations[1].goods[0].hsCode", "declarations[1].goods[0].name",
                                "declarations[1].goods[0].quantity", "declarations[1].goods[0].unitPrice",
                                "declarations[1].goods[0].total", "declarations[1].goods[0].currency",
                                "declarations[1].consignorUscc"));
        assertThat(count("SELECT COUNT(*) FROM customs_declarations")).as("nothing half-saved").isZero();
    }

    @Test
    void csvImportNamesLineAndColumnAndWritesNothingWhenOneLineIsBad() {
        String header = "number,consignor_uscc,bill_of_lading_no,trade_country,export_date,exit_office,transport_mode,"
                + "hs_code,goods_name,quantity,unit,unit_price,total,currency\n";
        String good = SZ_DECLARATION + "," + SZ_USCC + ",COSU1,AE,2026-03-02,5316,2,8516500000,微波炉,10,台,5.00,50.00,USD\n";
        String second = SZ_DECLARATION + "," + SZ_USCC + ",COSU1,AE,2026-03-02,5316,2,85165000,烤箱,1,台,x,2.00,USD\n";
        byte[] csv = (header + good + second).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> customs.importCsv(admin, CustomsCsv.Kind.DECLARATIONS, csv))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("line 3: unit_price"));
        assertThat(count("SELECT COUNT(*) FROM customs_declarations")).isZero();
        byte[] fixed = (header + good + second.replace(",x,", ",2.00,")).getBytes(StandardCharsets.UTF_8);
        assertThat(customs.importCsv(admin, CustomsCsv.Kind.DECLARATIONS, fixed).declarationsAdded()).isEqualTo(1);
        assertThat(customs.find(shenzhen, SZ_DECLARATION).goods()).extracting(Declaration.Goods::name)
                .containsExactly("微波炉", "烤箱");
        assertThatThrownBy(() -> customs.importCsv(shenzhen, CustomsCsv.Kind.DECLARATIONS, fixed))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void reimportingANumberUpdatesIt() {
        importBoth();
        CustomsBatch.NewDeclaration changed = new CustomsBatch.NewDeclaration(SZ_DECLARATION, SZ_USCC, "COSU2", "HK",
                "2026-03-05", "5316", "5", List.of(new CustomsBatch.NewGoods("8516500000", "微波炉", "600", "台", "45.50",
                "27300.00", "USD")));
        Customs.ImportResult r = customs.importBatch(pushToken, new CustomsBatch(List.of(changed), null, null));
        assertThat(r.declarationsAdded()).isZero();
        assertThat(r.declarationsUpdated()).isEqualTo(1);
        Declaration d = customs.find(shenzhen, SZ_DECLARATION);
        assertThat(d.tradeCountry()).isEqualTo("HK");
        assertThat(d.transportMode()).isEqualTo(TransportMode.AIR);
        assertThat(d.goods()).singleElement().satisfies(g -> assertThat(g.totalCents()).isEqualTo(2_730_000L));
        assertThat(count("SELECT COUNT(*) FROM customs_declarations")).isEqualTo(2);
    }

    @Test
    void checkAnswersTheConsignorOnlyAndAnothersNumberExactlyAsAnUnknownOne() {
        importBoth();
        List<CheckResult> r = db.read(tx -> customs.check(tx, szId, List.of(SZ_DECLARATION, HN_DECLARATION,
                "530120260000099999")));
        assertThat(r.get(0).ok()).isTrue();
        assertThat(r.get(0).resultZh()).isEqualTo("数据正常");
        assertThat(r.get(0).consignor()).isEqualTo("深圳示例");
        assertThat(r.get(0).billOfLadingNo()).isEqualTo("COSU6123456780");
        assertThat(r.get(0).country()).isEqualTo("AE");
        assertThat(r.get(0).date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(r.get(1).ok()).isFalse();
        assertThat(r.get(1).resultZh()).isEqualTo("未查询到符合条件的数据");
        assertThat(r.get(1)).isEqualTo(CheckResult.none("DECLARATION", HN_DECLARATION));
        assertThat(r.get(2)).isEqualTo(CheckResult.none("DECLARATION", "530120260000099999"));
        assertThat(db.read(tx -> customs.check(tx, hnId, List.of(HN_DECLARATION))).get(0).ok()).isTrue();
        assertThat(db.read(tx -> customs.checkCertificates(tx, szId, List.of("C261234567890001"))).get(0).ok()).isTrue();
        assertThat(db.read(tx -> customs.checkCertificates(tx, hnId, List.of("C261234567890001"))).get(0).ok()).isFalse();
        assertThatThrownBy(() -> customs.find(henan, SZ_DECLARATION)).isInstanceOf(NotFoundException.class);
        assertThat(customs.list(henan, null, null, null, PageRequest.first()).items())
                .extracting(Declaration::number).containsExactly(HN_DECLARATION);
        assertThat(customs.list(admin, null, null, null, PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void checkRefusesMalformedNumbersFieldByField() {
        assertThatThrownBy(() -> db.read(tx -> customs.check(tx, szId, List.of(SZ_DECLARATION, "123", "530120261000012345"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("numbers[1]", "numbers[2]"));
    }

    @Test
    void aCheckFormNamesAnEnterpriseItMayNotNameWithItsBadNumbers() { // #13
        Principal manager = new Principal(5, "m", "m", Role.ACCOUNT_MANAGER, null, Set.of(), null);
        assertThatThrownBy(() -> customs.check(manager, Input.of(new Customs.CheckRequest(hnId, List.of("123"),
                List.of("?")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("enterpriseId", "numbers[0]", "certificateNumbers[0]"));
        assertThatThrownBy(() -> customs.check(shenzhen, Input.of(new Customs.CheckRequest(hnId, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("enterpriseId", "numbers"));
        importBoth();
        assertThat(customs.check(shenzhen, Input.of(new Customs.CheckRequest(null, List.of(SZ_DECLARATION), null)))
                .declarations().get(0).ok()).isTrue();
    }

    @Test
    void flagsAnotherCountryADateOutsideThePeriodAndANumberAlreadyClaimed() {
        importBoth();
        ShipmentContext fine = new ShipmentContext("AE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), n -> false);
        assertThat(db.read(tx -> customs.check(tx, szId, List.of(SZ_DECLARATION), fine)).get(0).flags()).isEmpty();
        ShipmentContext off = new ShipmentContext("DE", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 12, 31),
                Set.of(SZ_DECLARATION)::contains);
        assertThat(db.read(tx -> customs.check(tx, szId, List.of(SZ_DECLARATION), off)).get(0).flags())
                .extracting(CheckResult.Flag::code).containsExactly(CheckResult.Flag.OTHER_COUNTRY,
                        CheckResult.Flag.OUTSIDE_PERIOD, CheckResult.Flag.ALREADY_CLAIMED);
        assertThat(db.read(tx -> customs.check(tx, szId, List.of(HN_DECLARATION), off)).get(0).flags())
                .as("no flags on a ✗: nothing leaks").isEmpty();
    }

    @Test
    void shipmentReportPutsEachSetOnItsOwnPageAndShowsOthersNumbersAsNotFound() throws IOException {
        importBoth();
        ShipmentReport report = new ShipmentReport(customs, PdfRenderer.withDefaultFont(TestClock.at2026()));
        byte[] pdf = db.read(tx -> report.shipmentReport(tx, szId, List.of(
                new ShipmentReport.ShipmentSet("20260302000000000001", "INV-2026-001", List.of(SZ_DECLARATION),
                        "C261234567890001"),
                new ShipmentReport.ShipmentSet("20260302000000000002", "INV-2026-002", List.of(HN_DECLARATION), null))));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String first = page(doc, 1);
            assertThat(first).contains("信用保险索赔出运数据报告", "20260302000000000001", "INV-2026-001", SZ_DECLARATION,
                    "微波炉", "COSCOEXAMPLE", "C261234567890001", "阿联酋（AE）").doesNotContain("INV-2026-002");
            String second = page(doc, 2);
            assertThat(second).contains("20260302000000000002", "INV-2026-002", HN_DECLARATION, "未查询到符合条件的数据")
                    .doesNotContain("郑州示例");
        }
        assertThatThrownBy(() -> db.read(tx -> report.shipmentReport(tx, szId, List.of(new ShipmentReport.ShipmentSet(
                "", null, List.of("1"), null))))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("sets[0].serial",
                        "sets[0].invoiceNumber", "sets[0].declarationNumbers[0]"));
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    private static String page(PDDocument doc, int n) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(n);
        s.setEndPage(n);
        return s.getText(doc).replaceAll("\\s+", "");
    }
}
