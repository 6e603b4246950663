package cn.creditwindow.buyers;

import cn.creditwindow.validation.NotAllowedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory's search over the bundled sample directory, on a real database. */
class BuyerSearchTest {
    @TempDir
    Path dir;
    private Database db;
    private Accounts accounts;
    private Buyers buyers;
    private Principal shenzhen;
    private Principal henan;
    private Principal reviewer;
    private Principal manager;

    private static Principal principal(Accounts accounts, String name, Role role, Long enterpriseId) {
        long id = accounts.createUser(new Accounts.NewUser(name, "password-1", name, role, enterpriseId, null, null)).id();
        return new Principal(id, name, name, role, enterpriseId, Set.of(), null);
    }

    static byte[] sample() throws IOException {
        try (InputStream in = Buyers.class.getResourceAsStream("/buyers/sample-directory.csv")) {
            return in.readAllBytes();
        }
    }

    @BeforeEach
    void open() throws IOException {
        db = Database.openFile(dir.resolve("t.db"));
        TestClock clock = TestClock.at2026();
        accounts = new Accounts(db, new Passwords(4), clock);
        Enterprise a = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳示例", null, null));
        Enterprise b = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州示例", null, null));
        shenzhen = principal(accounts, "sz-op", Role.OPERATOR, a.id());
        henan = principal(accounts, "hn-op", Role.OPERATOR, b.id());
        reviewer = principal(accounts, "rev-1", Role.REVIEWER, null);
        manager = principal(accounts, "mgr-1", Role.ACCOUNT_MANAGER, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        buyers = new Buyers(db, Countries.load(), clock);
        buyers.importCsv(reviewer, sample());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> names(Principal who, String q, String country) {
        return buyers.search(who, new Buyers.Query(q, country, null)).items().stream().map(h -> h.buyer().nameEn())
                .toList();
    }

    private String first(String q) {
        Buyers.SearchResult r = buyers.search(shenzhen, new Buyers.Query(q, null, null));
        assertThat(r.items()).as("hits for '%s'", q).isNotEmpty();
        return r.items().get(0).buyer().nameEn() + " " + r.items().get(0).match();
    }

    @Test
    void theSampleDirectoryIsImportedWithCodesByCountry() {
        Buyers.SearchResult all = buyers.search(reviewer, new Buyers.Query("", "AE", null));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).extracting(h -> h.buyer().code()).allMatch(c -> c.matches("AE000000[1-5]"));
    }

    @Test
    void caseLegalFormsPunctuationWordOrderAndTyposAreForgiven() {
        assertThat(first("desert rose trading")).isEqualTo("Desert Rose Trading LLC EXACT");
        assertThat(first("DESERT ROSE TRADING CO., LTD.")).isEqualTo("Desert Rose Trading LLC EXACT");
        assertThat(first("Desert Rose Trading Company Limited")).isEqualTo("Desert Rose Trading LLC EXACT");
        assertThat(first("Trading Desert Rose")).isEqualTo("Desert Rose Trading LLC ALL_WORDS");
        assertThat(first("Desert Rose Tradng")).isEqualTo("Desert Rose Trading LLC FUZZY");
        assertThat(first("Dessert Rose Trading")).isEqualTo("Desert Rose Trading LLC FUZZY");
        // two edits in a word of 9+ letters, a swap of neighbours is one edit
        assertThat(first("Kesler Maschnen")).isEqualTo("Kessler Maschinen GmbH FUZZY");
        assertThat(first("Kessler Mashcinen")).isEqualTo("Kessler Maschinen GmbH FUZZY");
        // the last word may be a prefix, as typed
        assertThat(first("Gulf Pearl Gen")).isEqualTo("Gulf Pearl General Trading Co. L.L.C. FUZZY");
        // accents fold
        assertThat(first("amazonia verde comercio")).isEqualTo("Amazonia Verde Comércio Ltda. EXACT");
    }

    @Test
    void shortWordsMustBeExactAndTooManyTyposFindNothing() {
        assertThat(names(shenzhen, "Desrt Rse Trading", null)).isEmpty();
        assertThat(names(shenzhen, "Jade Fery", null)).isEmpty(); // "fery": 4 letters, no typo allowed
        assertThat(names(shenzhen, "Dxsxrt Rose", null)).isEmpty();
    }

    @Test
    void exactNamesComeBeforeAllWordsBeforeTypos() {
        buyers.add(shenzhen, new Buyers.NewBuyer("Rose Trading Desert Holdings", null, "AE", null, null));
        buyers.add(shenzhen, new Buyers.NewBuyer("Deserts Rose Trading", null, "AE", null, null));
        assertThat(names(shenzhen, "Desert Rose Trading", null)).containsExactly("Desert Rose Trading LLC",
                "Rose Trading Desert Holdings", "Deserts Rose Trading");
    }

    @Test
    void chineseNamesAreSearchable() {
        assertThat(names(shenzhen, "沙漠玫瑰贸易有限责任公司", null)).containsExactly("Desert Rose Trading LLC");
        assertThat(names(shenzhen, "沙漠玫瑰", null)).containsExactly("Desert Rose Trading LLC");
        assertThat(buyers.search(shenzhen, new Buyers.Query("沙漠玫瑰贸易", null, null)).items().get(0).match())
                .isEqualTo("EXACT");
        assertThat(names(shenzhen, "凯斯勒", "德国")).containsExactly("Kessler Maschinen GmbH");
    }

    @Test
    void theCountryFilterTakesCodesAndNamesAndRefusesUnknownOnes() {
        assertThat(names(shenzhen, "trading", "阿联酋")).containsExactlyInAnyOrder("Desert Rose Trading LLC",
                "Gulf Pearl General Trading Co. L.L.C.");
        assertThat(names(shenzhen, "trading", "HK")).containsExactly("Victoria Peak Trading Company Limited");
        assertThat(names(shenzhen, "trading", "Germany")).isEmpty();
        assertThatThrownBy(() -> buyers.search(shenzhen, new Buyers.Query("x", "Atlantis", "0")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("country", "page"));
    }

    @Test
    void anEnterprisesAdditionsAreFoundOnlyByThoseWhoMaySeeThem() {
        buyers.add(shenzhen, new Buyers.NewBuyer("Quiet Lagoon Imports", null, "AE", null, null));
        assertThat(names(shenzhen, "quiet lagoon", null)).containsExactly("Quiet Lagoon Imports");
        assertThat(names(manager, "quiet lagoon", null)).containsExactly("Quiet Lagoon Imports");
        assertThat(names(reviewer, "quiet lagoon", null)).containsExactly("Quiet Lagoon Imports");
        assertThat(names(henan, "quiet lagoon", null)).isEmpty();
        assertThat(buyers.search(henan, new Buyers.Query("", null, null)).total()).isEqualTo(42);
        assertThat(buyers.search(shenzhen, new Buyers.Query("", null, null)).total()).isEqualTo(43);
    }

    @Test
    void pagesAreTwentyBuyers() {
        Buyers.SearchResult p1 = buyers.search(reviewer, new Buyers.Query("", null, "1"));
        Buyers.SearchResult p3 = buyers.search(reviewer, new Buyers.Query("", null, "3"));
        assertThat(p1.items()).hasSize(20);
        assertThat(p3.items()).hasSize(2);
        assertThat(buyers.search(reviewer, new Buyers.Query("", null, "9")).items()).isEmpty();
    }

    @Test
    void anImportIsAllOrNothingAndNamesEveryBadLine() {
        String csv = "code,name_en,name_zh,country,address,registration_no\n"
                + ",Fine Buyer One,,DE,,\n"
                + ",,,DE,,\n"
                + "XX1,Bad Code Buyer,,US,,\n"
                + ",Nowhere Buyer,,Atlantis,,\n";
        long before = db.read(tx -> tx.number("SELECT COUNT(*) FROM buyers"));
        assertThatThrownBy(() -> buyers.importCsv(reviewer, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("line 3: name_en", "line 4: code", "line 5: country"));
        assertThat((long) db.read(tx -> tx.number("SELECT COUNT(*) FROM buyers"))).isEqualTo(before);
        assertThatThrownBy(() -> buyers.importCsv(shenzhen, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void importedCodesAreKeptAndNewCodesGoAboveThem() {
        String csv = "code,name_en,country\nAE0000100,Coded Buyer,AE\n";
        Buyers.ImportResult r = buyers.importCsv(reviewer, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.codes()).containsExactly("AE0000100");
        assertThat(buyers.add(shenzhen, new Buyers.NewBuyer("After Coded", null, "AE", null, null)).code())
                .isEqualTo("AE0000101");
        assertThatThrownBy(() -> buyers.importCsv(reviewer, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("line 2: code"));
    }

    @Test
    void aLookalikeInTheImportIsFlagged() {
        String csv = "name_en,country\nDesert Rose Trading Co. Ltd.,AE\n";
        Buyers.ImportResult r = buyers.importCsv(reviewer, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.possibleDuplicates()).containsExactly("AE0000006");
    }
}
