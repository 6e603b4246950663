package cn.creditwindow.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes' scheme catalogues on one database (#17): a scheme added through one is offered by the other at its
 * next request, and two clashing schemes added at once through both are not both kept. SQLite here; PostgreSQL in
 * {@link SchemeCatalogueOnTwoNodesPostgresIT}.
 */
class SchemeCatalogueOnTwoNodesTest {
    @TempDir
    Path dir;
    private Database db;
    private SchemeCatalogue a;
    private SchemeCatalogue b;
    private Principal admin;
    private String demo;

    /** The database both nodes open. */
    Database database(Path dir) {
        return Database.openFile(dir.resolve("t.db"));
    }

    @BeforeEach
    void open() throws IOException {
        db = database(dir);
        TestClock clock = TestClock.at2026();
        long id = new Accounts(db, new Passwords(4), clock).createUser(new Accounts.NewUser("admin-1", "password-1",
                "admin-1", Role.ADMIN, null, null, null)).id();
        admin = new Principal(id, "admin-1", "admin-1", Role.ADMIN, null, Set.of(), null);
        a = new SchemeCatalogue(db, Schemes.load(), clock);
        b = new SchemeCatalogue(db, Schemes.load(), clock);
        try (InputStream in = SchemeCatalogue.class.getResourceAsStream("/demo/shenzhen-demo-2026.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSchemeAddedThroughOneNodeIsOfferedByTheOther() { // #17
        assertThat(b.current().byId("shenzhen-demo-2026")).isEmpty();
        a.add(admin, demo.getBytes(StandardCharsets.UTF_8));
        assertThat(b.current().byId("shenzhen-demo-2026")).isPresent();
        assertThat(b.list()).filteredOn(l -> l.added() != null).extracting(l -> l.scheme().id())
                .containsExactly("shenzhen-demo-2026");
        assertThat(b.current().schemeFor("440306", new java.math.BigDecimal("1000000"),
                java.time.LocalDate.parse("2026-08-01"))).map(Scheme::id).contains("shenzhen-demo-2026");
    }

    @Test
    void twoClashingSchemesAddedAtOnceThroughBothNodesAreNotBothKept() throws Exception { // #17
        byte[] one = demo.replace("shenzhen-demo-2026", "shenzhen-demo-2026-a").getBytes(StandardCharsets.UTF_8);
        byte[] other = demo.replace("shenzhen-demo-2026", "shenzhen-demo-2026-b").getBytes(StandardCharsets.UTF_8);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Scheme>> adds = List.of(() -> {
            together.await();
            return a.add(admin, one);
        }, () -> {
            together.await();
            return b.add(admin, other);
        });
        List<Throwable> refused = new ArrayList<>();
        try {
            for (Future<Scheme> f : pool.invokeAll(adds, 60, TimeUnit.SECONDS)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("overlaps");
        long kept = db.read(tx -> tx.number("SELECT COUNT(*) FROM added_schemes"));
        assertThat(kept).isOne();
    }
}
