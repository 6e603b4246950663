package cn.creditwindow.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real SolrCloud for the integration tests: 3 Solr nodes and an embedded ZooKeeper on loopback, with the window's
 * configset ({@code src/main/solr/configset}) and analyzers (the plugin jar), in a JVM of its own (the launcher
 * {@code cn.creditwindow.solrcluster.TestCluster} of {@code src/solr}: Solr brings Jetty 10, the window runs on
 * Jetty 12, and the two cannot share a class path). The root build writes the launcher's class path to
 * {@code target/solr-cluster/classpath.txt} before the integration tests; without it the test is skipped with a
 * message, except on CI ({@code CI=true}), where it fails.
 *
 * <p>The launcher answers one line per command on its stdout; its stderr (Solr's warnings) goes to
 * {@code launcher.log} in the cluster's folder under {@code target/solr-cluster/}, whose tail a failure shows. When
 * the test JVM ends, however it ends, the launcher reads the end of its stdin and shuts the cluster down.
 *
 * <p>Starting one takes about 10 s: {@link #shared()} gives every test class of a failsafe JVM the same one (a
 * collection of one shard on three replicas); a test that stops a node starts it again before it returns.
 */
public final class SolrTestCluster implements AutoCloseable {
    /** The collection of {@link #shared()}. */
    public static final String SHARED_COLLECTION = "articles";

    private static final Path HOME = Path.of("target", "solr-cluster");
    private static final Path CLASSPATH = HOME.resolve("classpath.txt");
    private static final Path CONFIGSET = Path.of("src", "main", "solr", "configset", "conf");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final String EOF = "\u0000end of the launcher's output";
    private static final int LOG_TAIL_LINES = 40;

    private static SolrTestCluster shared;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path dir;
    private final Path log;
    private final String collection;
    private final List<String> urls;
    private final String zkHost;
    private volatile boolean closed;

    private SolrTestCluster(Process process, Path dir, String collection) {
        this.process = process;
        this.dir = dir;
        this.log = dir.resolve("launcher.log");
        this.collection = collection;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "solr-cluster-answers");
        reader.setDaemon(true);
        reader.start();
        JsonNode ready = ready();
        this.zkHost = ready.get("zk").asText();
        List<String> found = new ArrayList<>();
        ready.get("urls").forEach(u -> found.add(u.asText()));
        this.urls = List.copyOf(found);
    }

    /** What the launcher's READY line says, once it has said it; on a failure the launcher is stopped. */
    private JsonNode ready() {
        try {
            String line = next(READY_TIMEOUT, "start the cluster");
            if (!line.startsWith("READY ")) {
                throw failure("expected READY, the launcher said " + line);
            }
            return new ObjectMapper().readTree(line.substring("READY ".length()));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("reading the launcher's READY line", e);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * The cluster every test class of this JVM shares: started by the first caller, with collection
     * {@value #SHARED_COLLECTION} of one shard on three replicas (one a node), closed when the JVM ends.
     */
    public static synchronized SolrTestCluster shared() {
        if (shared == null || shared.closed) {
            shared = start(SHARED_COLLECTION, 1, 3);
            SolrTestCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "solr-cluster-shutdown"));
        }
        return shared;
    }

    /**
     * Starts a cluster of its own, with collection {@code collection} of {@code shards} × {@code replicas}: for a
     * test whose layout differs from {@link #shared()}'s. Close it.
     */
    public static SolrTestCluster start(String collection, int shards, int replicas) {
        requireClasspath();
        try {
            Files.createDirectories(HOME);
            Path dir = Files.createTempDirectory(HOME.toAbsolutePath(), "cluster-");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // the class path as an argument file (java reads "@file" as the file's content)
            // the heap: 1.5 GB for the tests' collections; the benchmark's six large cores ask for more
            String heap = "-Xmx" + System.getProperty("solr.cluster.heap", "1536m");
            Process process = new ProcessBuilder(java, heap, "-Dfile.encoding=UTF-8",
                    "-cp", "@" + CLASSPATH.toAbsolutePath(),
                    "cn.creditwindow.solrcluster.TestCluster", dir.resolve("nodes").toString(),
                    CONFIGSET.toAbsolutePath().toString(), collection, Integer.toString(shards),
                    Integer.toString(replicas))
                    .redirectError(dir.resolve("launcher.log").toFile())
                    .start();
            return new SolrTestCluster(process, dir, collection);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the test SolrCloud", e);
        }
    }

    /**
     * Checks the launcher's class path file: the test is skipped (locally) or failed (CI) when the build has not
     * written it, and fails when it names a file that is not there.
     */
    private static void requireClasspath() {
        if (!Files.isRegularFile(CLASSPATH)) {
            String message = "the test SolrCloud's class path " + CLASSPATH.toAbsolutePath() + " is missing: the"
                    + " root build writes it before the integration tests (mvn verify, or mvn verify -Dit.test=…),"
                    + " building src/solr";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + "; on CI it is required");
            }
            // said on stderr too: failsafe's report of a class skipped in @BeforeAll drops the reason
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message + "; skipping");
        }
        List<String> entries;
        try {
            entries = List.of(Files.readString(CLASSPATH, StandardCharsets.UTF_8).strip()
                    .split(java.io.File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + CLASSPATH, e);
        }
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new AssertionError("the test SolrCloud's class path " + CLASSPATH + " names " + entry
                        + ", which is missing: rebuild with mvn verify");
            }
        }
    }

    /** Base urls of the nodes ({@code http://127.0.0.1:port/solr}), by node index; a restarted node keeps its url. */
    public List<String> urls() {
        return urls;
    }

    /** ZooKeeper's address with the cluster's chroot ({@code 127.0.0.1:port/solr}), as SolrCloud clients take it. */
    public String zkHost() {
        return zkHost;
    }

    public String collection() {
        return collection;
    }

    /** Stops node {@code i}; returns once ZooKeeper no longer lists it as live. */
    public void stopNode(int i) {
        expect(command("stop " + i), "STOPPED " + i);
    }

    /**
     * Starts node {@code i} again, on its port; returns once it is live. Its replicas may still be recovering:
     * {@link #waitActive()}.
     */
    public void startNode(int i) {
        String answer = command("start " + i);
        if (!answer.startsWith("STARTED " + i + " ")) {
            throw failure("start " + i + " was answered " + answer);
        }
    }

    /** Waits until every replica of the collection is active on a live node. */
    public void waitActive() {
        expect(command("wait-active"), "ACTIVE");
    }

    /** Shuts the cluster down and deletes its nodes' data; the launcher's log stays. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            commands.write("quit\n");
            commands.close();
        } catch (IOException e) {
            // the launcher has gone already: nothing to tell it
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dir.resolve("nodes"));
    }

    private synchronized String command(String command) {
        if (closed) {
            throw new IllegalStateException("the test SolrCloud is closed; cannot " + command);
        }
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw failure("sending " + command + " to the launcher failed (" + e.getMessage() + ")");
        }
        return next(COMMAND_TIMEOUT, command);
    }

    private void expect(String answer, String expected) {
        if (!answer.equals(expected)) {
            throw failure("expected " + expected + ", the launcher answered " + answer);
        }
    }

    /** The launcher's next line; fails (with its log's tail) on a timeout, an ERROR or the end of its output. */
    private String next(Duration timeout, String awaited) {
        String line;
        try {
            line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted waiting for " + awaited);
        }
        if (line == null) {
            throw failure("no answer to " + awaited + " within " + timeout.toSeconds() + " s");
        }
        if (line.equals(EOF)) {
            throw failure("the launcher ended (exit " + exitValue() + ") before answering " + awaited);
        }
        if (line.startsWith("ERROR ")) {
            throw failure("the launcher could not " + awaited + ": " + line.substring("ERROR ".length()));
        }
        return line;
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                answers.add(line);
            }
        } catch (IOException e) {
            // the launcher's end; told by EOF below
        }
        answers.add(EOF);
    }

    private String exitValue() {
        try {
            return Integer.toString(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException("test SolrCloud: " + what + "; the last lines of " + log + ":\n"
                + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the test SolrCloud's data under " + root, e);
        }
    }
}
