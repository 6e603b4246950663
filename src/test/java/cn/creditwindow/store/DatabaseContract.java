package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the store does the same on each database (#17): SQLite runs these as {@link DatabaseTest}, PostgreSQL as
 * {@link PostgresDatabaseIT}. Each test starts from a fresh, migrated database.
 */
abstract class DatabaseContract {
    protected Database db;

    /** A fresh database of the kind under test, migrated. */
    protected abstract Database open();

    /** The same database again, opened a second time (its schema already migrated). */
    protected abstract Database reopen();

    /** What this database reports when the unique index on enterprises.uscc refuses a row. */
    protected abstract String usccUniqueConstraint();

    @BeforeEach
    void openDatabase() {
        db = open();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private long count(String sql, Object... args) {
        return db.read(tx -> tx.number(sql, args));
    }

    private long enterprise(Tx tx, String uscc) {
        return tx.insert("INSERT INTO enterprises (uscc, name_zh, division_code, created_at) VALUES (?, ?, ?, ?)",
                uscc, "示例", "440306", Instant.parse("2026-11-20T02:00:00Z"));
    }

    @Test
    void migratesAFreshDatabaseAndAgainWithoutChange() {
        db.close();
        db = reopen();
        long migrations = db.read(tx -> tx.number("SELECT COUNT(*) FROM flyway_schema_history WHERE success"));
        assertThat(migrations).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM enterprises")).isZero();
    }

    @Test
    void textIsStoredAndLookedUpWithoutNulCharacters() {
        // PostgreSQL refuses U+0000 in text: a form field carrying one must not end in a 500 on one database only
        long id = db.inTransaction(tx -> tx.insert("INSERT INTO enterprises (uscc, name_zh, division_code, created_at)"
                + " VALUES (?, ?, ?, ?)", "914403065X7D8E2A1J", "示例\0公司", "440306", Instant.parse("2026-11-20T02:00:00Z")));
        java.util.Optional<String> stored = db.read(tx -> tx.one("SELECT name_zh FROM enterprises WHERE id = ?",
                r -> r.string("name_zh"), id));
        long found = db.read(tx -> tx.number("SELECT COUNT(*) FROM enterprises WHERE name_zh = ?", "示例\0公司"));
        assertThat(stored).contains("示例公司");
        assertThat(found).isEqualTo(1);
    }

    @Test
    void aThrowingTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            enterprise(tx, "914403065X7D8E2A1J");
            throw new IllegalStateException("half-way");
        })).hasMessage("half-way");
        assertThat(count("SELECT COUNT(*) FROM enterprises")).isZero();
    }

    @Test
    void uniqueConstraintsAreReportedByName() {
        db.inTransaction(tx -> enterprise(tx, "914403065X7D8E2A1J"));
        assertThatThrownBy(() -> db.inTransaction(tx -> enterprise(tx, "914403065X7D8E2A1J")))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE);
                    assertThat(e.names(usccUniqueConstraint())).isTrue();
                });
        assertThat(count("SELECT COUNT(*) FROM enterprises")).isEqualTo(1);
    }

    @Test
    void aViolationNamesOnlyTheConstraintTheDatabaseReports() { // #15
        db.inTransaction(tx -> enterprise(tx, "914403065X7D8E2A1J"));
        // the statement names uscc, but what fails is name_zh's NOT NULL: the refusal must not be taken for uscc's
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.insert("INSERT INTO enterprises (uscc, name_zh,"
                + " division_code, created_at) VALUES (?, NULL, ?, ?)", "914403037M5N8Q2W4C", "440306",
                Instant.parse("2026-11-20T02:00:00Z"))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.NOT_NULL);
                    assertThat(e.constraint()).isEqualTo("enterprises.name_zh");
                    assertThat(e.names("enterprises.name_zh")).isTrue();
                    assertThat(e.names("uscc")).isFalse();
                    assertThat(e.names("enterprises")).isFalse();
                });
        assertThatThrownBy(() -> db.inTransaction(tx -> enterprise(tx, "914403065X7D8E2A1J")))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.names("name_zh")).isFalse());
    }

    @Test
    void theReportedConstraintIsReadFromEitherDatabasesMessage() { // #15
        assertThat(ConstraintViolationException.reported("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed"
                + " (UNIQUE constraint failed: policies.enterprise_id)")).isEqualTo("policies.enterprise_id");
        assertThat(ConstraintViolationException.reported("[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed"
                + " (CHECK constraint failed: ck_credit_quotas_used)")).isEqualTo("ck_credit_quotas_used");
        assertThat(ConstraintViolationException.reported("[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint"
                + " failed (FOREIGN KEY constraint failed)")).isEmpty();
        assertThat(ConstraintViolationException.reported("ERROR: duplicate key value violates unique constraint"
                + " \"ux_policies_active\"\n  Detail: Key (enterprise_id)=(1) already exists."))
                .isEqualTo("ux_policies_active");
        assertThat(ConstraintViolationException.reported("ERROR: null value in column \"name_zh\" of relation"
                + " \"enterprises\" violates not-null constraint")).isEqualTo("enterprises.name_zh");
    }

    @Test
    void foreignKeysAndStrictTypesAreEnforced() {
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.insert("INSERT INTO users (username, password_hash,"
                + " display_name, role, enterprise_id, created_at) VALUES ('a1b', 'x', 'n', 'OPERATOR', 999, 't')")))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.FOREIGN_KEY));
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.update("INSERT INTO users (username, password_hash,"
                + " display_name, role, failed_logins, created_at) VALUES ('a2b', 'x', 'n', 'ADMIN', 'many', 't')")))
                .isInstanceOf(RuntimeException.class);
        assertThat(count("SELECT COUNT(*) FROM users")).isZero();
    }

    @Test
    void valuesRoundTripInTheirPortableForm() {
        Instant t = Instant.parse("2026-11-20T02:00:00.123456Z");
        long id = db.inTransaction(tx -> enterprise(tx, "914403065X7D8E2A1J"));
        db.inTransaction(tx -> tx.update("UPDATE enterprises SET created_at = ? WHERE id = ?", t, id));
        String stored = db.read(tx -> tx.one("SELECT created_at FROM enterprises", r -> r.string("created_at")).orElseThrow());
        assertThat(stored).isEqualTo("2026-11-20T02:00:00.123Z");
        Instant read = db.read(tx -> tx.one("SELECT created_at FROM enterprises", r -> r.instant("created_at")).orElseThrow());
        assertThat(read).isEqualTo(Instant.parse("2026-11-20T02:00:00.123Z"));
        LocalDate day = db.read(tx -> tx.one("SELECT ? AS d", r -> r.date("d"), LocalDate.of(2024, 6, 30)).orElseThrow());
        assertThat(day).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    // mail: the outbox wakes the mail dispatcher with Tx.afterCommit
    @Test
    void afterCommitActionsRunOnceCommittedAndSeeTheRowsNeverOnRollback() {
        List<Long> seen = new ArrayList<>();
        db.inTransaction(tx -> {
            enterprise(tx, "914403065X7D8E2A1J");
            tx.afterCommit(() -> seen.add(count("SELECT COUNT(*) FROM enterprises")));
            assertThat(seen).isEmpty();
            return null;
        });
        assertThat(seen).containsExactly(1L);
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            enterprise(tx, "91410105MA00000016");
            tx.afterCommit(() -> seen.add(-1L));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(seen).containsExactly(1L);
        assertThatThrownBy(() -> db.read(tx -> {
            tx.afterCommit(() -> seen.add(-2L));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inTransaction");
    }

    @Test
    void aCounterCountsFromOneForEachNameAndARollbackGivesItsNumberAgain() { // #17
        List<Long> first = db.inTransaction(tx -> List.of(tx.nextValue("a:1"), tx.nextValue("a:1"),
                tx.nextValue("a:2")));
        assertThat(first).containsExactly(1L, 2L, 1L);
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            assertThat(tx.nextValue("a:1")).isEqualTo(3);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        long again = db.inTransaction(tx -> tx.nextValue("a:1"));
        assertThat(again).isEqualTo(3);
        assertThatThrownBy(() -> db.read(tx -> tx.nextValue("a:1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inTransaction");
    }

    @Test
    void aCounterAdvancedToANumberTakenWithoutItGoesOnAboveIt() { // #17
        db.inTransaction(tx -> {
            tx.nextValue("b");
            tx.advanceCounter("b", 41);
            tx.advanceCounter("b", 7); // never down
            tx.advanceCounter("c", 5); // a counter that had no number yet
            return null;
        });
        List<Long> next = db.inTransaction(tx -> List.of(tx.nextValue("b"), tx.nextValue("c")));
        assertThat(next).containsExactly(42L, 6L);
    }

    @Test
    void countersGiveEachNumberOnceToWritersAtTheSameTime() throws Exception { // #17
        int threads = 8;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(() -> {
                    for (int i = 0; i < each; i++) {
                        // the number, then more work in the same transaction, as a serial number's writer does
                        db.inTransaction(tx -> {
                            long n = tx.nextValue("serial:2026");
                            tx.update("INSERT INTO counters (name, value) VALUES (?, ?)", "taken:" + n, n);
                            return taken.add(n);
                        });
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(taken).hasSize(threads * each).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        long rows = db.read(tx -> tx.number("SELECT COUNT(*) FROM counters WHERE name LIKE 'taken:%'"));
        assertThat(rows).isEqualTo(threads * each);
    }

    @Test
    void theOwnersLockLetsReadCheckWriteFlowsTakeTheLastUnitsOnlyOnce() throws Exception { // #17
        long owner = db.inTransaction(tx -> enterprise(tx, "914403065X7D8E2A1J"));
        db.inTransaction(tx -> tx.update("INSERT INTO counters (name, value) VALUES ('slots', 1)"));
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Boolean> took = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                work.add(() -> {
                    // read, check, write: three slots, the value read decides the value written
                    took.add(db.inTransaction(tx -> {
                        tx.lock("enterprises", owner);
                        long used = tx.number("SELECT value FROM counters WHERE name = 'slots'");
                        if (used >= 4) { // from 1 (a counter's first value) to 4
                            return false;
                        }
                        tx.update("UPDATE counters SET value = ? WHERE name = 'slots'", used + 1);
                        return true;
                    }));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(took.stream().filter(b -> b).count()).isEqualTo(3);
        assertThat(count("SELECT value FROM counters WHERE name = 'slots'")).isEqualTo(4);
    }

    @Test
    void aLockIsRefusedOutsideATransactionAndForANameThatIsNoTable() {
        assertThatThrownBy(() -> db.read(tx -> {
            tx.lock("enterprises", 1);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            tx.lock("enterprises; DROP TABLE users", 1);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
