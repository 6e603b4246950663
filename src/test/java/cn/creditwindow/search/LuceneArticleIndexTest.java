package cn.creditwindow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded index: {@link ArticleIndexContract}, and what only an index on a local folder does. */
class LuceneArticleIndexTest extends ArticleIndexContract {
    @Override
    protected ArticleIndex open() throws IOException {
        return LuceneArticleIndex.open(new ByteBuffersDirectory(), ArticleIndexContract::ancestors, 100);
    }

    @Test
    void acknowledgedArticlesSurviveWithoutAClose(@TempDir Path dir) throws IOException {
        LuceneArticleIndex first = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors, 0);
        first.upsert(List.of(article("a", "崩溃前写入的文章", 1)));
        // no close(): simulate a crash by dropping the writer's lock and opening read-only
        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(FSDirectory.open(dir), 0)) {
            assertThat(reader.find("a")).isPresent();
            assertThat(reader.search(ArticleQuery.builder().keyword("崩溃").build()).total()).isEqualTo(1);
        }
        first.close();
    }

    @Test
    void theWriterBuffersAQuarterOfTheHeapWithinBounds() {
        long mb = 1024 * 1024;
        assertThat(LuceneArticleIndex.ramBufferMB(256 * mb)).isEqualTo(64);
        assertThat(LuceneArticleIndex.ramBufferMB(1024 * mb)).isEqualTo(256);
        assertThat(LuceneArticleIndex.ramBufferMB(6 * 1024 * mb)).isEqualTo(256);
        assertThat(LuceneArticleIndex.ramBufferMB(32 * mb)).isEqualTo(16);
    }

    private static final List<String> COUNTRIES = List.of("US", "AE", "SA", "RU", "UA", "VN", "DE");
    private static final List<String> INDUSTRIES = List.of("17", "photovoltaics", "39", "C");

    /** Random tags: none, one or several of {@code codes}, in a random order. */
    private static List<String> someOf(List<String> codes, SplittableRandom random) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            if (random.nextInt(codes.size()) == 0) {
                out.add(out.isEmpty() || random.nextBoolean() ? out.size() : 0, c);
            }
        }
        return out;
    }

    @Test
    void facetsCountEveryMatchOverManySegmentsAsCountingTheArticlesWould() throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        List<Article> all = new ArrayList<>();
        for (int batch = 0; batch < 6; batch++) { // an upsert commits: a segment each
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String title = (random.nextBoolean() ? "出口风险" : "贸易新闻") + batch + "-" + i;
                Module module = Module.values()[random.nextInt(Module.values().length)];
                articles.add(article("d" + batch + "-" + i, module, title, random.nextInt(400),
                        someOf(COUNTRIES, random), someOf(INDUSTRIES, random)));
            }
            index.upsert(articles);
            all.addAll(articles);
        }
        for (ArticleQuery q : List.of(ArticleQuery.builder().keyword("风险").build(),
                ArticleQuery.builder().countries(List.of("AE", "RU")).build(),
                ArticleQuery.builder().industries(List.of("C")).keyword("新闻").build(),
                ArticleQuery.builder().build())) {
            Map<String, Long> modules = new TreeMap<>();
            Map<String, Long> countries = new TreeMap<>();
            Map<String, Long> industries = new TreeMap<>();
            long total = 0;
            for (Article a : all) {
                boolean keywords = q.keywords().stream().allMatch(k -> a.title().contains(k));
                boolean country = q.countries().isEmpty() || a.countries().stream().anyMatch(q.countries()::contains);
                boolean industry = q.industries().isEmpty()
                        || ancestors(a.industries()).stream().anyMatch(q.industries()::contains);
                if (keywords && country && industry) {
                    total++;
                    modules.merge(a.module().id(), 1L, Long::sum);
                    a.countries().forEach(c -> countries.merge(c, 1L, Long::sum));
                    ancestors(a.industries()).forEach(i -> industries.merge(i, 1L, Long::sum));
                }
            }
            SearchPage page = index.search(q);
            assertThat(page.total()).as(q.toString()).isEqualTo(total).isPositive();
            // without facets, a one-term query's total comes from the index's own counts, and the page is the same
            ArticleQuery plain = ArticleQuery.builder().keywords(q.keywords()).countries(q.countries())
                    .industries(q.industries()).facets(false).build();
            SearchPage plainPage = index.search(plain);
            assertThat(plainPage.total()).as(plain.toString()).isEqualTo(total);
            assertThat(plainPage.items()).as(plain.toString()).isEqualTo(page.items());
            assertThat(new TreeMap<>(page.facets().module())).as(q.toString()).isEqualTo(modules);
            assertThat(new TreeMap<>(page.facets().country())).as(q.toString()).isEqualTo(countries);
            assertThat(new TreeMap<>(page.facets().industry())).as(q.toString()).isEqualTo(industries);
        }
    }

    @Test
    void compactLeavesOneSegmentWithEverythingFoundAsBefore(@TempDir Path dir) throws IOException {
        try (LuceneArticleIndex lucene = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors,
                0)) {
            for (int batch = 0; batch < 5; batch++) {
                List<Article> articles = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    articles.add(article("c" + batch + "-" + i, "合并前的第" + batch + "批文章" + i, batch * 50 + i));
                }
                lucene.upsert(articles);
            }
            lucene.delete(List.of("c0-0"));
            assertThat(segments(dir)).isGreaterThan(1);
            SearchPage before = lucene.search(ArticleQuery.builder().keyword("批文章").size(20).build());

            lucene.compact();

            assertThat(segments(dir)).isEqualTo(1);
            SearchPage after = lucene.search(ArticleQuery.builder().keyword("批文章").size(20).build());
            assertThat(after.total()).isEqualTo(249);
            assertThat(after.items()).isEqualTo(before.items());
            assertThat(lucene.find("c0-0")).isEmpty();
            assertThat(lucene.find("c4-49").map(Article::title)).contains("合并前的第4批文章49");
        }
    }

    @Test
    void anIndexOfLucenesOwnCodecIsReadAndCompactedIntoTheWindowsCodec(@TempDir Path dir) throws IOException {
        // the index as versions before ArticleCodec wrote it: Lucene's default codec
        writeAsBefore(dir, Codec.getDefault(), "e", "早先编码写下的文章");
        assertThat(codecs(dir)).containsOnly("Lucene912");
        try (LuceneArticleIndex lucene = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors,
                0)) {
            lucene.upsert(List.of(article("n", "新编码写下的文章", 40)));
            assertThat(codecs(dir)).containsOnly("Lucene912", ArticleCodec.NAME);
            assertThat(lucene.search(ArticleQuery.builder().keyword("编码写下").build()).total()).isEqualTo(31);

            lucene.compact();

            assertThat(codecs(dir)).containsExactly(ArticleCodec.NAME);
            assertThat(lucene.find("e7").map(Article::title)).contains("早先编码写下的文章7");
            assertThat(titles(lucene, "编码写下")).startsWith("新编码写下的文章", "早先编码写下的文章29");
        }
    }

    /**
     * 30 articles ({@code idPrefix} 0–29, titles {@code title} 0–29) written as an earlier version did: the same
     * fields and sort, {@code codec}.
     */
    private static void writeAsBefore(Path dir, Codec codec, String idPrefix, String title) throws IOException {
        ArticleDocuments documents = new ArticleDocuments(ArticleIndexContract::ancestors);
        try (Directory d = FSDirectory.open(dir);
             IndexWriter writer = earlierWriter(d, codec)) {
            for (int i = 0; i < 30; i++) {
                Article a = article(idPrefix + i, title + i, i);
                writer.addDocument(documents.toDocument(a, ArticleDocuments.contentHash(a)));
            }
            writer.commit();
        }
    }

    /** A writer as an earlier version opened the index: the same fields and sort, {@code codec}. */
    private static IndexWriter earlierWriter(Directory d, Codec codec) throws IOException {
        return new IndexWriter(d, new IndexWriterConfig(LuceneArticleIndex.indexing())
                .setIndexSort(LuceneArticleIndex.NEWEST_FIRST).setCodec(codec));
    }

    @Test
    void segmentsWrittenBeforeTheIdsHadABloomFilterAreReadUpdatedAndMergedWithNewOnes(@TempDir Path dir)
            throws IOException {
        // the window's codec as it was before: the same name and stored fields, the ids in Lucene's own postings
        Codec before = new FilterCodec(ArticleCodec.NAME, new Lucene912Codec()) {
            @Override
            public StoredFieldsFormat storedFieldsFormat() {
                return new ArticleCodec().storedFieldsFormat();
            }
        };
        writeAsBefore(dir, before, "old", "布隆过滤之前的文章");
        assertThat(idFormats(dir)).containsExactly("Lucene912");
        try (LuceneArticleIndex lucene = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors,
                0)) {
            assertThat(lucene.upsert(List.of(article("old3", "布隆过滤之前的文章3", 3),
                    article("old4", "改过的布隆过滤之前的文章4", 4), article("new", "布隆过滤之后的文章", 40))))
                    .containsExactly(ArticleIndex.Outcome.UNCHANGED, ArticleIndex.Outcome.UPDATED,
                            ArticleIndex.Outcome.NEW);
            assertThat(idFormats(dir)).containsExactlyInAnyOrder("Lucene912", "BloomFilter");
            assertThat(lucene.find("old7").map(Article::title)).contains("布隆过滤之前的文章7");
            assertThat(lucene.find("new").map(Article::title)).contains("布隆过滤之后的文章");
            assertThat(lucene.find("absent")).isEmpty();

            lucene.compact();

            assertThat(idFormats(dir)).containsExactly("BloomFilter");
            assertThat(lucene.count()).isEqualTo(31);
            assertThat(lucene.find("old4").map(Article::title)).contains("改过的布隆过滤之前的文章4");
            assertThat(lucene.upsert(List.of(article("old5", "布隆过滤之前的文章5", 5), article("old6", "又改过", 6))))
                    .containsExactly(ArticleIndex.Outcome.UNCHANGED, ArticleIndex.Outcome.UPDATED);
        }
    }

    /** The postings format of the id field in each segment of the last commit. */
    private static List<String> idFormats(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            List<String> names = new ArrayList<>();
            for (var leaf : reader.leaves()) {
                names.add(leaf.reader().getFieldInfos().fieldInfo(Fields.ID)
                        .getAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY));
            }
            return names;
        }
    }

    private static List<String> codecs(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            List<String> names = new ArrayList<>();
            SegmentInfos.readLatestCommit(d).forEach(s -> names.add(s.info.getCodec().getName()));
            return names;
        }
    }

    private static List<String> titles(ArticleIndex index, String keyword) {
        return index.search(ArticleQuery.builder().keyword(keyword).build()).items().stream().map(Hit::title).toList();
    }

    @Test
    void aLargeBatchWrittenOnSeveralThreadsFailsAsOneWithNothingCommitted() throws IOException {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            batch.add(article("b" + i, "并行写入的文章" + i, i));
        }
        // an id Lucene refuses to index (a term of over 32,766 bytes), in the part another thread writes
        batch.set(350, article("x".repeat(40_000), "写不进去的文章", 350));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.upsert(batch))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(index.count()).isZero();
        assertThat(index.search(ArticleQuery.builder().keyword("并行写入").build()).total()).isZero();
    }

    @Test
    void aBulkLoadHoldsMergesBackUntilItEndsAndCompactMergesAnyway(@TempDir Path dir) throws Exception {
        try (LuceneArticleIndex lucene = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors,
                0)) {
            ArticleIndex.BulkLoad bulk = lucene.beginBulkLoad();
            for (int batch = 0; batch < 24; batch++) {
                lucene.upsert(List.of(article("b" + batch, "批量载入的文章" + batch, batch)));
            }
            // a commit each, a segment each: the tiered policy would merge ten small ones at a time
            assertThat(segments(dir)).isEqualTo(24);

            bulk.close();
            bulk.close(); // ends once

            int seen;
            int more = 0;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            do { // merges run in the background again: a later commit records them
                Thread.sleep(20);
                lucene.upsert(List.of(article("after" + more, "载入之后的文章" + more, 100 + more)));
                more++;
                seen = segments(dir);
            } while (seen >= 24 && System.nanoTime() < deadline);
            assertThat(seen).isLessThan(24);
            assertThat(lucene.search(ArticleQuery.builder().keyword("批量载入").build()).total()).isEqualTo(24);

            try (ArticleIndex.BulkLoad another = lucene.beginBulkLoad()) {
                lucene.upsert(List.of(article("c", "再次载入的文章", 500)));
                lucene.compact(); // forced merges are never held back
                assertThat(segments(dir)).isEqualTo(1);
            }
            assertThat(lucene.count()).isEqualTo(24 + more + 1);
        }
    }

    private static int segments(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return reader.leaves().size();
        }
    }

    @Test
    void aListShowsAnArticleAsUpdatedEvenRightAfterItsFormerVersionWasShown() throws IOException {
        index.upsert(List.of(article("u", "更新前的标题", 1)));
        assertThat(titles("标题")).containsExactly("更新前的标题");
        index.upsert(List.of(article("u", "更新后的标题", 1)));
        assertThat(titles("标题")).containsExactly("更新后的标题");
    }

    @Test
    void anArticleStoredWithTheWholeHashOfAnEarlierVersionIsUnchangedWhenFedAgainAsItWas(@TempDir Path dir)
            throws IOException {
        Article a = article("old", "早先版本存下的文章", 3);
        Article changed = article("old2", "早先版本存下的另一篇", 4);
        // what an earlier version wrote: the whole SHA-256 of the content, as hex text
        try (Directory d = FSDirectory.open(dir)) {
            try (LuceneArticleIndex lucene = LuceneArticleIndex.open(d, ArticleIndexContract::ancestors, 0)) {
                lucene.upsert(List.of(a, changed));
            }
        }
        try (Directory d = FSDirectory.open(dir);
             IndexWriter writer = earlierWriter(d, Codec.getDefault())) {
            for (Article x : List.of(a, changed)) {
                Document doc = new ArticleDocuments(ArticleIndexContract::ancestors).toDocument(x,
                        ArticleDocuments.contentHash(x));
                doc.removeFields(Fields.CONTENT_HASH);
                doc.add(new StoredField(Fields.CONTENT_HASH, wholeHash(x)));
                writer.updateDocument(new Term(Fields.ID, x.id()), doc);
            }
            writer.commit();
        }
        try (LuceneArticleIndex lucene = LuceneArticleIndex.open(FSDirectory.open(dir), ArticleIndexContract::ancestors,
                0)) {
            Article edited = article("old2", "早先版本存下的另一篇（更正）", 4);
            assertThat(lucene.upsert(List.of(a, edited)))
                    .containsExactly(ArticleIndex.Outcome.UNCHANGED, ArticleIndex.Outcome.UPDATED);
            assertThat(lucene.upsert(List.of(edited))).containsExactly(ArticleIndex.Outcome.UNCHANGED);
        }
    }

    /** The content hash as versions before the 16-byte one stored it: all 64 hex characters of SHA-256. */
    private static String wholeHash(Article x) {
        String whole = java.util.HexFormat.of().formatHex(ArticleDocuments.digest(x));
        assertThat(whole).hasSize(64);
        assertThat(ArticleDocuments.contentHash(x)).hasSize(2 * ArticleDocuments.HASH_BYTES);
        return whole;
    }
}
