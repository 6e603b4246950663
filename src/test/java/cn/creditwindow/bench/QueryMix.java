package cn.creditwindow.bench;

import cn.creditwindow.search.analysis.Analyzers;
import cn.creditwindow.search.ArticleQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The query mix: keywords drawn from the real titles plus a country filter, newest first, top 15.
 *
 * <ul>
 *   <li>65%: one smartcn word of 2–4 Chinese characters from a random title;</li>
 *   <li>10%: a substring of 1–4 Chinese characters of a random title (1 character: ~2.5% of all queries);</li>
 *   <li>15%: two words of the same title (both must match);</li>
 *   <li>10%: a Latin keyword (AI, 5G, iPhone…), half of them with a Chinese word;</li>
 *   <li>country: none (35%), one (55%), two (10%), Zipf-distributed like the articles'.</li>
 * </ul>
 * Queries are distinct (duplicates are drawn again) and come in a fixed order for a fixed seed.
 */
final class QueryMix {
    private static final List<String> LATIN = List.of("AI", "5G", "iPhone", "CEO", "NBA", "GDP", "iPad", "App",
            "IPO", "WTO", "4G", "VR", "P2P", "Uber", "PPT");

    /** One query of the mix. */
    record BenchQuery(List<String> keywords, List<String> countries) {
        ArticleQuery toArticleQuery() {
            return toArticleQuery(true);
        }

        /** The query with or without country and industry counts (the API's {@code facets=false}). */
        ArticleQuery toArticleQuery(boolean facets) {
            return ArticleQuery.builder().keywords(keywords).countries(countries).facets(facets).build();
        }

        /** The API request for this query, URL-encoded. */
        String path() {
            String q = URLEncoder.encode(String.join(" ", keywords), StandardCharsets.UTF_8);
            return "/api/articles?q=" + q + (countries.isEmpty() ? "" : "&country=" + String.join(",", countries));
        }

        boolean chinese() {
            return keywords.stream().allMatch(k -> k.codePoints().allMatch(QueryMix::isHan));
        }

        @Override
        public String toString() {
            return String.join(" ", keywords) + (countries.isEmpty() ? "" : " @" + String.join(",", countries));
        }
    }

    private final Corpus corpus;
    private final Analyzer smartcn = Analyzers.words();
    private final Corpus.Zipf countryRanks = new Corpus.Zipf(Corpus.COUNTRIES.size(), 1.1);

    QueryMix(Corpus corpus) {
        this.corpus = corpus;
    }

    /** {@code count} distinct queries, always the same for the same seed. */
    List<BenchQuery> distinct(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, BenchQuery> out = new LinkedHashMap<>();
        while (out.size() < count) {
            BenchQuery q = next(random);
            out.putIfAbsent(q.toString(), q);
        }
        return List.copyOf(out.values());
    }

    /**
     * A realistic repeating sequence: {@code length} draws, Zipf-distributed (s = 1), from the first
     * {@code popular} queries of {@code queries}.
     */
    static List<BenchQuery> repeating(List<BenchQuery> queries, int popular, int length, long seed) {
        Corpus.Zipf zipf = new Corpus.Zipf(popular, 1.0);
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchQuery> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(queries.get(zipf.rank(random.nextDouble())));
        }
        return out;
    }

    private BenchQuery next(SplittableRandom random) {
        int kind = random.nextInt(100);
        List<String> keywords;
        if (kind < 65) {
            keywords = words(random, 1);
        } else if (kind < 75) {
            keywords = List.of(substring(random, 1 + random.nextInt(4)));
        } else if (kind < 90) {
            keywords = words(random, 2);
        } else {
            String latin = LATIN.get(random.nextInt(LATIN.size()));
            keywords = random.nextBoolean() ? List.of(latin) : List.of(latin, words(random, 1).get(0));
        }
        int c = random.nextInt(100);
        List<String> countries = new ArrayList<>();
        int wanted = c < 35 ? 0 : c < 90 ? 1 : 2;
        while (countries.size() < wanted) {
            String code = Corpus.COUNTRIES.get(countryRanks.rank(random.nextDouble()));
            if (!countries.contains(code)) {
                countries.add(code);
            }
        }
        return new BenchQuery(keywords, List.copyOf(countries));
    }

    /** {@code count} different smartcn words of 2–4 Chinese characters from one random real title. */
    private List<String> words(SplittableRandom random, int count) {
        while (true) {
            String title = corpus.realTitle(random.nextInt(corpus.realTitles()));
            List<String> candidates = new ArrayList<>();
            for (String w : segment(title)) {
                if (w.length() >= 2 && w.length() <= 4 && w.codePoints().allMatch(QueryMix::isHan)
                        && title.contains(w) && !candidates.contains(w)) {
                    candidates.add(w);
                }
            }
            if (candidates.size() >= count) {
                List<String> out = new ArrayList<>(count);
                while (out.size() < count) {
                    String w = candidates.get(random.nextInt(candidates.size()));
                    if (!out.contains(w)) {
                        out.add(w);
                    }
                }
                return List.copyOf(out);
            }
        }
    }

    private String substring(SplittableRandom random, int length) {
        while (true) {
            String title = corpus.realTitle(random.nextInt(corpus.realTitles()));
            int start = random.nextInt(title.length());
            if (start + length <= title.length()
                    && title.substring(start, start + length).codePoints().allMatch(QueryMix::isHan)) {
                return title.substring(start, start + length);
            }
        }
    }

    private List<String> segment(String title) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = smartcn.tokenStream("title_words", title)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting " + title, e);
        }
        return out;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
