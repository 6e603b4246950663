package cn.creditwindow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The relational store: a small connection pool over a JDBC data source whose schema Flyway has
 * migrated to the latest version ({@code src/main/resources/db/migration}).
 *
 * <p>Writes happen only through {@link #inTransaction}: one explicit transaction, committed when the
 * work returns and rolled back when it throws. On SQLite a write transaction starts with
 * {@code BEGIN IMMEDIATE}, so two writers queue for the file lock (up to the busy timeout) instead of
 * one failing when it upgrades a read lock; readers run beside the writer (write-ahead log). Every
 * connection enforces foreign keys.
 *
 * <p>Thread-safe. Closing it closes the pool.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 15_000;

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens (creating it and its folder if needed) the SQLite file and migrates it. */
    public static Database openFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating the folder of database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        source.setUrl(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(source);
        hikari.setPoolName("store");
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(BUSY_TIMEOUT_MS * 2L);
        return migrated(new HikariDataSource(hikari), Dialect.SQLITE);
    }

    private static Database migrated(HikariDataSource pool, Dialect dialect) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(dialect.migrationLocations())
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pooled data source, for tools that need one (migrations, tests). */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs {@code work} in one transaction and returns its result: committed when it returns, rolled back
     * when it throws (the exception is rethrown; a broken database constraint as
     * {@link ConstraintViolationException}, other SQL failures as {@link StoreException}). Actions registered
     * with {@link Tx#afterCommit} run after the commit, before this returns.
     */
    public <T> T inTransaction(Work<T> work) {
        Tx tx;
        T result;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            tx = new Tx(c, true);
            try {
                result = work.run(tx);
                c.commit();
            } catch (Throwable e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.wrap(e, "transaction");
        }
        tx.committed(); // after the connection is back in the pool: the actions may read what was committed
        return result;
    }

    /** Runs read-only {@code work} outside a write transaction (each statement sees committed data). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(new Tx(c, false));
        } catch (SQLException e) {
            throw StoreException.wrap(e, "read");
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Work done with a {@link Tx}; may throw any unchecked exception to roll back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx);
    }
}
