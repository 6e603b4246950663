package cn.creditwindow.app;

import cn.creditwindow.Fixtures;
import cn.creditwindow.config.Config;
import cn.creditwindow.store.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The real application on a loopback port, with a real index on disk (or, in the build's Solr run, a collection of
 * the test SolrCloud: {@link TestSearch}) and a real database file (or, in the build's PostgreSQL run, a database of
 * the test PostgreSQL: {@link TestPostgres}), for API tests: feeds are copied from a fixture folder into a temporary
 * folder the test may change.
 */
final class TestServer implements AutoCloseable {
    private final App app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    final Path feeds;
    final Path index;
    /** The Solr collection the server searches, or null on the embedded index. */
    final Config.Solr solr;
    private final Config config;
    private final Clock clock;

    record Response(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** The feed-push API token of a server started without one of its own. */
    static final String FEED_TOKEN = "test-feed-push-token-0123456789";
    /** The Authorization header for pushing feeds with {@link #FEED_TOKEN}. */
    static final String PUSH = "Bearer " + FEED_TOKEN;

    /**
     * Starts with the given fixture feeds (copied), or none when {@code fixtures} is null, and a database
     * file in {@code dir}; {@code feedToken} is the feed-push API token, or null for {@link #FEED_TOKEN}.
     */
    static TestServer start(Path dir, Path fixtures, String feedToken) throws IOException {
        return start(dir, fixtures, feedToken, Clock.systemUTC());
    }

    /** {@link #start(Path, Path, String)} with the application's clock (enrolment tests set the day). */
    static TestServer start(Path dir, Path fixtures, String feedToken, Clock clock) throws IOException {
        return start(dir, fixtures, feedToken, clock, UnaryOperator.identity());
    }

    /** mail: {@link #start(Path, Path, String, Clock)} with settings changed by {@code customise} (e.g. an SMTP server). */
    static TestServer start(Path dir, Path fixtures, String feedToken, Clock clock, UnaryOperator<Config> customise)
            throws IOException {
        Path feeds = dir.resolve("feeds");
        Files.createDirectories(feeds);
        if (fixtures != null) {
            Fixtures.copyTree(fixtures, feeds);
        }
        Config config = Config.builder().host("127.0.0.1").port(0).indexDir(dir.resolve("index")).feedsDir(feeds)
                .watchFeeds(false).cacheSize(100).maxFeedBytes(64 * 1024)
                .feedToken(feedToken == null ? FEED_TOKEN : feedToken).dbFile(dir.resolve("data/credit-window.db"))
                .passwordCost(4).solr(TestSearch.onSolr() ? TestSearch.collectionFor(dir) : null).build();
        return new TestServer(onTheStoreOfThisRun(customise.apply(config)), clock);
    }

    /**
     * The settings with the records in PostgreSQL when this run's store is PostgreSQL ({@link TestPostgres}): a
     * database of the test cluster for each database file, so that a server started again with the same file (or a
     * second node given the first one's) finds the same records, as on SQLite.
     */
    static Config onTheStoreOfThisRun(Config config) {
        if (!TestPostgres.selected() || config.postgres() != null) {
            return config;
        }
        return config.toBuilder().postgres(new Config.Postgres(TestPostgres.databaseFor(config.dbFile()),
                TestPostgres.USER, null, Config.Postgres.DEFAULT_POOL_SIZE)).build();
    }

    static Path fixtures(String name) {
        return Path.of("src/test/resources/app", name);
    }

    /**
     * A second node of {@code first}'s deployment (#17): the same records (its database file, or in the build's
     * PostgreSQL runs its database) and the same Solr collection, with its own port, feed folder and clock. Nodes
     * share a search cluster, never an embedded index: this needs a server on Solr ({@link TestSearch#onSolr}).
     */
    static TestServer secondNode(TestServer first, Path dir) throws IOException {
        return new TestServer(first.secondNodeConfig(dir), first.clock);
    }

    /**
     * The settings of a second node of this server's deployment in {@code dir} ({@link #secondNode}; a
     * {@link NodeProcess} started with them is one in a JVM of its own).
     */
    Config secondNodeConfig(Path dir) throws IOException {
        if (solr == null) {
            throw new IllegalStateException("two nodes share a search cluster, not an embedded index: run this test"
                    + " on Solr (system property search.engine=solr, the build's on-cluster run)");
        }
        Path feeds = Files.createDirectories(dir.resolve("feeds"));
        // on PostgreSQL the folder beside the database file is the node's own, as on separate machines (#17: nothing
        // a node keeps on its disk may be needed by another); on SQLite the file itself is what the nodes share
        Path dbFile = config.postgres() != null ? dir.resolve("data/credit-window.db") : config.dbFile();
        return config.toBuilder().port(0).indexDir(dir.resolve("index")).feedsDir(feeds).dbFile(dbFile).build();
    }

    private TestServer(Config config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.feeds = config.feedsDir();
        this.index = config.indexDir();
        this.solr = config.solr();
        this.app = new App(config, clock).start();
    }

    App app() {
        return app;
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
    }

    /** A GET with request headers, given as name, value, name, value… */
    Response get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    Response post(String pathAndQuery, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    /** Any method with a body and an Authorization header (may be null). */
    Response send(String method, String pathAndQuery, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() throws IOException {
        app.close();
    }
}
