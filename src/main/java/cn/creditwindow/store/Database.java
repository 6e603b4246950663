package cn.creditwindow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The relational store: a small connection pool over a JDBC data source whose schema Flyway has
 * migrated to the latest version ({@code src/main/resources/db/migration}): an embedded SQLite file
 * ({@link #openFile}), or a PostgreSQL database that several app nodes share ({@link #open}).
 *
 * <p>Writes happen only through {@link #inTransaction}: one explicit transaction, committed when the
 * work returns and rolled back when it throws. On SQLite a write transaction starts with
 * {@code BEGIN IMMEDIATE}, so two writers queue for the file lock (up to the busy timeout) instead of
 * one failing when it upgrades a read lock; readers run beside the writer (write-ahead log). Every
 * connection enforces foreign keys. On PostgreSQL a transaction is a plain {@code BEGIN} at
 * {@code READ COMMITTED}, PostgreSQL's default: writers run side by side, and each statement sees what
 * was committed before it started, so a read-check-write flow is correct there only with a row lock
 * or a constraint, not because writers queue: each such flow locks the row that owns its rule first
 * ({@link Tx#lock}; the package documentation says why this way). A transaction PostgreSQL aborts as a
 * deadlock or serialization failure is rolled back and reported as a conflict asking to try again, not
 * retried here: the work may have read a request's stream, which a second run would find used up.
 *
 * <p>Thread-safe. Closing it closes the pool.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 15_000;
    /** How long a request waits for a free PostgreSQL connection before it fails (all busy, or the server down). */
    private static final long POSTGRESQL_CONNECTION_TIMEOUT_MS = 10_000;
    /** PostgreSQL text collations that order text by code point, as SQLite does (and as the store relies on). */
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("c", "posix", "c.utf8",
            "c.utf-8");

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
        HikariDataSource pool = new HikariDataSource(hikari);
        return migrated(pool, Dialect.SQLITE, Flyway.configure().dataSource(pool));
    }

    /**
     * Opens a database given as a JDBC URL and migrates it: {@code jdbc:postgresql://host:port/name} (a database
     * several app nodes may share), or {@code jdbc:sqlite:path} ({@link #openFile}, which ignores the user, password
     * and pool size).
     *
     * <p>The PostgreSQL database must order text by code point, as SQLite does (timestamps, codes and names are
     * compared as text): create it with {@code LC_COLLATE 'C'} (see the README); another collation is refused here.
     *
     * @param user     the database login, or null to leave it to the URL or the driver's defaults
     * @param password its password, or null
     * @param poolSize the most connections this process keeps open (and keeps open while idle): the requests and
     *                 background jobs that can touch the database at once
     * @throws IllegalArgumentException for a URL of another database, or a pool size below 1
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            return openFile(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool size must be at least 1, was " + poolSize);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setPoolName("store");
        // a fixed pool (HikariCP's advice): as many connections as work can use at once, opened once
        hikari.setMaximumPoolSize(poolSize);
        hikari.setConnectionTimeout(POSTGRESQL_CONNECTION_TIMEOUT_MS);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // the first connection is made at start-up, so a wrong address or password fails there and says so
        hikari.setInitializationFailTimeout(POSTGRESQL_CONNECTION_TIMEOUT_MS);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            requireCodePointCollation(pool, jdbcUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        // Flyway on connections of its own: on PostgreSQL it holds two at once (one keeps the migration lock)
        return migrated(pool, Dialect.POSTGRESQL, Flyway.configure().dataSource(jdbcUrl, user, password));
    }

    private static void requireCodePointCollation(DataSource pool, String jdbcUrl) {
        String collation;
        try (Connection c = pool.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datcollate FROM pg_database"
                     + " WHERE datname = current_database()")) {
            rs.next();
            collation = rs.getString(1);
        } catch (SQLException e) {
            throw StoreException.wrap(e, "reading the collation of " + jdbcUrl);
        }
        if (!CODE_POINT_COLLATIONS.contains(collation.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("the database " + jdbcUrl + " orders text by the collation " + collation
                    + "; the store needs code-point order, as on SQLite: create the database with"
                    + " CREATE DATABASE … ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
    }

    private static Database migrated(HikariDataSource pool, Dialect dialect, FluentConfiguration flyway) {
        try {
            flyway.locations(dialect.migrationLocations())
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
     * {@link ConstraintViolationException}, a deadlock or serialization failure on PostgreSQL as a
     * {@link cn.creditwindow.validation.ConflictException} that asks to try again, other SQL failures as
     * {@link StoreException}). Actions registered
     * with {@link Tx#afterCommit} run after the commit, before this returns.
     */
    public <T> T inTransaction(Work<T> work) {
        Tx tx;
        T result;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            tx = new Tx(c, dialect, true);
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
            return work.run(new Tx(c, dialect, false));
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
