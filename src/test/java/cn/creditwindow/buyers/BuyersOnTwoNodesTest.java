package cn.creditwindow.buyers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes' buyer directories on one database (#17): each {@link Buyers} keeps its own search index, and a buyer
 * added through one is found through the other at its next search, however it was added. SQLite here; PostgreSQL in
 * {@link BuyersOnTwoNodesPostgresIT}.
 */
class BuyersOnTwoNodesTest {
    @TempDir
    Path dir;
    private Database db;
    private Countries countries;
    private Buyers a;
    private Buyers b;
    private Principal shenzhen;
    private Principal reviewer;

    /** The database both nodes open. */
    Database database(Path dir) {
        return Database.openFile(dir.resolve("t.db"));
    }

    private static Principal principal(Accounts accounts, String name, Role role, Long enterpriseId) {
        long id = accounts.createUser(new Accounts.NewUser(name, "password-1", name, role, enterpriseId, null, null)).id();
        return new Principal(id, name, name, role, enterpriseId, Set.of(), null);
    }

    @BeforeEach
    void open() {
        db = database(dir);
        TestClock clock = TestClock.at2026();
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        Enterprise sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳示例", null, null));
        shenzhen = principal(accounts, "sz-op", Role.OPERATOR, sz.id());
        reviewer = principal(accounts, "rev-1", Role.REVIEWER, null);
        countries = Countries.load();
        a = new Buyers(db, countries, clock);
        b = new Buyers(db, countries, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> found(Buyers node, Principal who, String q) {
        return node.search(who, new Buyers.Query(q, null, null)).items().stream().map(h -> h.buyer().nameEn()).toList();
    }

    @Test
    void aBuyerAddedThroughOneNodeIsFoundThroughTheOther() { // #17
        assertThat(found(b, shenzhen, "Desert Rose")).isEmpty();
        a.add(shenzhen, new Buyers.NewBuyer("Desert Rose Trading LLC", "沙漠玫瑰贸易有限责任公司", "AE", null, null));
        assertThat(found(b, shenzhen, "Desert Rose")).containsExactly("Desert Rose Trading LLC");
        assertThat(found(b, shenzhen, "沙漠玫瑰")).containsExactly("Desert Rose Trading LLC");
        // added inside another record's transaction (a claim naming a new buyer), and imported by the insurer
        db.inTransaction(tx -> a.add(tx, shenzhen, countries.find("DE").orElseThrow(),
                new Buyers.NewBuyer("Kessler Maschinen GmbH", null, "DE", null, null)));
        a.importCsv(reviewer, ("name_en,country\nFalcon Crest Electronics FZE,AE\nRio Verde Importadora Ltda,BR\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(found(b, shenzhen, "Kessler Maschinen")).containsExactly("Kessler Maschinen GmbH");
        assertThat(found(b, shenzhen, "Falcon Crest")).containsExactly("Falcon Crest Electronics FZE");
        assertThat(found(b, shenzhen, "Rio Verde")).containsExactly("Rio Verde Importadora Ltda");
        // and the other way round, a typo forgiven as on the node that added it
        b.add(reviewer, new Buyers.NewBuyer("Golden Harvest Foods Pte Ltd", null, "SG", null, null));
        assertThat(found(a, shenzhen, "Golden Harvst Foods")).containsExactly("Golden Harvest Foods Pte Ltd");
    }

    @Test
    void aNodeStartedLaterLoadsTheWholeDirectoryThenOnlyWhatIsAdded() { // #17
        a.add(reviewer, new Buyers.NewBuyer("Desert Rose Trading LLC", null, "AE", null, null));
        Buyers late = new Buyers(db, countries, TestClock.at2026());
        assertThat(found(late, reviewer, "Desert Rose")).containsExactly("Desert Rose Trading LLC");
        // a row changed behind the directory's back, without a change recorded: catching up does not read it again
        db.inTransaction(tx -> tx.update("UPDATE buyers SET name_en = 'Renamed Quietly Ltd'"));
        a.add(reviewer, new Buyers.NewBuyer("Kessler Maschinen GmbH", null, "DE", null, null));
        assertThat(found(late, reviewer, "Kessler Maschinen")).containsExactly("Kessler Maschinen GmbH");
        assertThat(found(late, reviewer, "Renamed Quietly")).as("the index was not reloaded").isEmpty();
    }
}
