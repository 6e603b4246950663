package cn.creditwindow.buyers;

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
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuyersTest {
    @TempDir
    Path dir;
    private Database db;
    private Buyers buyers;
    private Principal shenzhen;
    private Principal henan;
    private Principal reviewer;

    private static Principal principal(Accounts accounts, String name, Role role, Long enterpriseId) {
        long id = accounts.createUser(new Accounts.NewUser(name, "password-1", name, role, enterpriseId, null, null)).id();
        return new Principal(id, name, name, role, enterpriseId, Set.of(), null);
    }

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("t.db"));
        TestClock clock = TestClock.at2026();
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        Enterprise a = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳示例", null, null));
        Enterprise b = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州示例", null, null));
        shenzhen = principal(accounts, "sz-op", Role.OPERATOR, a.id());
        henan = principal(accounts, "hn-op", Role.OPERATOR, b.id());
        reviewer = principal(accounts, "rev-1", Role.REVIEWER, null);
        buyers = new Buyers(db, Countries.load(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void foldsNamesSoLegalFormsCaseAndPunctuationDoNotMatter() {
        assertThat(BuyerNames.key("ACME Trading Co., Ltd.")).isEqualTo("acme trading");
        assertThat(BuyerNames.key("Acme Trading Company Limited")).isEqualTo("acme trading");
        assertThat(BuyerNames.key("Al-Futtaim & Sons L.L.C.")).isEqualTo("al futtaim and sons");
        assertThat(BuyerNames.key("Société Générale S.A.")).isEqualTo("societe generale");
        assertThat(BuyerNames.key("Gulf Star FZ-LLC")).isEqualTo("gulf star");
    }

    @Test
    void codesAreByCountryAndLookalikesAreFlagged() {
        Buyer first = buyers.add(reviewer, new Buyers.NewBuyer("Desert Rose Trading LLC", null, "阿联酋", "Dubai", "DXB-1"));
        assertThat(first.code()).isEqualTo("AE0000001");
        assertThat(first.fromInsurer()).isTrue();
        Buyer second = buyers.add(shenzhen, new Buyers.NewBuyer("DESERT ROSE TRADING CO., LTD", null, "AE", null, null));
        assertThat(second.code()).isEqualTo("AE0000002");
        assertThat(second.possibleDuplicateOf()).isEqualTo(first.id());
        assertThat(second.addedByEnterpriseId()).isEqualTo(shenzhen.enterpriseId());
        Buyer german = buyers.add(shenzhen, new Buyers.NewBuyer("Kessler Maschinen GmbH", null, "DE", null, "HRB 1"));
        assertThat(german.code()).isEqualTo("DE0000001");
        assertThat(german.possibleDuplicateOf()).isNull();
    }

    @Test
    void anEnterprisesBuyerIsItsOwnTheInsurersAreEveryones() {
        Buyer insurers = buyers.add(reviewer, new Buyers.NewBuyer("Desert Rose Trading LLC", null, "AE", null, null));
        Buyer own = buyers.add(shenzhen, new Buyers.NewBuyer("Kessler Maschinen GmbH", null, "DE", null, null));
        assertThat(buyers.find(henan, insurers.id()).code()).isEqualTo("AE0000001");
        assertThat(buyers.find(shenzhen, own.id()).nameEn()).isEqualTo("Kessler Maschinen GmbH");
        assertThat(buyers.find(reviewer, own.id()).nameEn()).isEqualTo("Kessler Maschinen GmbH");
        assertThatThrownBy(() -> buyers.find(henan, own.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> buyers.find(henan, 12345)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anImportNamesACodeTakenAlreadyWithTheFilesOtherBadRows() { // #13
        buyers.importCsv(reviewer, ("code,name_en,name_zh,country,address,registration_no\n"
                + "AE0000012,Desert Rose Trading LLC,,AE,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] file = ("code,name_en,name_zh,country,address,registration_no\n"
                + "AE0000012,Oasis Imports LLC,,AE,,\n"
                + ",Harbour Light Trading Ltd,,Atlantis,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> buyers.importCsv(reviewer, file)).isInstanceOfSatisfying(
                cn.creditwindow.validation.InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(cn.creditwindow.validation.FieldError::field)
                        .containsExactly("line 2: code", "line 3: country"));
        long count = db.read(tx -> tx.number("SELECT COUNT(*) FROM buyers"));
        assertThat(count).isEqualTo(1);
    }

    @Test
    void aCountrysNextCodeFollowsAnImportedOne() { // #17: the country's counter moves up with an imported code
        buyers.importCsv(reviewer, ("code,name_en,name_zh,country,address,registration_no\n"
                + "AE0000012,Desert Rose Trading LLC,,AE,,\n"
                + "AE0000007,Oasis Imports LLC,,AE,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(buyers.add(shenzhen, new Buyers.NewBuyer("Gulf Star Trading LLC", null, "AE", null, null)).code())
                .isEqualTo("AE0000013");
        assertThat(buyers.add(shenzhen, new Buyers.NewBuyer("Kessler Maschinen GmbH", null, "DE", null, null)).code())
                .isEqualTo("DE0000001");
    }

    @Test
    void badBuyersAreRefusedFieldByFieldAndNothingIsSaved() {
        assertThatThrownBy(() -> buyers.add(shenzhen, new Buyers.NewBuyer("Co., Ltd.", null, "Atlantis", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("nameEn", "country"));
        assertThatThrownBy(() -> buyers.add(shenzhen, new Buyers.NewBuyer("迪拜贸易", null, "CN", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("nameEn", "country"));
        long count = db.read(tx -> tx.number("SELECT COUNT(*) FROM buyers"));
        assertThat(count).isZero();
    }
}
