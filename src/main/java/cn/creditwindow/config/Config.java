package cn.creditwindow.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a running service, read once at start-up (command line and environment, see
 * {@code app.Main}) and passed to the constructors that need them.
 *
 * @param host           interface to listen on
 * @param port           HTTP port (0 = any free port)
 * @param indexDir       the Lucene index folder (the embedded search engine's); the feed manifest lives there too
 * @param feedsDir       the folder of feed files, one sub-folder per module
 * @param watchFeeds     whether to watch feedsDir for new and changed files
 * @param rescanInterval how often the watcher rescans everything, events or not
 * @param cacheSize      how many search results to cache (0 = none)
 * @param maxFeedBytes   largest feed document accepted over HTTP
 * @param feedToken      an API token (scope feeds:push) to register at start-up, or null; more tokens are
 *                       created by an administrator
 * @param zone           the time zone of bare dates in queries (the users' zone)
 * @param dbFile         the embedded database file (SQLite); with {@code postgres}, only the folder where this node
 *                       receives uploads ({@code attachments/incoming/}) and finds files of earlier versions to import
 * @param passwordCost   bcrypt cost of new password hashes (10-12 in production, 4 in tests)
 * @param secureCookies  mark cookies Secure (when users reach the service over https)
 * @param smtp           the SMTP server e-mail notices are sent through, or null for none (e-mails are then
 *                       recorded in the outbox as not sent)
 * @param publicUrl      the service's address as users reach it (e.g. {@code https://window.example.cn}), for the
 *                       absolute links of e-mails and feeds and as the origin of its pages (behind a proxy);
 *                       null: {@code http://localhost:<port>}, and the origin is the host a request was sent to
 * @param solr           the SolrCloud collection articles are searched in, or null for the embedded Lucene index
 *                       under {@code indexDir}
 * @param postgres       the PostgreSQL database the records are kept in, or null for the SQLite file {@code dbFile}
 * @param leaseTime      how long a node's hold on once-only work lasts without renewal (the digest run, the feed
 *                       scans, a batch of e-mails being sent): how long the others wait before taking over from a
 *                       node that died (#17)
 */
public record Config(
        String host,
        int port,
        Path indexDir,
        Path feedsDir,
        boolean watchFeeds,
        Duration rescanInterval,
        long cacheSize,
        long maxFeedBytes,
        String feedToken,
        ZoneId zone,
        Path dbFile,
        int passwordCost,
        boolean secureCookies,
        Smtp smtp,
        String publicUrl,
        Solr solr,
        Postgres postgres,
        Duration leaseTime) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** bcrypt cost for production: about 50-100 ms a hash on a 2-core server. */
    public static final int DEFAULT_PASSWORD_COST = 10;
    /** Two minutes: well above the clock skew of NTP-kept servers and a long GC pause, short enough to catch up. */
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofMinutes(2);

    public Config {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(indexDir, "indexDir");
        Objects.requireNonNull(feedsDir, "feedsDir");
        Objects.requireNonNull(rescanInterval, "rescanInterval");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(leaseTime, "leaseTime");
        if (leaseTime.toMillis() < 100) {
            throw new IllegalArgumentException("the lease time must be at least 100 ms, was " + leaseTime);
        }
        if (passwordCost < 4 || passwordCost > 31) {
            throw new IllegalArgumentException("passwordCost must be 4..31, was " + passwordCost);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0, was " + cacheSize);
        }
        if (maxFeedBytes < 1) {
            throw new IllegalArgumentException("maxFeedBytes must be positive, was " + maxFeedBytes);
        }
        if (feedToken != null && feedToken.isBlank()) {
            feedToken = null;
        }
        // links in digest e-mails and Atom feeds are absolute
        if (publicUrl != null && publicUrl.isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null) {
            publicUrl = publicUrl.strip().replaceAll("/+$", "");
            if (!publicUrl.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
                throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], was " + publicUrl);
            }
        }
    }

    /** Settings to start from: every one at its default, as {@code serve} uses it without options. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).indexDir(indexDir).feedsDir(feedsDir).watchFeeds(watchFeeds)
                .rescanInterval(rescanInterval).cacheSize(cacheSize).maxFeedBytes(maxFeedBytes).feedToken(feedToken)
                .zone(zone).dbFile(dbFile).passwordCost(passwordCost).secureCookies(secureCookies).smtp(smtp)
                .publicUrl(publicUrl).solr(solr).postgres(postgres).leaseTime(leaseTime);
    }

    /** Settings by name, each starting at its default; {@link #build} checks them as the record does. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 7070;
        private Path indexDir = Path.of("index");
        private Path feedsDir = Path.of("feeds");
        private boolean watchFeeds = true;
        private Duration rescanInterval = Duration.ofSeconds(60);
        private long cacheSize = 2000;
        private long maxFeedBytes = 10L * 1024 * 1024;
        private String feedToken;
        private ZoneId zone = CHINA;
        private Path dbFile = Path.of("data/credit-window.db");
        private int passwordCost = DEFAULT_PASSWORD_COST;
        private boolean secureCookies;
        private Smtp smtp;
        private String publicUrl;
        private Solr solr;
        private Postgres postgres;
        private Duration leaseTime = DEFAULT_LEASE_TIME;

        private Builder() {
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder indexDir(Path v) {
            indexDir = v;
            return this;
        }

        public Builder feedsDir(Path v) {
            feedsDir = v;
            return this;
        }

        public Builder watchFeeds(boolean v) {
            watchFeeds = v;
            return this;
        }

        public Builder rescanInterval(Duration v) {
            rescanInterval = v;
            return this;
        }

        public Builder cacheSize(long v) {
            cacheSize = v;
            return this;
        }

        public Builder maxFeedBytes(long v) {
            maxFeedBytes = v;
            return this;
        }

        public Builder feedToken(String v) {
            feedToken = v;
            return this;
        }

        public Builder zone(ZoneId v) {
            zone = v;
            return this;
        }

        public Builder dbFile(Path v) {
            dbFile = v;
            return this;
        }

        public Builder passwordCost(int v) {
            passwordCost = v;
            return this;
        }

        public Builder secureCookies(boolean v) {
            secureCookies = v;
            return this;
        }

        public Builder smtp(Smtp v) {
            smtp = v;
            return this;
        }

        public Builder publicUrl(String v) {
            publicUrl = v;
            return this;
        }

        public Builder solr(Solr v) {
            solr = v;
            return this;
        }

        public Builder postgres(Postgres v) {
            postgres = v;
            return this;
        }

        public Builder leaseTime(Duration v) {
            leaseTime = v;
            return this;
        }

        public Config build() {
            return new Config(host, port, indexDir, feedsDir, watchFeeds, rescanInterval, cacheSize, maxFeedBytes,
                    feedToken, zone, dbFile, passwordCost, secureCookies, smtp, publicUrl, solr, postgres, leaseTime);
        }
    }

    /**
     * The SMTP server that e-mail notices go through ({@code cn.creditwindow.mail.SmtpMailer}).
     *
     * @param host     server name or address
     * @param port     1..65535 (587 for submission with STARTTLS, 25 for a relay)
     * @param from     the From of every e-mail: an address, optionally with a display name,
     *                 e.g. {@code 出口信用单一窗口 <noreply@example.cn>} (parsed and checked by the mailer)
     * @param username the login, or null for a server that needs none
     * @param password the login's password (only with a username), or null
     * @param startTls upgrade the connection with STARTTLS before anything is sent, and refuse a server that
     *                 does not offer it
     */
    /**
     * A SolrCloud collection to search in, created with the configset under {@code src/main/solr} and with the
     * plugin jar on its nodes (see the README).
     *
     * @param nodes      base addresses of some or all of its nodes, e.g. {@code http://solr1:8983/solr}: any node
     *                   serves any request, the next one is tried when one fails
     * @param collection the collection's name
     * @param timeout    how long one node may take to answer one request before the next is tried
     */
    public record Solr(List<URI> nodes, String collection, Duration timeout) {
        public Solr {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("give at least one Solr node address (--solr-url)");
            }
            for (URI node : nodes) {
                if (!"http".equals(node.getScheme()) && !"https".equals(node.getScheme()) || node.getHost() == null) {
                    throw new IllegalArgumentException("a Solr node address is http(s)://host:port/solr, not " + node);
                }
            }
            Objects.requireNonNull(collection, "collection");
            if (!collection.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("a Solr collection name is letters, digits, '.', '_' and '-', not '"
                        + collection + "'");
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the Solr timeout must be positive, was " + timeout);
            }
        }
    }

    /**
     * A PostgreSQL database that keeps the records, which several app nodes may share (#17). The database must order
     * text by code point: created with {@code LC_COLLATE 'C'} (see the README).
     *
     * @param url      {@code jdbc:postgresql://host:port/name}, with the driver's options after {@code ?} if any
     * @param user     the login, or null to leave it to the URL
     * @param password its password, or null
     * @param poolSize how many connections this node keeps open to it (1..{@value #MAX_POOL_SIZE}); the node's
     *                 concurrent requests and background jobs share them
     */
    public record Postgres(String url, String user, String password, int poolSize) {
        /** Connections a node keeps by default: enough for 2-4 cores' requests, a few nodes under max_connections. */
        public static final int DEFAULT_POOL_SIZE = 16;
        public static final int MAX_POOL_SIZE = 500;

        public Postgres {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL database is jdbc:postgresql://host:port/name, not " + url);
            }
            if (user != null && user.isBlank()) {
                user = null;
            }
            if (password != null && password.isEmpty()) {
                password = null;
            }
            if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
                throw new IllegalArgumentException("the database pool size must be 1.." + MAX_POOL_SIZE + ", was "
                        + poolSize);
            }
        }

        /** Without the password, so that logging the settings never prints it. */
        @Override
        public String toString() {
            return "Postgres[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                    + ", poolSize=" + poolSize + "]";
        }
    }

    public record Smtp(String host, int port, String from, String username, String password, boolean startTls) {
        public Smtp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(from, "from");
            if (host.isBlank()) {
                throw new IllegalArgumentException("the SMTP host must not be blank");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("the SMTP port must be 1..65535, was " + port);
            }
            if (from.isBlank()) {
                throw new IllegalArgumentException("the mail From address must not be blank");
            }
            if (username != null && username.isBlank()) {
                username = null;
            }
            if (password != null && password.isEmpty()) {
                password = null;
            }
            if (password != null && username == null) {
                throw new IllegalArgumentException("an SMTP password was given without a username (--smtp-user)");
            }
        }

        /** Without the password, so that logging the settings never prints it. */
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                    + ", password=" + (password == null ? "none" : "****") + ", startTls=" + startTls + "]";
        }
    }

    /** Defaults for a service on {@code port} with the given folders. */
    public static Config defaults(int port, Path indexDir, Path feedsDir, Path dbFile) {
        return builder().port(port).indexDir(indexDir).feedsDir(feedsDir).dbFile(dbFile).build();
    }
}
