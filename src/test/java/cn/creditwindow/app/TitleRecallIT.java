package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.SharedData;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.Module;
import cn.creditwindow.search.analysis.SearchText;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keyword recall on 150,904 real headlines: for every keyword, the API answers exactly the titles a
 * substring search finds (Chinese anywhere; Latin and digits at the start of a word), newest first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleRecallIT {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    /** Beyond this many matches only the total and the first pages are compared. */
    private static final int FULL_COMPARE_LIMIT = 2_000;

    private Path dir;
    private List<String> titles;
    private TestServer server;

    @BeforeAll
    void indexHeadlines(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        titles = Files.readAllLines(SharedData.require("headlines-zh/all_titles.txt"), StandardCharsets.UTF_8)
                .stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        assertThat(titles).hasSizeGreaterThan(150_000);
        server = TestServer.start(dir, null, null);
        ArticleIndex index = server.app().articles();
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            batch.add(new Article("t" + i, Module.TRADE_NEWS, titles.get(i), "", T0.plusSeconds(60L * i), "", "",
                    List.of(), List.of(), List.of()));
            if (batch.size() == 20_000) {
                index.upsert(batch);
                batch.clear();
            }
        }
        index.upsert(batch);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Hand-picked keywords (the known smartcn gaps among them) and 200 random 2–4 char pieces of titles. */
    List<String> keywords() throws IOException {
        List<String> all = Files.readAllLines(SharedData.require("headlines-zh/all_titles.txt"), StandardCharsets.UTF_8);
        Set<String> out = new LinkedHashSet<>(List.of("纺织", "沙特", "一带一路", "中美", "美國", "關稅", "iPhone", "AI",
                "5G", "NBA", "华为", "中国", "足球", "手机", "房价", "股市", "王者荣耀", "阿联酋", "关税", "出口", "iphone x",
                "微信 支付", "小米 手机", "3D", "A股", "CBA", "2018", "s9", "ofo", "LOL"));
        Random random = new Random(20261122);
        while (out.size() < 230) {
            String title = all.get(random.nextInt(all.size())).strip();
            int length = 2 + random.nextInt(3);
            if (title.length() < length) {
                continue;
            }
            int start = random.nextInt(title.length() - length + 1);
            String piece = title.substring(start, start + length);
            if (piece.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    || (c < 128 && Character.isLetterOrDigit(c)))) {
                out.add(piece);
            }
        }
        return List.copyOf(out);
    }

    @ParameterizedTest
    @MethodSource("keywords")
    void theApiFindsExactlyTheTitlesThatContainTheKeyword(String q) {
        List<Integer> expected = oracle(q);
        JsonNode first = page(q, 1);
        assertThat(first.get("total").asLong()).as("total for '%s'", q).isEqualTo(expected.size());
        int pages = expected.size() <= FULL_COMPARE_LIMIT ? (expected.size() + 99) / 100 : 3;
        List<Integer> got = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            (p == 1 ? first : page(q, p)).get("items").forEach(i -> got.add(Integer.parseInt(i.get("id").asText().substring(1))));
        }
        assertThat(got).as("ids for '%s'", q).isEqualTo(expected.subList(0, Math.min(expected.size(), pages * 100)));
    }

    private JsonNode page(String q, int page) {
        TestServer.Response r = server.get("/api/articles?size=100&page=" + page + "&q=" + enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Indexes of the titles containing every keyword of q, newest (highest index) first. */
    private List<Integer> oracle(String q) {
        String[] keywords = q.strip().split("\\s+");
        List<Integer> out = new ArrayList<>();
        for (int i = titles.size() - 1; i >= 0; i--) {
            String title = SearchText.normalize(titles.get(i));
            boolean all = true;
            for (String k : keywords) {
                all &= containsAtWordStart(title, SearchText.normalize(k));
            }
            if (all) {
                out.add(i);
            }
        }
        return out;
    }

    /** Substring; a keyword that starts with a Latin letter or digit must start where a word starts. */
    private static boolean containsAtWordStart(String title, String keyword) {
        boolean latinStart = SearchText.isWordChar(keyword.charAt(0));
        for (int at = title.indexOf(keyword); at >= 0; at = title.indexOf(keyword, at + 1)) {
            if (!latinStart || at == 0 || !SearchText.isWordChar(title.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }
}
