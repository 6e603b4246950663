package cn.creditwindow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one benchmark run, from the command line ({@code -Dbench.args="..."}).
 *
 * @param data          the shared data folder (titles are read from {@code headlines-zh/all_titles.txt})
 * @param work          scratch folder for the indexes, the SQLite file, wrk scripts and server logs;
 *                      emptied at the start
 * @param sizes         index sizes to measure at, ascending; 0 stands for "every real title once"
 * @param batch         articles per {@code upsert} call (and per raw commit)
 * @param rounds        measured rounds of each in-process query comparison (medians are reported)
 * @param queries       distinct queries in the in-process query mix
 * @param feedDocs      RSS documents ingested through the feed path after each size
 * @param feedItems     items per RSS document
 * @param likeQueries   queries of the mix also run as SQLite LIKE (a subset: LIKE is slow)
 * @param httpSeconds   duration of each measured wrk run
 * @param http          whether to run the HTTP part
 * @param jfr           record JFR profiles of the query phases and of the server (into {@code work})
 */
record BenchOptions(Path data, Path work, List<Integer> sizes, int batch, int rounds, int queries,
                    int feedDocs, int feedItems, int likeQueries, int httpSeconds, boolean http, boolean jfr) {

    static final String USAGE = """
            Bench [--data ../shared/data] [--work target/bench] [--sizes 0,1000000] [--batch 10000]
                  [--rounds 5] [--queries 2000] [--feed-docs 20] [--feed-items 1000] [--like-queries 60]
                  [--http-seconds 12] [--no-http] [--jfr]
              --sizes   index sizes, ascending; 0 = every real title once (150,904); --max N = --sizes 0,N
            """;

    static BenchOptions parse(String[] args) {
        Path data = Path.of("../shared/data");
        Path work = Path.of("target/bench");
        List<Integer> sizes = List.of(0, 1_000_000);
        int batch = 10_000;
        int rounds = 5;
        int queries = 2_000;
        int feedDocs = 20;
        int feedItems = 1_000;
        int likeQueries = 60;
        int httpSeconds = 12;
        boolean http = true;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--work" -> work = Path.of(value(args, ++i, a));
                case "--sizes" -> sizes = sizes(value(args, ++i, a));
                case "--max" -> sizes = List.of(0, positive(value(args, ++i, a), a));
                case "--batch" -> batch = positive(value(args, ++i, a), a);
                case "--rounds" -> rounds = positive(value(args, ++i, a), a);
                case "--queries" -> queries = positive(value(args, ++i, a), a);
                case "--feed-docs" -> feedDocs = Integer.parseInt(value(args, ++i, a));
                case "--feed-items" -> feedItems = positive(value(args, ++i, a), a);
                case "--like-queries" -> likeQueries = Integer.parseInt(value(args, ++i, a));
                case "--http-seconds" -> httpSeconds = positive(value(args, ++i, a), a);
                case "--no-http" -> http = false;
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        return new BenchOptions(data, work, sizes, batch, rounds, queries, feedDocs, feedItems, likeQueries,
                httpSeconds, http, jfr);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String raw, String option) {
        int v = Integer.parseInt(raw.replace("_", ""));
        if (v < 1) {
            throw new IllegalArgumentException(option + " must be positive, was " + raw);
        }
        return v;
    }

    private static List<Integer> sizes(String raw) {
        List<Integer> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            out.add(Integer.parseInt(part.strip().replace("_", "")));
        }
        return List.copyOf(out);
    }
}
