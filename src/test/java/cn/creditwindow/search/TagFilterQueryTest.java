package cn.creditwindow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagFilterQueryTest {
    private static final String FIELD = "country";

    /**
     * Three segments of 2,000 documents, some deleted: "F1" on about half of them, "F2" on a tenth, "R" on one in
     * two hundred (rare: below {@link TagFilterQuery#FREQUENT}), "X" on none; "kw" a keyword on a third.
     */
    @Test
    void findsWhatTermsInSetFindsFromBitsetsForFrequentCodesAndPostingsForRareOnes(@TempDir Path dir)
            throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 2000; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", segment + "-" + i, Field.Store.YES));
                    if (random.nextInt(2) == 0) {
                        doc.add(new StringField(FIELD, "F1", Field.Store.NO));
                    }
                    if (random.nextInt(10) == 0) {
                        doc.add(new StringField(FIELD, "F2", Field.Store.NO));
                    }
                    if (random.nextInt(200) == 0) {
                        doc.add(new StringField(FIELD, "R", Field.Store.NO));
                    }
                    if (random.nextInt(3) == 0) {
                        doc.add(new StringField("word", "kw", Field.Store.NO));
                    }
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            for (int i = 0; i < 2000; i += 7) {
                writer.deleteDocuments(new Term("id", "1-" + i));
            }
            writer.commit();
        }
        SegmentTags.Cache tags = new SegmentTags.Cache();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reader.leaves()).hasSize(3);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            for (Set<String> values : List.of(Set.of("F1"), Set.of("F2"), Set.of("R"), Set.of("X"),
                    Set.of("F1", "F2"), Set.of("F2", "R"), Set.of("R", "X"), Set.of("F1", "X"))) {
                Query postings = new TermInSetQuery(FIELD, values.stream().map(BytesRef::new).toList());
                Query filter = new TagFilterQuery(FIELD, values, tags);
                Set<String> expected = ids(searcher, postings);
                assertThat(ids(searcher, filter)).as("%s alone", values).isEqualTo(expected);
                assertThat(searcher.count(filter)).as("%s counted", values).isEqualTo(expected.size());
                Query keyword = new TermQuery(new Term("word", "kw"));
                assertThat(ids(searcher, withKeyword(keyword, filter)))
                        .as("%s with a keyword", values).isEqualTo(ids(searcher, withKeyword(keyword, postings)));
                if (values.equals(Set.of("F1")) || values.equals(Set.of("R"))) {
                    assertThat(expected).isNotEmpty();
                }
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                SegmentTags segment = tags.of(leaf.reader());
                assertThat(segment.hasBits(new Term(FIELD, "F1"))).isTrue();
                assertThat(segment.hasBits(new Term(FIELD, "F2"))).isTrue();
                assertThat(segment.hasBits(new Term(FIELD, "R"))).as("a rare code stays in its postings").isFalse();
            }
        }
    }

    @Test
    void aSegmentKeepsAtMostItsShareOfBitsetsAndFindsTheRestFromPostings(@TempDir Path dir) throws IOException {
        int codes = SegmentTags.MAX_BITSETS + 40;
        SplittableRandom random = new SplittableRandom(128);
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
            for (int i = 0; i < 640; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", "d" + i, Field.Store.YES));
                for (int c = 0; c < codes; c++) {
                    if (random.nextBoolean()) {
                        doc.add(new StringField(FIELD, "C" + c, Field.Store.NO));
                    }
                }
                writer.addDocument(doc);
            }
        }
        SegmentTags.Cache tags = new SegmentTags.Cache();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            for (int c = 0; c < codes; c++) {
                Set<String> value = Set.of("C" + c);
                assertThat(ids(searcher, new TagFilterQuery(FIELD, value, tags))).as("C%d", c)
                        .isEqualTo(ids(searcher, new TermInSetQuery(FIELD, List.of(new BytesRef("C" + c)))));
            }
            SegmentTags segment = tags.of(reader.leaves().get(0).reader());
            long kept = IntStream.range(0, codes)
                    .filter(c -> segment.hasBits(new Term(FIELD, "C" + c))).count();
            assertThat(kept).isEqualTo(SegmentTags.MAX_BITSETS);
        }
    }

    private static Query withKeyword(Query keyword, Query filter) {
        return new BooleanQuery.Builder().add(keyword, Occur.FILTER).add(filter, Occur.FILTER).build();
    }

    private static Set<String> ids(IndexSearcher searcher, Query query) throws IOException {
        Set<String> ids = new TreeSet<>();
        List<ScoreDoc> docs = new ArrayList<>(List.of(searcher.search(query, 10_000).scoreDocs));
        for (ScoreDoc d : docs) {
            ids.add(searcher.storedFields().document(d.doc).get("id"));
        }
        return ids;
    }
}
