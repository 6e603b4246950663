package cn.creditwindow.bench;

import cn.creditwindow.app.BenchDeployment;
import cn.creditwindow.bench.NodeLoad.Measurement;
import cn.creditwindow.bench.NodeLoad.Workload;
import cn.creditwindow.store.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The records' store under load (#17): credit orders, claim submissions and page views a second, with p50/p99, on
 * SQLite with one node, PostgreSQL with one node and PostgreSQL with two nodes (the client spreading requests
 * round-robin over both), over HTTP on loopback with the same closed-loop client load, rounds interleaved, every
 * figure set against SQLite's measured right before it; the CPU time of the JVM (nodes and clients) and of
 * PostgreSQL per operation says where the time goes. Run with
 * {@code mvn -Pbench -DskipTests verify -Dbench.args="nodes"} (options: {@code --seconds}, {@code --warm-up},
 * {@code --rounds}, {@code --clients 4,16}, {@code --enterprises}, {@code --work}, {@code --quick}); the table is
 * printed and written to {@code <work>/results.md}. See BENCHMARKS.md.
 */
final class NodesBench {
    private record Options(double seconds, double warmUp, int rounds, List<Integer> clients, int enterprises,
                           Path work) {
        static Options parse(String[] args) {
            double seconds = 10;
            double warmUp = 3;
            int rounds = 3;
            List<Integer> clients = List.of(4, 16);
            int enterprises = 16;
            Path work = Path.of("target/bench-nodes");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "nodes" -> { }
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    case "--warm-up" -> warmUp = Double.parseDouble(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = Arrays.stream(args[++i].split(",")).map(String::strip)
                            .map(Integer::parseInt).toList();
                    case "--enterprises" -> enterprises = Integer.parseInt(args[++i]);
                    case "--work" -> work = Path.of(args[++i]);
                    case "--quick" -> {
                        seconds = 2;
                        warmUp = 1;
                        rounds = 1;
                        clients = List.of(4);
                        enterprises = 4;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; NodesBench nodes"
                            + " [--seconds 10] [--warm-up 3] [--rounds 3] [--clients 4,16] [--enterprises 16]"
                            + " [--work target/bench-nodes] [--quick: 1 round of 2 s, 4 clients, 4 enterprises]");
                }
            }
            if (seconds <= 0 || warmUp < 0 || rounds < 1 || enterprises < 1 || clients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("seconds > 0, warm-up >= 0, rounds, enterprises and clients >= 1");
            }
            return new Options(seconds, warmUp, rounds, clients, enterprises, work);
        }
    }

    private static final List<String> DEPLOYMENTS = List.of("SQLite, 1 node", "PostgreSQL, 1 node",
            "PostgreSQL, 2 nodes");

    /** Every window measured: by workload, clients and deployment, one per round. */
    private final Map<String, List<Measurement>> runs = new LinkedHashMap<>();
    private double minLoad = Double.MAX_VALUE;
    private double maxLoad = 0;

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        // PostgreSQL as in production: each commit waits for its flush to disk
        System.setProperty(TestPostgres.DURABLE, "true");
        long started = System.nanoTime();
        delete(o.work());
        Files.createDirectories(o.work());
        NodesBench bench = new NodesBench();
        String md = bench.run(o, String.join(" ", args));
        Files.writeString(o.work().resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
        System.out.printf(Locale.ROOT, "(whole run %.1f min; results also in %s)%n", (System.nanoTime() - started) / 6e10,
                o.work().resolve("results.md"));
    }

    private String run(Options o, String args) throws Exception {
        Clock clock = BenchDeployment.clock();
        int maxClients = o.clients().stream().max(Integer::compare).orElseThrow();
        List<BenchDeployment> deployments = new ArrayList<>();
        List<NodeLoad> loads = new ArrayList<>();
        try {
            for (int d = 0; d < DEPLOYMENTS.size(); d++) {
                long t0 = System.nanoTime();
                BenchDeployment dep = BenchDeployment.start(DEPLOYMENTS.get(d), o.work().resolve("deployment" + d),
                        d > 0, d == 2 ? 2 : 1, o.enterprises(), clock);
                deployments.add(dep);
                loads.add(new NodeLoad(dep, maxClients));
                System.out.printf(Locale.ROOT, "%s: %s, %d enterprises, ready in %.1f s%n", dep.name(), dep.bases(),
                        dep.enterprises(), (System.nanoTime() - t0) / 1e9);
            }
            for (int round = 1; round <= o.rounds(); round++) {
                System.out.printf(Locale.ROOT, "%n== round %d of %d (load average %s)%n", round, o.rounds(), load());
                for (Workload w : Workload.values()) {
                    for (int k : o.clients()) {
                        for (int d = 0; d < deployments.size(); d++) {
                            Measurement m = loads.get(d).measure(w, k, o.warmUp(), o.seconds());
                            runs.computeIfAbsent(key(w, k, d), x -> new ArrayList<>()).add(m);
                            System.out.printf(Locale.ROOT, "%-45s %2d clients  %-20s %8.1f/s  p50 %7.2f ms  p99 %7.2f ms"
                                            + "  cores %.2f%s%n", w.label, k, DEPLOYMENTS.get(d), m.perSecond(),
                                    m.p50Millis(), m.p99Millis(), m.coresBusy(),
                                    m.errors() > 0 ? "  " + m.errors() + " errors: " + m.firstError() : "");
                        }
                    }
                }
            }
            load();
            StringBuilder written = new StringBuilder();
            for (BenchDeployment d : deployments) {
                written.append(String.format(Locale.ROOT, "%s: %,d credit orders, %,d claims; ", d.name(),
                        d.rows("credit_orders"), d.rows("claims")));
            }
            return markdown(o, args, written.toString().replaceAll("; $", ""));
        } finally {
            for (NodeLoad l : loads) {
                l.close();
            }
            for (BenchDeployment d : deployments) {
                d.close();
            }
        }
    }

    private static String key(Workload w, int clients, int deployment) {
        return w.name() + "/" + clients + "/" + deployment;
    }

    private String markdown(Options o, String args, String written) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `mvn -Pbench -DskipTests verify -Dbench.args=\"").append(args).append("\"`\n\n");
        md.append("Machine: ").append(Machine.describe()).append("; the nodes, the client and PostgreSQL share its"
                + " cores\n\n");
        md.append(String.format(Locale.ROOT, "Load average (1 min) at round boundaries: %.1f to %.1f%s%n%n", minLoad,
                maxLoad, " (it counts the run's own threads: up to 16 clients and the nodes' request threads; what else ran"
                        + " shows in the cores busy of a window that waits)"));
        md.append(String.format(Locale.ROOT, "%d round(s) of %.0f s a window after %.0f s of warm-up, deployments"
                        + " interleaved within each round; medians over the rounds; the ratio is the median of each round's"
                        + " ratio to SQLite with one node. %d enterprises. Written by the run: %s.%n%n", o.rounds(),
                o.seconds(), o.warmUp(), o.enterprises(), written));
        md.append("| workload | clients | deployment | ops/s (rounds) | p50 ms | p99 ms | ÷ SQLite 1 node |"
                + " CPU ms/op: nodes · PostgreSQL · client | cores busy (of 2) | limit | errors |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> errors = new ArrayList<>();
        for (Workload w : Workload.values()) {
            for (int k : o.clients()) {
                List<Measurement> base = runs.get(key(w, k, 0));
                for (int d = 0; d < DEPLOYMENTS.size(); d++) {
                    List<Measurement> ms = runs.get(key(w, k, d));
                    double[] ratios = new double[ms.size()];
                    for (int r = 0; r < ms.size(); r++) {
                        ratios[r] = ms.get(r).perSecond() / base.get(r).perSecond();
                    }
                    long errorCount = ms.stream().mapToLong(Measurement::errors).sum();
                    String where = w.label + ", " + k + " clients, " + DEPLOYMENTS.get(d) + ": ";
                    ms.stream().map(Measurement::firstError).filter(e -> e != null).findFirst()
                            .ifPresent(e -> errors.add(where + e));
                    md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f (%s) | %.2f | %.2f | %.2f× |"
                                    + " %.2f · %.2f · %.2f | %.2f | %s | %d |%n", w.label, k, DEPLOYMENTS.get(d),
                            median(ms, Measurement::perSecond), rounds(ms), median(ms, Measurement::p50Millis),
                            median(ms, Measurement::p99Millis), Stats.median(ratios), median(ms, Measurement::nodesMs),
                            median(ms, Measurement::postgresMs), median(ms, Measurement::clientMs),
                            median(ms, Measurement::coresBusy), limit(ms), errorCount));
                }
            }
        }
        md.append("\nCPU ms/op: CPU time over the window divided by the operations done in it. *nodes* is the JVM's"
                + " time less the client threads' (the app nodes run in the bench JVM: with their garbage collection and"
                + " JIT), *PostgreSQL* the server's processes (none on SQLite, which runs inside the nodes), *client*"
                + " the client threads'. *cores busy*: JVM and PostgreSQL together, per second of the window: near 2,"
                + " the machine's CPU is the limit (*limit* names who used most of it); well below (under 1.6), the"
                + " operations spend their time waiting (a row lock, SQLite's one writer, the disk, a connection of the pool), or"
                + " the machine's other processes took the cores (see the load average).\n");
        if (!errors.isEmpty()) {
            md.append("\nFirst error of each row that had some:\n\n");
            errors.forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    /**
     * Where the time went: with the JVM and PostgreSQL keeping at least 1.6 of the 2 cores busy, the CPU, and who used
     * most of it; below that, the operations spent their time waiting rather than computing.
     */
    private static String limit(List<Measurement> ms) {
        double busy = median(ms, Measurement::coresBusy);
        double nodes = median(ms, Measurement::nodesMs);
        double pg = median(ms, Measurement::postgresMs);
        double client = median(ms, Measurement::clientMs);
        double all = nodes + pg + client;
        if (busy < 1.6) {
            return "waits (CPU not saturated)";
        }
        String most = nodes >= pg && nodes >= client ? "nodes" : pg >= client ? "PostgreSQL" : "client";
        return String.format(Locale.ROOT, "CPU: %s %.0f%%", most, 100 * Math.max(nodes, Math.max(pg, client)) / all);
    }

    private static double median(List<Measurement> ms, java.util.function.ToDoubleFunction<Measurement> f) {
        return Stats.median(ms.stream().mapToDouble(f).toArray());
    }

    private static String rounds(List<Measurement> ms) {
        return String.join(" / ", ms.stream().map(m -> String.format(Locale.ROOT, "%,.0f", m.perSecond())).toList());
    }

    private String load() {
        double l = Machine.loadAverage();
        if (Double.isNaN(l)) {
            return "unknown";
        }
        minLoad = Math.min(minLoad, l);
        maxLoad = Math.max(maxLoad, l);
        return String.format(Locale.ROOT, "%.1f", l);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
