package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.validation.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** #17: {@link DatabaseContract} on a real PostgreSQL ({@link TestPostgres}), a fresh database for each test. */
class PostgresDatabaseIT extends DatabaseContract {
    private String url;

    @Override
    protected Database open() {
        url = TestPostgres.emptyDatabase(); // each test migrates its own
        return reopen();
    }

    @Override
    protected Database reopen() {
        return Database.open(url, TestPostgres.USER, null, 4);
    }

    @Override
    protected String usccUniqueConstraint() {
        return "ux_enterprises_uscc"; // PostgreSQL names the constraint
    }

    @Test
    void opensAPostgresqlUrlOnItsDialect() {
        assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
        String isolation = db.inTransaction(tx -> tx.one("SHOW transaction_isolation",
                r -> r.string("transaction_isolation")).orElseThrow());
        assertThat(isolation).isEqualTo("read committed");
    }

    @Test
    void aPoolOfOneConnectionMigratesAFreshDatabase() { // Flyway holds two connections on PostgreSQL, none of the pool's
        Database small = Database.open(TestPostgres.emptyDatabase(), TestPostgres.USER, null, 1);
        try {
            long enterprises = small.inTransaction(tx -> tx.number("SELECT COUNT(*) FROM enterprises"));
            assertThat(enterprises).isZero();
        } finally {
            small.close();
        }
    }

    @Test
    void aPoolOfNoConnectionIsRefused() {
        assertThatThrownBy(() -> Database.open(url, TestPostgres.USER, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool size");
    }

    @Test
    void aDeadlockIsRefusedAsAConflictToTryAgainAndTheOtherTransactionCommits() throws Exception { // #17
        List<Long> ids = db.inTransaction(tx -> List.of(
                tx.insert("INSERT INTO enterprises (uscc, name_zh, division_code, created_at) VALUES (?, ?, ?, ?)",
                        "914403065X7D8E2A1J", "甲", "440306", Instant.parse("2026-11-20T02:00:00Z")),
                tx.insert("INSERT INTO enterprises (uscc, name_zh, division_code, created_at) VALUES (?, ?, ?, ?)",
                        "914403065X7D8E2A2K", "乙", "440306", Instant.parse("2026-11-20T02:00:00Z"))));
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // against the rule (owners in one order): each locks one, then the other's
            List<Callable<String>> crossed = List.of(crossing(ids.get(0), ids.get(1), bothHoldOne),
                    crossing(ids.get(1), ids.get(0), bothHoldOne));
            int committed = 0;
            ConflictException refused = null;
            for (Future<String> f : pool.invokeAll(crossed)) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    committed++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    refused = (ConflictException) e.getCause();
                }
            }
            assertThat(committed).isEqualTo(1);
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("try again");
            assertThat(refused.zh()).contains("请重试");
        } finally {
            pool.shutdown();
        }
        long renamed = db.read(tx -> tx.number("SELECT COUNT(*) FROM enterprises WHERE name_zh LIKE '%改'"));
        assertThat(renamed).isEqualTo(2); // the one that committed renamed both; the other left nothing
    }

    private Callable<String> crossing(long first, long second, CyclicBarrier bothHoldOne) {
        return () -> db.inTransaction(tx -> {
            tx.lock("enterprises", first);
            tx.update("UPDATE enterprises SET name_zh = name_zh || '改' WHERE id = ?", first);
            try {
                bothHoldOne.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
            tx.lock("enterprises", second);
            tx.update("UPDATE enterprises SET name_zh = name_zh || '改' WHERE id = ?", second);
            return "done";
        });
    }
}
