package cn.creditwindow.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of a running service, read once at start-up (command line and environment, see
 * {@code app.Main}) and passed to the constructors that need them.
 *
 * @param host           interface to listen on
 * @param port           HTTP port (0 = any free port)
 * @param indexDir       the Lucene index folder; the feed manifest lives there too
 * @param feedsDir       the folder of feed files, one sub-folder per module
 * @param watchFeeds     whether to watch feedsDir for new and changed files
 * @param rescanInterval how often the watcher rescans everything, events or not
 * @param cacheSize      how many search results to cache (0 = none)
 * @param maxFeedBytes   largest feed document accepted over HTTP
 * @param feedToken      an API token (scope feeds:push) to register at start-up, or null; more tokens are
 *                       created by an administrator
 * @param zone           the time zone of bare dates in queries (the users' zone)
 * @param dbFile         the embedded database file (SQLite)
 * @param passwordCost   bcrypt cost of new password hashes (10-12 in production, 4 in tests)
 * @param secureCookies  mark cookies Secure (when users reach the service over https)
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
        boolean secureCookies) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** bcrypt cost for production: about 50-100 ms a hash on a 2-core server. */
    public static final int DEFAULT_PASSWORD_COST = 10;

    public Config {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(indexDir, "indexDir");
        Objects.requireNonNull(feedsDir, "feedsDir");
        Objects.requireNonNull(rescanInterval, "rescanInterval");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dbFile, "dbFile");
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
    }

    /** Defaults for a service on {@code port} with the given folders. */
    public static Config defaults(int port, Path indexDir, Path feedsDir, Path dbFile) {
        return new Config("0.0.0.0", port, indexDir, feedsDir, true, Duration.ofSeconds(60), 2_000,
                10L * 1024 * 1024, null, CHINA, dbFile, DEFAULT_PASSWORD_COST, false);
    }
}
