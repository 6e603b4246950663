package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
