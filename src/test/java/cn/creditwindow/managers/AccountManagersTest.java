package cn.creditwindow.managers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which managers an enterprise is shown, on a real database file: the most specific portfolio match by division code
 * (named enterprise, then district, city, province), ties all shown, and the office phones an administrator sets.
 */
class AccountManagersTest {
    @TempDir
    Path dir;
    Database db;
    Accounts accounts;
    AccountManagers managers;
    /** Shenzhen Nanshan, division 440305. */
    Enterprise nanshan;
    /** Shenzhen Futian, division 440304. */
    Enterprise futian;
    /** Zhengzhou, division 410105: no manager covers Henan. */
    Enterprise zhengzhou;

    @BeforeEach
    void setUp() {
        db = Database.openFile(dir.resolve("managers.db"));
        TestClock clock = TestClock.at2026();
        accounts = new Accounts(db, new Passwords(4), clock);
        managers = new AccountManagers(db, ServiceLines.load(), clock);
        nanshan = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳南山测试公司", null, "440305"));
        futian = accounts.createEnterprise(new Accounts.NewEnterprise("914403037M5N8Q2W4C", "深圳福田测试公司", null, "440304"));
        zhengzhou = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州测试公司", null, "410105"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Principal user(String name, Role role, Long enterpriseId) {
        User u = accounts.createUser(new Accounts.NewUser(name, "test-pass-2026", "测试" + name, role, enterpriseId,
                role == Role.ACCOUNT_MANAGER ? "1390000" + String.format("%04d", name.length()) : null,
                role == Role.ACCOUNT_MANAGER ? name + "@insurer.example.cn" : null));
        return new Principal(u.id(), u.username(), u.displayName(), role, enterpriseId, Set.of(), null);
    }

    private Principal manager(String name, List<String> districts, List<Long> enterprises) {
        Principal m = user(name, Role.ACCOUNT_MANAGER, null);
        accounts.addToPortfolio(m.userId(), Input.of(new Accounts.Portfolio(districts, enterprises)));
        return m;
    }

    private List<ManagerContact> found(Enterprise e) {
        return db.read(tx -> AccountManagers.resolve(tx, e.id()));
    }

    private List<String> resolved(Enterprise e) {
        return found(e).stream().map(ManagerContact::name).toList();
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    @Test
    void theLongestMatchingDivisionCodeWins() {
        manager("guangdong", List.of("44"), List.of());
        manager("shenzhen", List.of("4403"), List.of());
        manager("nanshan", List.of("440305"), List.of());
        assertThat(resolved(nanshan)).containsExactly("测试nanshan");
        assertThat(resolved(futian)).containsExactly("测试shenzhen");
        assertThat(resolved(zhengzhou)).isEmpty();
    }

    @Test
    void aManagerWhoNamesTheEnterpriseComesBeforeAnyDistrict() {
        manager("nanshan", List.of("440305"), List.of());
        manager("named", List.of(), List.of(nanshan.id()));
        assertThat(resolved(nanshan)).containsExactly("测试named");
        assertThat(resolved(futian)).isEmpty();
    }

    @Test
    void managersAtTheSameLevelAreAllShownOnceEachInIdOrder() {
        Principal a = manager("a-city", List.of("4403"), List.of());
        Principal b = manager("b-city", List.of("44", "4403"), List.of());
        manager("province", List.of("44"), List.of());
        List<ManagerContact> found = found(futian);
        assertThat(found).extracting(ManagerContact::id).containsExactly(a.userId(), b.userId());
        assertThat(found.get(0).email()).isEqualTo("a-city@insurer.example.cn");
        assertThat(found.get(0).officePhone()).isNull();
    }

    @Test
    void onlyAccountManagersPortfoliosCount() {
        Principal m = manager("shenzhen", List.of("4403"), List.of());
        // a reviewer with a stray district row is no account manager and is not shown
        Principal reviewer = user("reviewer", Role.REVIEWER, null);
        db.inTransaction(tx -> tx.update("INSERT INTO manager_districts (manager_id, division_code) VALUES (?, '440305')",
                reviewer.userId()));
        assertThat(found(nanshan)).extracting(ManagerContact::id)
                .containsExactly(m.userId());
    }

    @Test
    void theCardCarriesTheServiceLinesFromTheBundledFile() {
        manager("shenzhen", List.of("4403"), List.of());
        Principal legal = user("legal", Role.LEGAL_REPRESENTATIVE, nanshan.id());
        ManagerCard card = managers.mine(legal);
        assertThat(card.managers()).extracting(ManagerContact::name).containsExactly("测试shenzhen");
        assertThat(card.claimsHotline()).isEqualTo("0755-00000700");
        assertThat(card.enquiryHotline()).isEqualTo("0755-00000355");
        assertThat(managers.lines()).isEqualTo(new ServiceLines("0755-00000700", "0755-00000355"));
    }

    @Test
    void anEnterpriseWithoutManagersGetsAnEmptyCardWithTheHotlines() {
        Principal legal = user("legal", Role.LEGAL_REPRESENTATIVE, zhengzhou.id());
        ManagerCard card = managers.mine(legal);
        assertThat(card.managers()).isEmpty();
        assertThat(card.claimsHotline()).isEqualTo("0755-00000700");
    }

    @Test
    void staffHaveNoAccountManagersOfTheirOwn() {
        Principal reviewer = user("reviewer", Role.REVIEWER, null);
        assertThatThrownBy(() -> managers.mine(reviewer)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("only an enterprise's people");
    }

    @Test
    void theCardOfAnotherEnterpriseIsNotFound() {
        Principal legal = user("legal", Role.LEGAL_REPRESENTATIVE, nanshan.id());
        assertThatThrownBy(() -> managers.card(legal, futian.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("enterprise " + futian.id() + " not found");
        Principal shenzhen = manager("shenzhen", List.of("4403"), List.of());
        assertThat(managers.card(shenzhen, futian.id()).managers()).extracting(ManagerContact::id)
                .containsExactly(shenzhen.userId());
        assertThatThrownBy(() -> managers.card(shenzhen, zhengzhou.id())).isInstanceOf(NotFoundException.class);
        assertThat(managers.card(user("reviewer", Role.REVIEWER, null), zhengzhou.id()).managers()).isEmpty();
    }

    @Test
    void anOfficePhoneIsSetThenReplacedAndShownOnTheCard() {
        Principal m = manager("shenzhen", List.of("4403"), List.of());
        assertThat(managers.setOfficePhone(m.userId(), Input.of(" 0755-12345678 ")).officePhone())
                .isEqualTo("0755-12345678");
        ManagerContact changed = managers.setOfficePhone(m.userId(), Input.of("075512345678-801"));
        assertThat(changed.officePhone()).isEqualTo("075512345678-801");
        assertThat(changed.name()).isEqualTo("测试shenzhen");
        assertThat(count("SELECT COUNT(*) FROM manager_contacts")).isEqualTo(1);
        assertThat(resolved(futian)).containsExactly("测试shenzhen");
        assertThat(found(futian).get(0).officePhone())
                .isEqualTo("075512345678-801");
    }

    @Test
    void aMissingOrMobileOfficePhoneIsRefusedInBothLanguages() {
        Principal m = manager("shenzhen", List.of("4403"), List.of());
        for (String bad : new String[] {null, "  ", "13800000000", "755-1234567", "0755-123"}) {
            assertThatThrownBy(() -> managers.setOfficePhone(m.userId(), Input.of(bad))).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("officePhone");
                        assertThat(e.errors().get(0).zh()).isNotBlank();
                        assertThat(e.errors().get(0).en()).isNotBlank();
                    });
        }
        assertThat(count("SELECT COUNT(*) FROM manager_contacts")).isZero();
    }

    @Test
    void anOfficePhoneForSomeoneWhoIsNoAccountManagerIsNotFound() {
        Principal reviewer = user("reviewer", Role.REVIEWER, null);
        assertThatThrownBy(() -> managers.setOfficePhone(reviewer.userId(), Input.of("0755-12345678")))
                .isInstanceOf(NotFoundException.class).hasMessage("account manager " + reviewer.userId() + " not found");
        assertThatThrownBy(() -> managers.setOfficePhone(9999, Input.of("0755-12345678")))
                .isInstanceOf(NotFoundException.class);
    }
}
