package cn.creditwindow.bench;

import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import cn.creditwindow.reference.Gazetteer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The articles of the benchmark: article {@code i} is a pure function of {@code i} and the real titles,
 * so every run (and the service, the raw baseline and SQLite within a run) sees the same data.
 *
 * <ul>
 *   <li>title: {@code headline[i % n]}; from the second pass over the titles on, with a prefix and a
 *       suffix from fixed word lists, different for each pass, so titles stay distinct;</li>
 *   <li>published: roughly in ingest order, one every {@value #STEP_SECONDS} s from 2022-01-01, give or
 *       take 6 hours;</li>
 *   <li>countries: none (35%), one (45%) or two (20%), Zipf-distributed over {@link #COUNTRIES};</li>
 *   <li>industries: as the ingest path derives them, by the {@link Gazetteer} from the title;</li>
 *   <li>module: trade news 55%, country alerts 20%, industry alerts 15%, Belt and Road 10%.</li>
 * </ul>
 */
final class Corpus {
    /** ~30 ISO codes, most frequent first (a Zipf rank order). */
    static final List<String> COUNTRIES = List.of("US", "JP", "KR", "DE", "GB", "RU", "IN", "FR", "VN", "SA",
            "AE", "AU", "SG", "TH", "MY", "ID", "BR", "CA", "IT", "TR", "PK", "KZ", "MX", "NL", "ES", "EG", "ZA",
            "NG", "PH", "IR");
    private static final String[] PREFIXES = {"快讯：", "【关注】", "独家：", "最新：", "【深度】", "外媒："};
    private static final String[] SUFFIXES = {"（图）", "｜观察", "（更新）", "——专家解读", "（附全文）", "｜一周回顾"};
    private static final String[] SOURCES = {"新华社", "中国贸促会", "商务部", "财新", "第一财经", "经济日报"};
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final long STEP_SECONDS = 90;
    private static final long JITTER_SECONDS = 6 * 3600;

    private final List<String> titles;
    private final Gazetteer gazetteer;
    private final Zipf countryRanks = new Zipf(COUNTRIES.size(), 1.1);

    Corpus(List<String> titles, Gazetteer gazetteer) {
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("no titles");
        }
        this.titles = List.copyOf(titles);
        this.gazetteer = gazetteer;
    }

    /** Reads the non-blank lines of a titles file, in place. */
    static List<String> readTitles(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("titles file not found: " + file.toAbsolutePath().normalize()
                    + " (the shared data folder ../shared/data beside the project; see --data)");
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** How many real titles there are. */
    int realTitles() {
        return titles.size();
    }

    /** The real title {@code k} (0 ≤ k < {@link #realTitles()}). */
    String realTitle(int k) {
        return titles.get(k);
    }

    String title(int i) {
        int n = titles.size();
        String base = titles.get(i % n);
        int pass = i / n;
        if (pass == 0) {
            return base;
        }
        int variant = (int) Math.floorMod(pass - 1 + Mix.hash(i % n, 7), (long) PREFIXES.length * SUFFIXES.length);
        return PREFIXES[variant % PREFIXES.length] + base + SUFFIXES[variant / PREFIXES.length];
    }

    Instant published(int i) {
        long jitter = Math.floorMod(Mix.hash(i, 1), 2 * JITTER_SECONDS) - JITTER_SECONDS;
        return START.plus(Duration.ofSeconds(i * STEP_SECONDS + jitter, Math.floorMod(Mix.hash(i, 2), 1000) * 1_000_000L));
    }

    List<String> countries(int i) {
        long h = Math.floorMod(Mix.hash(i, 3), 100);
        int count = h < 35 ? 0 : h < 80 ? 1 : 2;
        List<String> out = new ArrayList<>(count);
        for (int k = 0; out.size() < count && k < 8; k++) {
            String c = COUNTRIES.get(countryRanks.rank(Mix.unit(Mix.hash(i, 10 + k))));
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static Module module(int i) {
        long h = Math.floorMod(Mix.hash(i, 4), 100);
        return h < 55 ? Module.TRADE_NEWS : h < 75 ? Module.COUNTRY_ALERT : h < 90 ? Module.INDUSTRY_ALERT
                : Module.BELT_AND_ROAD;
    }

    /** 24 random-looking hex digits, like the ids the feed ingester derives from guids with SHA-256. */
    static String id(int i) {
        return String.format("%016x%08x", Mix.hash(i, 5), Mix.hash(i, 6) & 0xFFFF_FFFFL);
    }

    /** Article {@code i}, without a body, as the upsert path gets it. */
    Article article(int i) {
        String title = title(i);
        return new Article(id(i), module(i), title, "", published(i), SOURCES[Math.floorMod(i, SOURCES.length)],
                "https://news.example.cn/a/" + id(i), countries(i), gazetteer.tag(title, null).industries(), List.of());
    }

    /** Articles {@code from} (inclusive) to {@code to} (exclusive). */
    List<Article> articles(int from, int to) {
        List<Article> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(article(i));
        }
        return out;
    }

    /** A short summary for feed items: the title and the next real title, as two paragraphs of plain text. */
    String summary(int i) {
        return title(i) + " " + titles.get((i + 1) % titles.size());
    }

    /** Deterministic pseudo-randomness: SplitMix64 of (i, salt). */
    static final class Mix {
        private Mix() {
        }

        static long hash(long i, long salt) {
            long z = i * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** A uniform double in [0, 1) from a hash. */
        static double unit(long hash) {
            return (hash >>> 11) * 0x1.0p-53;
        }
    }

    /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int rank(double u) {
            for (int k = 0; k < cumulative.length; k++) {
                if (u < cumulative[k]) {
                    return k;
                }
            }
            return cumulative.length - 1;
        }
    }
}
