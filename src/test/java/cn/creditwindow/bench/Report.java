package cn.creditwindow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a run as Markdown tables, one per index size, ready for BENCHMARKS.md. */
final class Report {
    /** What the SQLite comparison found; latencies in milliseconds (medians per query). */
    record Like(int queries, double serviceMedian, double likeMedian, double speedUpOfMedians,
                double speedUpOfTotals, int chineseSameTotal, int chinese) {
    }

    /** Everything measured at one size. */
    static final class Section {
        final int size;
        IngestBench.Rates upsert;
        IngestBench.Rates feeds;
        int feedDocs;
        int feedItems;
        int batch;
        long serviceBytes;
        long rawBytes;
        int verified;
        int mismatches;
        final List<QueryBench.Comparison> queries = new ArrayList<>();
        Like like;
        final List<HttpBench.WrkRun> http = new ArrayList<>();
        HttpBench.ServerState server;
        String httpSkipped;

        Section(int size) {
            this.size = size;
        }

        QueryBench.Comparison query(String label, int threads) {
            return queries.stream().filter(c -> c.label().equals(label) && c.threads() == threads).findFirst()
                    .orElse(null);
        }

        HttpBench.WrkRun http(String label, int connections) {
            return http.stream().filter(r -> r.label().equals(label) && r.connections() == connections).findFirst()
                    .orElse(null);
        }
    }

    static final String COLD = "cache off, distinct queries";
    static final String COLD_NO_FACETS = "cache off, distinct queries, facets=false";
    static final String CACHED = "cache on, repeating mix";
    static final String HEALTH = "/health";
    static final String DISTINCT = "/api/articles, distinct queries";
    static final String REPEATING = "/api/articles, repeating mix";

    private final String machine;
    private final String command;
    private final List<Section> sections = new ArrayList<>();
    private double minLoad = Double.MAX_VALUE;
    private double maxLoad = 0;

    Report(String machine, String command) {
        this.machine = machine;
        this.command = command;
    }

    void noteLoad(double load) {
        minLoad = Math.min(minLoad, load);
        maxLoad = Math.max(maxLoad, load);
    }

    Section section(int size) {
        Section s = new Section(size);
        sections.add(s);
        return s;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(command).append("`\n\nMachine: ").append(machine).append("\n");
        if (maxLoad > 0) {
            md.append(String.format(Locale.ROOT, "%nLoad average (1 min) at phase boundaries: %.1f to %.1f%s%n", minLoad,
                    maxLoad, maxLoad > 2.5 ? " (other processes were competing for the 2 cores)" : ""));
        }
        int last = sections.isEmpty() ? 0 : sections.get(sections.size() - 1).size;
        for (Section s : sections) {
            md.append("\n### ").append(String.format(Locale.ROOT, "%,d", s.size)).append(" titles\n\n");
            md.append("| what | service | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
            ingest(md, s);
            queries(md, s);
            like(md, s);
            http(md, s, s.size == last);
            md.append(row("index size on disk", mb(s.serviceBytes), "raw index (no content hash): " + mb(s.rawBytes),
                    ratio(s.serviceBytes / (double) s.rawBytes), "", ""));
            md.append("\nService and raw Lucene agreed (same total, same 15 titles in order) on ")
                    .append(s.verified - s.mismatches).append(" of ").append(s.verified).append(" queries.\n");
        }
        return md.toString();
    }

    private static void ingest(StringBuilder md, Section s) {
        IngestBench.Rates u = s.upsert;
        md.append(row(String.format(Locale.ROOT, "ingest: `upsert` in batches of %,d, a commit each (%d pairs of batches)",
                        s.batch, u.pairs()), rate(u.service()), "raw IndexWriter: " + rate(u.raw()), ratio(u.ratio()),
                "≥ 0.8×", met(u.ratio() >= 0.8)));
        IngestBench.Rates f = s.feeds;
        if (f != null) {
            md.append(row(String.format(Locale.ROOT, "ingest: feed path, %d RSS documents × %,d items on top of the"
                                    + " index (parse, sanitise, gazetteer, upsert)", s.feedDocs, s.feedItems),
                    rate(f.service()), "raw IndexWriter, same items with bodies: " + rate(f.raw()), ratio(f.ratio()),
                    "≥ 0.8×", met(f.ratio() >= 0.8)));
        }
    }

    private static void queries(StringBuilder md, Section s) {
        for (String label : List.of(COLD, COLD_NO_FACETS, CACHED)) {
            for (int threads : List.of(1, 2)) {
                QueryBench.Comparison c = s.query(label, threads);
                if (c == null) {
                    continue;
                }
                boolean cold = !label.equals(CACHED);
                md.append(row(String.format(Locale.ROOT, "query, %s, %d thread%s: QPS · p50 / p99", label, threads,
                                threads == 1 ? "" : "s"),
                        qps(c.service()), "raw Lucene: " + qps(c.baseline()), ratio(c.ratio()),
                        cold ? "≥ 0.9×" : "", cold ? met(c.ratio() >= 0.9) : ""));
            }
        }
    }

    private static void like(StringBuilder md, Section s) {
        Like l = s.like;
        if (l == null) {
            return;
        }
        md.append(row(String.format(Locale.ROOT, "SQLite `LIKE '%%kw%%'` + `COUNT(*)`, first %d queries of the mix:"
                                + " median latency (speed-up of totals: %,.0f×)", l.queries(), l.speedUpOfTotals()),
                ms(l.serviceMedian()), "SQLite LIKE: " + ms(l.likeMedian()),
                String.format(Locale.ROOT, "%,.0f× faster", l.speedUpOfMedians()), "≥ 300× faster",
                met(l.speedUpOfMedians() >= 300)));
    }

    private static void http(StringBuilder md, Section s, boolean largest) {
        if (s.httpSkipped != null) {
            md.append(row("HTTP", "skipped: " + s.httpSkipped, "", "", "", ""));
            return;
        }
        for (int c : List.of(1, 2)) {
            HttpBench.WrkRun h = s.http(HEALTH, c);
            for (String label : List.of(DISTINCT, REPEATING)) {
                HttpBench.WrkRun r = s.http(label, c);
                if (r == null || h == null) {
                    continue;
                }
                String cache = label.equals(DISTINCT) ? "cache on but missed" : "cache on, mostly hits";
                md.append(row(String.format(Locale.ROOT, "HTTP %s (%s), %d conn: req/s · p50 / p99", label, cache, c),
                        wrk(r), "`/health`: " + wrk(h), ratio(r.qps() / h.qps()), "", ""));
            }
        }
        HttpBench.WrkRun two = s.http(DISTINCT, 2);
        QueryBench.Comparison raw2 = s.query(COLD, 2);
        if (two != null && raw2 != null) {
            double r = two.qps() / raw2.baseline().qps();
            md.append(row("HTTP distinct queries, 2 conns, vs raw Lucene in-process on 2 threads",
                    String.format(Locale.ROOT, "%,.0f req/s", two.qps()),
                    String.format(Locale.ROOT, "raw Lucene: %,.0f q/s", raw2.baseline().qps()), ratio(r), "≥ 0.8×",
                    met(r >= 0.8)));
            for (int c : List.of(1, 2)) {
                HttpBench.WrkRun d = s.http(DISTINCT, c);
                md.append(row(String.format(Locale.ROOT, "HTTP p99, distinct queries, %d conn", c), ms(d.p99()),
                        "", "", largest ? "≤ 5 ms" : "(≤ 5 ms at 1M)", largest ? met(d.p99() <= 5) : ""));
            }
        }
        HttpBench.ServerState st = s.server;
        if (st != null) {
            md.append(row("server after the load (`-Xmx256m`)", String.format(Locale.ROOT,
                            "heap used %s of %s committed (max %s); RSS %s, peak %s; GC %d collections, %.2f s",
                            mb(st.heapUsed()), mb(st.heapCommitted()), mb(st.heapMax()), mb(st.rss()), mb(st.peakRss()),
                            st.gcCount(), st.gcSeconds()), "", "",
                    "survives, no OOM", met(st.alive() && !st.outOfMemory())));
        }
    }

    private static String row(String what, String service, String baseline, String ratio, String target, String met) {
        return "| " + String.join(" | ", what, service, baseline, ratio, target, met) + " |\n";
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f articles/s", perSecond);
    }

    private static String qps(QueryBench.Summary s) {
        return String.format(Locale.ROOT, "%,.0f q/s · %.2f / %.2f ms", s.qps(), s.p50Millis(), s.p99Millis());
    }

    private static String wrk(HttpBench.WrkRun r) {
        return String.format(Locale.ROOT, "%,.0f req/s · %.2f / %.2f ms", r.qps(), r.p50(), r.p99());
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 10 ? "%,.0f ms" : "%.2f ms", millis);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
