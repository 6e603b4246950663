package cn.creditwindow.bench;

import cn.creditwindow.bench.QueryMix.BenchQuery;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in its own JVM ({@code -Xmx256m}, {@code Main serve}) loaded by {@code wrk} over
 * loopback: the search API against the trivial {@code /health} of the same server. The server runs as
 * deployed, with its default result cache (2,000 entries).
 *
 * <p>wrk is not installed by the benchmark: when it is missing, the HTTP part says how to install it
 * and is skipped.
 */
final class HttpBench {
    /** How a wrk run went; latencies in milliseconds. */
    record WrkRun(String label, int connections, double qps, double p50, double p90, double p99, double max,
                  long requests, long statusErrors, long socketErrors, long wrapped) {
    }

    /** The server's state after the load. */
    record ServerState(boolean alive, boolean outOfMemory, long heapUsed, long heapCommitted, long heapMax,
                       long gcCount, double gcSeconds, long rss, long peakRss) {
    }

    private static final String LUA = """
            -- Each thread walks its own share of the URL file (thread k takes lines k, k+T, k+2T...),
            -- so with a file of distinct queries no URL is requested twice unless the file runs out
            -- (counted as "wrapped"); a one-line file is requested by every thread.
            local threads = {}
            local next_id = 0
            function setup(thread)
              thread:set("id", next_id)
              next_id = next_id + 1
              table.insert(threads, thread)
            end
            function init(args)
              urls = {}
              for line in io.lines(args[1]) do urls[#urls + 1] = line end
              stride = tonumber(args[2])
              first = id % #urls + 1
              i = first
              wrapped = 0
            end
            function request()
              local u = urls[i]
              i = i + stride
              if i > #urls then
                i = first
                wrapped = wrapped + 1
              end
              return wrk.format("GET", u)
            end
            function done(summary, latency, requests)
              local w = 0
              for _, t in ipairs(threads) do w = w + t:get("wrapped") end
              local e = summary.errors
              io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d "
                .. "status_errors=%d socket_errors=%d wrapped=%d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
                e.status, e.connect + e.read + e.write + e.timeout, w))
            end
            """;
    private static final Pattern RESULT = Pattern.compile("BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+)"
            + " p90_us=(\\d+) p99_us=(\\d+) max_us=(\\d+) status_errors=(\\d+) socket_errors=(\\d+) wrapped=(\\d+)");

    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HttpBench(Path work) {
        this.work = work;
    }

    /** The wrk on the PATH, or empty (the caller prints {@link #installHint()}). */
    static Optional<Path> wrk() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String installHint() {
        return "wrk not found on the PATH: install it (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk)"
                + " and run again; the HTTP part is skipped";
    }

    /** A running server; {@link #close()} stops it. */
    final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;

        /**
         * @param jvmOptions options for the server's JVM besides {@code -Xmx256m} (say a GC log)
         * @param engine     the options that choose the search engine ({@code --index …}, or {@code --search solr …}),
         *                   and any other option of {@code serve} (say {@code --cache-size 0})
         */
        Server(List<String> jvmOptions, List<String> engine, String tag, boolean jfr)
                throws IOException, InterruptedException {
            Path feeds = Files.createDirectories(work.resolve("feeds-empty"));
            port = freePort();
            log = work.resolve("server-" + tag + ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m"));
            command.addAll(jvmOptions);
            if (jfr) {
                command.add("-XX:StartFlightRecording=filename=" + jfrFile(tag)
                        + ",settings=profile,dumponexit=true");
            }
            Path db = work.resolve("server-" + tag + ".db");
            Files.deleteIfExists(db);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.creditwindow.app.Main", "serve"));
            command.addAll(engine);
            command.addAll(List.of("--feeds", feeds.toString(), "--no-watch", "--db", db.toString(),
                    "--port", Integer.toString(port), "--host", "127.0.0.1"));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitHealthy();
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        private void awaitHealthy() throws InterruptedException, IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
                }
                if (status("/health") == 200) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("server not healthy after 120 s; see " + log);
        }

        int status(String path) throws InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            }
        }

        ServerState state() throws IOException, InterruptedException {
            boolean alive = process.isAlive() && status("/health") == 200;
            String metrics = alive ? http.send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body() : "";
            Path proc = Path.of("/proc/" + process.pid() + "/status");
            String status = process.isAlive() && Files.exists(proc) ? Files.readString(proc) : "";
            boolean oom = Files.readString(log).contains("OutOfMemoryError");
            return new ServerState(alive, oom, (long) metric(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
                    (long) metric(metrics, "jvm_memory_committed_bytes", "area=\"heap\""),
                    (long) metric(metrics, "jvm_memory_max_bytes", "area=\"heap\""),
                    (long) metric(metrics, "jvm_gc_collection_seconds_count", ""),
                    metric(metrics, "jvm_gc_collection_seconds_sum", ""),
                    procKb(status, "VmRSS") * 1024, procKb(status, "VmHWM") * 1024);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The server on the embedded index in this folder. */
    Server start(Path index, String tag, boolean jfr) throws IOException, InterruptedException {
        return new Server(List.of(), List.of("--index", index.toString()), tag, jfr);
    }

    /** The server with these engine options (see {@link Server#Server}). */
    Server start(List<String> engine, String tag, boolean jfr) throws IOException, InterruptedException {
        return new Server(List.of(), engine, tag, jfr);
    }

    /** The server with these JVM options and these options of {@code serve} (see {@link Server#Server}). */
    Server start(List<String> jvmOptions, List<String> serve, String tag, boolean jfr)
            throws IOException, InterruptedException {
        return new Server(jvmOptions, serve, tag, jfr);
    }

    /** Where the server of this tag records its JFR profile (with {@code jfr}), dumped when it stops. */
    Path jfrFile(String tag) {
        return work.resolve("server-" + tag + ".jfr");
    }

    /** Writes one request path per line, for the Lua script. */
    Path urls(String name, List<BenchQuery> queries) throws IOException {
        return paths(name, queries.stream().map(BenchQuery::path).toList());
    }

    /** Writes these request paths, one a line, for the Lua script. */
    Path paths(String name, List<String> paths) throws IOException {
        return Files.write(work.resolve("urls-" + name + ".txt"), paths);
    }

    Path urls(String name, String path) throws IOException {
        return Files.write(work.resolve("urls-" + name + ".txt"), List.of(path));
    }

    /** One wrk run: {@code connections} connections, one thread each. */
    WrkRun run(Path wrk, Server server, String label, Path urls, int connections, int seconds)
            throws IOException, InterruptedException {
        return run(wrk, server.base(), label, urls, connections, seconds);
    }

    /** One wrk run against any HTTP server at {@code base} (scheme, host and port; the paths are in the file). */
    WrkRun run(Path wrk, String base, String label, Path urls, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = work.resolve("cycle.lua");
        if (!Files.exists(script)) {
            Files.writeString(script, LUA);
        }
        Process p = new ProcessBuilder(wrk.toString(), "-t" + connections, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "5s", "-s", script.toString(), base, "--", urls.toString(),
                Integer.toString(connections)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no result from wrk:\n" + out);
        }
        long requests = Long.parseLong(m.group(1));
        double seconds1 = Long.parseLong(m.group(2)) / 1e6;
        WrkRun run = new WrkRun(label, connections, requests / seconds1, us(m.group(3)), us(m.group(4)),
                us(m.group(5)), us(m.group(6)), requests, Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                Long.parseLong(m.group(9)));
        System.out.printf("  wrk %-34s %d conn: %,8.0f req/s  p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms"
                        + "  (%,d requests, %d non-2xx, %d socket errors, %d wraps)%n", label, connections, run.qps(),
                run.p50(), run.p90(), run.p99(), run.max(), requests, run.statusErrors(), run.socketErrors(),
                run.wrapped());
        return run;
    }

    private static double us(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    /** Sum of the samples of a Prometheus metric whose labels contain {@code labelPart}; NaN when absent. */
    static double metric(String text, String name, String labelPart) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                int space = line.lastIndexOf(' ');
                if (line.substring(0, space).contains(labelPart)) {
                    sum += Double.parseDouble(line.substring(space + 1));
                    found = true;
                }
            }
        }
        return found ? sum : Double.NaN;
    }

    private static long procKb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
            }
        }
        return -1;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
