package cn.creditwindow.bench;

import cn.creditwindow.search.Article;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.analysis.Analyzers;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The baseline: plain Lucene doing the same job with the least code. Field names, field types, analyzers
 * and the index sort are those of the service ({@code search.Fields}, {@code ArticleDocuments},
 * {@code LuceneArticleIndex.indexing()}, {@code KeywordQueries.recall}), rebuilt here from public APIs; the
 * benchmark checks that both give the same totals and the same titles for every query.
 */
final class RawLucene {
    static final String ID = "id";
    static final String MODULE = "module";
    static final String TITLE = "title";
    static final String TITLE_WORDS = "title_words";
    static final String TITLE_GRAMS = "title_grams";
    static final String BODY = "body";
    static final String BODY_GRAMS = "body_grams";
    static final String PUBLISHED = "published";
    static final String COUNTRY = "country";
    static final String INDUSTRY = "industry";
    static final String INDUSTRY_OWN = "industry_own";
    static final String SOURCE = "source";
    static final String URL = "url";
    static final Sort NEWEST_FIRST = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true));
    static final int TOP = 15;

    private RawLucene() {
    }

    /** As {@code LuceneArticleIndex.indexing()}: grams for every field, smartcn words for the words field. */
    static Analyzer indexingAnalyzer() {
        return new PerFieldAnalyzerWrapper(Analyzers.grams(), Map.of(TITLE_WORDS, Analyzers.words()));
    }

    /**
     * An IndexWriter configured as the service's, writing the same fields, except the content hash
     * (the service's bookkeeping for idempotent re-ingest). Articles replace earlier ones with the same id.
     */
    static final class Writer implements Closeable {
        private final FSDirectory directory;
        private final IndexWriter writer;
        private final Function<Collection<String>, Collection<String>> industryAncestors;

        Writer(Path dir, Function<Collection<String>, Collection<String>> industryAncestors) throws IOException {
            IndexWriterConfig config = new IndexWriterConfig(indexingAnalyzer())
                    .setIndexSort(NEWEST_FIRST)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(LuceneArticleIndex.ramBufferMB(Runtime.getRuntime().maxMemory()));
            this.directory = FSDirectory.open(dir);
            this.writer = new IndexWriter(directory, config);
            this.industryAncestors = industryAncestors;
        }

        /**
         * Writes the articles and commits once.
         *
         * @param bodyText the plain text of an article's body (its HTML is stored as is), or null for none
         */
        void write(List<Article> articles, Function<Article, String> bodyText) throws IOException {
            for (Article a : articles) {
                writer.updateDocument(new Term(ID, a.id()), document(a, bodyText == null ? null : bodyText.apply(a)));
            }
            writer.commit();
        }

        private Document document(Article a, String bodyText) {
            Document doc = new Document();
            doc.add(new StringField(ID, a.id(), Field.Store.YES));
            doc.add(new StringField(MODULE, a.module().id(), Field.Store.YES));
            doc.add(new SortedDocValuesField(MODULE, new BytesRef(a.module().id())));
            doc.add(new StoredField(TITLE, a.title()));
            doc.add(new TextField(TITLE_WORDS, a.title(), Field.Store.NO));
            doc.add(new TextField(TITLE_GRAMS, a.title(), Field.Store.NO));
            if (bodyText != null) {
                doc.add(new StoredField(BODY, a.bodyHtml()));
                doc.add(new TextField(BODY_GRAMS, bodyText, Field.Store.NO));
            }
            long millis = a.publishedAt().toEpochMilli();
            doc.add(new LongPoint(PUBLISHED, millis));
            doc.add(new NumericDocValuesField(PUBLISHED, millis));
            doc.add(new StoredField(PUBLISHED, millis));
            for (String c : a.countries()) {
                doc.add(new StringField(COUNTRY, c, Field.Store.YES));
                doc.add(new SortedSetDocValuesField(COUNTRY, new BytesRef(c)));
            }
            for (String i : industryAncestors.apply(a.industries())) {
                doc.add(new StringField(INDUSTRY, i, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(INDUSTRY, new BytesRef(i)));
            }
            for (String i : a.industries()) {
                doc.add(new StoredField(INDUSTRY_OWN, i));
            }
            doc.add(new StoredField(SOURCE, a.source()));
            doc.add(new StoredField(URL, a.url()));
            return doc;
        }

        /** Closes the writer, which waits for running merges. */
        @Override
        public void close() throws IOException {
            writer.close();
            directory.close();
        }
    }

    /** Total and titles of the top 15, newest first. */
    record Page(long total, List<String> titles) {
    }

    /**
     * Answers a query as plain Lucene would: the service's recall phrase per keyword and a country filter,
     * {@link TopFieldCollectorManager} sorted newest first with an exact total, and the stored title of
     * each hit. Safe for concurrent use.
     */
    static final class Searcher implements Closeable {
        private static final String DOUBLE = CJKBigramFilter.DOUBLE_TYPE;
        private static final String SINGLE = CJKBigramFilter.SINGLE_TYPE;
        private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
        private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
        private static final int MAX_PREFIX = 20;
        private static final Set<String> TITLE_ONLY = Set.of(TITLE);

        private final FSDirectory directory;
        private final DirectoryReader reader;
        private final IndexSearcher searcher;
        private final Analyzer keywordAnalyzer = Analyzers.keyword();

        Searcher(Path dir) throws IOException {
            this.directory = FSDirectory.open(dir);
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
        }

        Page search(List<String> keywords, List<String> countries) {
            try {
                Query query = query(keywords, countries);
                TopFieldDocs top = searcher.search(query,
                        new TopFieldCollectorManager(NEWEST_FIRST, TOP, null, Integer.MAX_VALUE, false));
                StoredFields stored = searcher.storedFields();
                List<String> titles = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    titles.add(stored.document(sd.doc, TITLE_ONLY).get(TITLE));
                }
                return new Page(top.totalHits.value, titles);
            } catch (IOException e) {
                throw new UncheckedIOException("raw search " + keywords, e);
            }
        }

        Query query(List<String> keywords, List<String> countries) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean any = false;
            for (String keyword : keywords) {
                Query recall = recall(keyword);
                if (recall != null) {
                    b.add(recall, Occur.FILTER);
                    any = true;
                }
            }
            if (!countries.isEmpty()) {
                b.add(new TermInSetQuery(COUNTRY, countries.stream().map(BytesRef::new).toList()), Occur.FILTER);
                any = true;
            }
            return any ? b.build() : new MatchAllDocsQuery();
        }

        private record Token(String text, String type, int position, int start, int end) {
        }

        /** The keyword's bigrams (or lone CJK char) and Latin words as a phrase, the last Latin word as a prefix. */
        private Query recall(String keyword) {
            List<Token> tokens = tokens(keyword);
            List<Token> kept = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.type.equals(SINGLE) && tokens.stream().anyMatch(d -> d.type.equals(DOUBLE)
                        && d.start <= t.start && d.end >= t.end)) {
                    continue;
                }
                if (i == tokens.size() - 1 && (t.type.equals(ALPHANUM) || t.type.equals(NUM))) {
                    String prefix = t.text.length() > MAX_PREFIX ? t.text.substring(0, MAX_PREFIX) : t.text;
                    kept.add(new Token(prefix + "*", t.type, t.position, t.start, t.end));
                } else {
                    kept.add(t);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            if (kept.size() == 1) {
                return new TermQuery(new Term(TITLE_GRAMS, kept.get(0).text));
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (Token t : kept) {
                phrase.add(new Term(TITLE_GRAMS, t.text), t.position);
            }
            return phrase.build();
        }

        private List<Token> tokens(String keyword) {
            List<Token> tokens = new ArrayList<>();
            try (TokenStream stream = keywordAnalyzer.tokenStream(TITLE_GRAMS, keyword)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
                TypeAttribute type = stream.addAttribute(TypeAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                int position = -1;
                while (stream.incrementToken()) {
                    position += posInc.getPositionIncrement();
                    tokens.add(new Token(term.toString(), type.type(), position, offset.startOffset(),
                            offset.endOffset()));
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analysing keyword " + keyword, e);
            }
            return tokens;
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }
}
