package cn.creditwindow.app;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Outbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app node in a JVM of its own, so that a test can kill it with {@code kill -9} (#17): {@link #start} runs
 * {@code java -cp <this JVM's class path> NodeProcess <settings>}, whose {@link #main} builds and starts the
 * {@link App} from those settings as {@link TestServer} does (a clock standing still at the given instant), and waits
 * until it answers {@code /health}. {@link #kill} is {@link Process#destroyForcibly()}, SIGKILL on Linux: no shutdown
 * hook, no rollback, no lease or claim given back. The node's output goes to {@code node.log} in its folder.
 *
 * <p>A node never outlives its test: {@link #close} kills it, a shutdown hook of the test JVM too, and the node halts
 * by itself when its standard input ends (the test JVM died without running its hooks).
 */
final class NodeProcess implements AutoCloseable {
    /** Work a node does once it has started, named on its command line. */
    enum Then {
        /** Nothing more: serve. */
        SERVE,
        /** Runs the digest's schedule once now (the previous month, under the lease), its own looks stopped. */
        DIGEST,
        /** Records {@value #MAILS} e-mails to reader1…@example.com in its outbox, which wakes its dispatcher. */
        MAIL
    }

    /** How many e-mails {@link Then#MAIL} records, their subjects {@code 通知 1}, {@code 通知 2}… */
    static final int MAILS = 300;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Thread killOnExit;
    private final String base;
    final Path log;

    private NodeProcess(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-node-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a node with {@code config} (on a free port whatever its port says), its clock standing at {@code now},
     * and waits until it serves; its output goes to {@code node.log} beside its feed folder.
     */
    static NodeProcess start(Config config, Instant now, Then then) throws IOException, InterruptedException {
        Config settings = config.toBuilder().port(freePort()).build();
        Path log = settings.feedsDir().resolveSibling("node.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                NodeProcess.class.getName()));
        command.addAll(arguments(settings, now, then));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        NodeProcess node = new NodeProcess(p, "http://127.0.0.1:" + settings.port(), log);
        try {
            node.awaitHealth();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The node's address, {@code http://127.0.0.1:<port>}. */
    String base() {
        return base;
    }

    /** The node's process id (its name in leases and mail claims begins with {@code <pid>@}). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + process.pid() + " still runs 30 s after SIGKILL");
        }
    }

    /** The last lines of the node's output, for a failure's message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the node if it still runs. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the test JVM is shutting down: the hook runs anyway
            }
        }
    }

    private void awaitHealth() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + process.pid() + " ended with " + process.exitValue()
                        + " before it served:\n" + logTail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("node " + process.pid() + " did not serve /health within " + STARTUP + ":\n"
                + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    // ---- the node's side ----

    /** The settings a node is started with, as {@code --name value} pairs. */
    private static List<String> arguments(Config c, Instant now, Then then) {
        List<String> a = new ArrayList<>(List.of("--port", Integer.toString(c.port()), "--index", c.indexDir()
                .toString(), "--feeds", c.feedsDir().toString(), "--db-file", c.dbFile().toString(), "--clock",
                now.toString(), "--lease-ms", Long.toString(c.leaseTime().toMillis()), "--then", then.name()));
        if (c.feedToken() != null) {
            a.addAll(List.of("--feed-token", c.feedToken()));
        }
        if (c.postgres() != null) { // the test PostgreSQL trusts loopback: no password to pass
            a.addAll(List.of("--postgres", c.postgres().url(), "--postgres-user", c.postgres().user()));
        }
        if (c.solr() != null) {
            a.addAll(List.of("--solr", String.join(",", c.solr().nodes().stream().map(URI::toString).toList()),
                    "--solr-collection", c.solr().collection(), "--solr-timeout-ms",
                    Long.toString(c.solr().timeout().toMillis())));
        }
        if (c.smtp() != null) {
            a.addAll(List.of("--smtp-host", c.smtp().host(), "--smtp-port", Integer.toString(c.smtp().port()),
                    "--smtp-from", c.smtp().from()));
        }
        return a;
    }

    /** The node: builds the {@link App} from the arguments {@link #start} passed, starts it, then does its work. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        haltWhenTheTestEnds();
        Config.Builder b = Config.builder().host("127.0.0.1").port(Integer.parseInt(o.get("--port")))
                .indexDir(Path.of(o.get("--index"))).feedsDir(Files.createDirectories(Path.of(o.get("--feeds"))))
                .dbFile(Path.of(o.get("--db-file"))).watchFeeds(false).cacheSize(100).maxFeedBytes(64 * 1024)
                .feedToken(o.get("--feed-token")).passwordCost(4)
                .leaseTime(Duration.ofMillis(Long.parseLong(o.get("--lease-ms"))));
        if (o.containsKey("--postgres")) {
            b.postgres(new Config.Postgres(o.get("--postgres"), o.get("--postgres-user"), null,
                    Config.Postgres.DEFAULT_POOL_SIZE));
        }
        if (o.containsKey("--solr")) {
            b.solr(new Config.Solr(Arrays.stream(o.get("--solr").split(",")).map(URI::create).toList(),
                    o.get("--solr-collection"), Duration.ofMillis(Long.parseLong(o.get("--solr-timeout-ms")))));
        }
        if (o.containsKey("--smtp-host")) {
            b.smtp(new Config.Smtp(o.get("--smtp-host"), Integer.parseInt(o.get("--smtp-port")), o.get("--smtp-from"),
                    null, null, false));
        }
        App app = new App(b.build(), new TestClock(Instant.parse(o.get("--clock")))).start();
        System.out.println("node serving on port " + app.port());
        switch (Then.valueOf(o.get("--then"))) {
            case SERVE -> { }
            case DIGEST -> {
                app.domains().digestSchedule().close();
                System.out.println("node ran the digest: " + app.domains().digestSchedule().tick());
            }
            case MAIL -> record(app);
        }
    }

    private static void record(App app) {
        Outbox outbox = app.domains().outbox();
        app.database().inTransaction(tx -> {
            for (int i = 1; i <= MAILS; i++) {
                outbox.send(tx, Notice.email(null, null, "reader" + i + "@example.com", "通知 " + i, "正文 " + i, null,
                        Map.of()));
            }
            return null;
        });
        System.out.println("node recorded " + MAILS + " e-mails");
    }

    /** Halts the node when its standard input ends: the test JVM that started it is gone. */
    private static void haltWhenTheTestEnds() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test writes nothing: wait for the end
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                Runtime.getRuntime().halt(3);
            }
        }, "halt-without-test");
        t.setDaemon(true);
        t.start();
    }
}
