package cn.creditwindow.buyers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
     * is about 100,000 words): the one buyer named is still found first, with a typo, out of order, or by its Chinese
     * name, among the crowd. (How fast is a benchmark's business, not a test's: these machines are shared.)
     */
    @Test
    void amongOneHundredThousandBuyersTheOneNamedIsFoundFirst() {
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
        for (String q : List.of("Desert Rose Trading", "Desert Rose Tradng", "Trading Desert Rose", "沙漠玫瑰")) {
            assertThat(index.search(q, e -> e.owner() == null || e.owner() == 3L)).as(q).isNotEmpty()
                    .first().satisfies(hit -> assertThat(hit.entry().id()).isEqualTo(200_001));
        }
        // another enterprise's own buyers are not among the hits of one that may not see them
        assertThat(index.search("golden eagle", e -> e.owner() == null || e.owner() == 3L))
                .allSatisfy(hit -> assertThat(hit.entry().owner()).isIn(null, 3L));
    }

    private static String madeUp(Random random) {
        char[] c = new char[6 + random.nextInt(4)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }
}
