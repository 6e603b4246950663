package cn.creditwindow.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A rough single-thread throughput check of {@link Gazetteer#tag} over real headlines, run by hand
 * (it is not a test, so surefire skips it):
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes cn.creditwindow.reference.GazetteerBenchmark [titles.txt]
 * </pre>
 * The default input is {@code ../shared/data/headlines-zh/all_titles.txt} (150,904 titles, one per line).
 * Figures are recorded in BENCHMARKS.md.
 */
final class GazetteerBenchmark {
    private GazetteerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path input = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("user.dir")).resolve("../shared/data/headlines-zh/all_titles.txt");
        List<String> titles = Files.readAllLines(input, StandardCharsets.UTF_8);

        long buildStart = System.nanoTime();
        Gazetteer gazetteer = new Gazetteer(Countries.load(), Industries.load());
        System.out.printf("load + build: %.1f ms%n", (System.nanoTime() - buildStart) / 1e6);

        double chars = titles.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf("%,d titles, %.1f characters on average%n", titles.size(), chars);
        long sink = 0;
        for (int round = 1; round <= 8; round++) {
            long start = System.nanoTime();
            for (String title : titles) {
                Tags tags = gazetteer.tag(title, null);
                sink += tags.countries().size() + tags.industries().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,.0f titles/s%n", round, titles.size() / seconds);
        }
        System.out.println("(tags found: " + sink + ")");
    }
}
