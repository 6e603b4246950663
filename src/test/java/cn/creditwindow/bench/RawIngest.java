package cn.creditwindow.bench;

import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.Article;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw Lucene side of the ingest comparison of #18, in a JVM of its own as the window's {@code ingest} runs: the
 * articles 0 to {@code size} of the corpus, with the summaries the feed files carry as bodies, written by
 * {@link RawLucene.Writer} (the window's analyzers and fields) with a commit per batch, then closed (waiting for
 * merges). Making the articles (corpus, gazetteer) is not indexing: its CPU and wall time are subtracted. Prints one
 * line, {@code RAW articles=… cpu_ns=… wall_ns=…}.
 * <pre>
 * RawIngest TITLES_FILE INDEX_DIR SIZE BATCH
 * </pre>
 */
final class RawIngest {
    private RawIngest() {
    }

    public static void main(String[] args) throws Exception {
        Path titles = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        Corpus corpus = new Corpus(Corpus.readTitles(titles), new Gazetteer(countries, industries));
        FeedDocuments feeds = new FeedDocuments(corpus);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long makingCpu = 0;
        long makingWall = 0;
        long cpu0 = ProcessCpu.jvm();
        long wall0 = System.nanoTime();
        try (RawLucene.Writer raw = new RawLucene.Writer(dir, industries::withAncestors)) {
            for (int from = 0; from < size; from += batch) {
                long c = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                int to = Math.min(size, from + batch);
                List<Article> articles = feeds.articles(from, to);
                Map<String, String> bodies = new HashMap<>();
                for (int i = from; i < to; i++) {
                    bodies.put(Corpus.id(i), corpus.summary(i));
                }
                makingCpu += threads.getCurrentThreadCpuTime() - c;
                makingWall += System.nanoTime() - w;
                raw.write(articles, a -> bodies.get(a.id()));
                if ((from / batch) % 20 == 19) {
                    System.err.printf("raw: %,d of %,d%n", to, size);
                }
            }
        }
        long cpu = ProcessCpu.jvm() - cpu0 - makingCpu;
        long wall = System.nanoTime() - wall0 - makingWall;
        System.out.printf("RAW articles=%d cpu_ns=%d wall_ns=%d%n", size, cpu, wall);
    }
}
