package cn.creditwindow.buyers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-memory index alone: edit distances, and how fast it searches 100,000 buyers. */
class BuyerIndexTest {
    private static final String[] PARTS = {"desert", "rose", "gulf", "pearl", "trading", "general", "import", "export",
        "star", "falcon", "oasis", "bridge", "textiles", "electronics", "machinery", "holdings", "global", "national",
        "united", "royal", "golden", "silver", "harbor", "valley", "ocean", "summit", "crown", "eagle", "lotus", "cedar"};

    @Test
    void distancesCountSwapsAsOneEditAndStopEarly() {
        assertThat(BuyerIndex.distance("trading", "tradng", 1)).isEqualTo(1);
        assertThat(BuyerIndex.distance("maschinen", "mashcinen", 2)).isEqualTo(1);
        assertThat(BuyerIndex.distance("kessler", "kesler", 1)).isEqualTo(1);
        assertThat(BuyerIndex.distance("desert", "dxsxrt", 1)).isEqualTo(2);
        assertThat(BuyerIndex.distance("abc", "abcdef", 1)).isEqualTo(2);
        assertThat(BuyerIndex.maxEdits("rose")).isZero();
        assertThat(BuyerIndex.maxEdits("desert")).isEqualTo(1);
        assertThat(BuyerIndex.maxEdits("maschinen")).isEqualTo(2);
    }

    /**
     * 100,000 generated buyers (three or four words from a list plus a unique made-up word each, so the vocabulary
     * is about 100,000 words): a search with a typo, the hardest case since every word of the vocabulary is
     * compared, must stay well under a tenth of a second. Measured figures are printed (see the README).
     */
    @Test
    void searchingOneHundredThousandBuyersIsFast() {
        BuyerIndex index = new BuyerIndex();
        Random random = new Random(42);
        for (int i = 1; i <= 100_000; i++) {
            StringBuilder name = new StringBuilder();
            int words = 2 + random.nextInt(3);
            for (int w = 0; w < words; w++) {
                name.append(PARTS[random.nextInt(PARTS.length)]).append(' ');
            }
            name.append(madeUp(random)).append(" LLC");
            index.put(new Buyer(i, "AE" + i, name.toString(), null, i % 2 == 0 ? "AE" : "DE", null, null,
                    i % 10 == 0 ? Long.valueOf(i % 7) : null, null, Instant.EPOCH));
        }
        index.put(new Buyer(200_001, "AE9999999", "Desert Rose Trading LLC", "沙漠玫瑰贸易有限责任公司", "AE", null, null,
                null, null, Instant.EPOCH));
        List<String> queries = List.of("Desert Rose Trading", "Desert Rose Tradng", "Trading Desert Rose", "kessler",
                "golden eagle", "沙漠玫瑰", "gloden eagel holdings");
        for (int warm = 0; warm < 3; warm++) {
            queries.forEach(q -> index.search(q, e -> true));
        }
        List<String> report = new ArrayList<>();
        long worst = 0;
        for (String q : queries) {
            long[] times = new long[5];
            int hits = 0;
            for (int r = 0; r < times.length; r++) {
                long t0 = System.nanoTime();
                hits = index.search(q, e -> e.owner() == null || e.owner() == 3L).size();
                times[r] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            worst = Math.max(worst, times[2]);
            report.add(String.format("%-24s %6d hits, median %5.1f ms", q, hits, times[2] / 1e6));
        }
        System.out.println("BuyerIndex, 100,000 buyers:\n  " + String.join("\n  ", report));
        assertThat(index.search("Desert Rose Tradng", e -> true).get(0).entry().id()).isEqualTo(200_001);
        assertThat(worst).as("median nanoseconds of the slowest query").isLessThan(250_000_000L);
    }

    private static String madeUp(Random random) {
        char[] c = new char[6 + random.nextInt(4)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }
}
