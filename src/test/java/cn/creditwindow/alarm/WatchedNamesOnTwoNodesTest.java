package cn.creditwindow.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes' watched names on one database (#17): a watch added or ended through one node changes what the other
 * finds in its next article. SQLite here; PostgreSQL in {@link WatchedNamesOnTwoNodesPostgresIT}.
 */
class WatchedNamesOnTwoNodesTest {
    @TempDir
    Path dir;
    private Database db;
    private Watches watches;
    private WatchedNames onA;
    private WatchedNames onB;
    private Principal shenzhen;
    private Buyer desertRose;

    /** The database both nodes open. */
    Database database(Path dir) {
        return Database.openFile(dir.resolve("t.db"));
    }

    @BeforeEach
    void open() {
        db = database(dir);
        TestClock clock = TestClock.at2026();
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        Enterprise sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳示例", null, null));
        long user = accounts.createUser(new Accounts.NewUser("sz-op", "password-1", "sz-op", Role.OPERATOR, sz.id(),
                null, null)).id();
        shenzhen = new Principal(user, "sz-op", "sz-op", Role.OPERATOR, sz.id(), Set.of(), null);
        desertRose = new Buyers(db, Countries.load(), clock).add(shenzhen,
                new Buyers.NewBuyer("Desert Rose Trading LLC", "沙漠玫瑰贸易有限责任公司", "AE", null, null));
        onA = new WatchedNames(db);
        onB = new WatchedNames(db);
        watches = new Watches(db, clock); // writes only the table: the same on every node
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<Long> named(WatchedNames names, String text) {
        return names.scan(text).stream().map(WatchedNames.Found::buyerId).toList();
    }

    @Test
    void aWatchAddedOrEndedThroughOneNodeChangesWhatTheOtherFinds() { // #17
        String title = "Dubai court: Desert Rose Trading files for bankruptcy";
        assertThat(named(onA, title)).isEmpty();
        assertThat(named(onB, title)).isEmpty();
        watches.watch(shenzhen, desertRose.id());
        assertThat(named(onB, title)).containsExactly(desertRose.id());
        assertThat(named(onB, "沙漠玫瑰贸易公司破产")).containsExactly(desertRose.id());
        assertThat(named(onA, title)).containsExactly(desertRose.id());
        watches.unwatch(shenzhen, desertRose.id());
        assertThat(named(onB, title)).isEmpty();
    }

    @Test
    void aSnapshotScansABatchAsWatchedWhenItWasTaken() { // #17
        WatchedNames.Snapshot before = onB.current();
        watches.watch(shenzhen, desertRose.id());
        assertThat(before.scan("Desert Rose Trading")).isEmpty();
        assertThat(onB.current().scan("Desert Rose Trading")).hasSize(1);
        assertThat(onB.current()).as("unchanged watches: the same snapshot").isSameAs(onB.current());
    }
}
