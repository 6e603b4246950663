package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("sub/folder/t.db"));
    }

    @AfterEach
    void close() {
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
    void migratesAFreshFileAndAgainWithoutChange() {
        db.close();
        db = Database.openFile(dir.resolve("sub/folder/t.db"));
        long migrations = db.read(tx -> tx.number("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"));
        assertThat(migrations).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM enterprises")).isZero();
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
                    assertThat(e.names("enterprises.uscc")).isTrue();
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
        java.util.List<Long> seen = new java.util.ArrayList<>();
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
}
