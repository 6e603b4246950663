package cn.creditwindow.search;

import cn.creditwindow.articles.Article;
import cn.creditwindow.articles.Module;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;

/**
 * The embedded search index: one {@link IndexWriter} and one {@link SearcherManager} over a
 * {@link Directory}, with smartcn words for ranking and grams for recall (see {@link Fields}).
 *
 * <p>The index is sorted by publication time, newest first, which makes the default order free
 * (see {@link ResultCollector}). Results are cached per index version, so a cached answer is never
 * older than the last completed {@link #upsert}.
 */
public final class LuceneArticleIndex implements ArticleIndex {
    /** Deepest result a page may reach (page × size), as search engines limit their result window. */
    public static final int MAX_WINDOW = 10_000;

    private static final Sort NEWEST_FIRST = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true));
    private static final float WHOLE_WORD_BOOST = 2f;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ArticleDocuments documents;
    private final KeywordQueries keywordQueries = new KeywordQueries(Analyzers.keyword());
    private final Cache<CacheKey, Object> cache;
    /** Serialises upserts (never the writer's own monitor: IndexWriter asserts callers don't hold it). */
    private final Object writeLock = new Object();

    private record CacheKey(long version, String kind, ArticleQuery query, int per) {
    }

    private LuceneArticleIndex(Directory directory, IndexWriter writer, SearcherManager searchers,
                               ArticleDocuments documents, long cacheSize) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.documents = documents;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /**
     * Opens (or creates) the index for reading and writing. Only one process may do so at a time.
     *
     * @param industryAncestors adds ancestors to industry codes (see {@link ArticleDocuments})
     * @param cacheSize         how many results to cache (0 = no cache)
     */
    public static LuceneArticleIndex open(Directory directory,
                                          Function<Collection<String>, Collection<String>> industryAncestors,
                                          long cacheSize) throws IOException {
        Objects.requireNonNull(directory, "directory");
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.forIndexing())
                .setIndexSort(NEWEST_FIRST)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        SearcherManager searchers = new SearcherManager(writer, null);
        return new LuceneArticleIndex(directory, writer, searchers, new ArticleDocuments(industryAncestors), cacheSize);
    }

    /** Opens an existing index for searching only, beside a process that may be writing it. */
    public static LuceneArticleIndex openReadOnly(Directory directory, long cacheSize) throws IOException {
        SearcherManager searchers = new SearcherManager(directory, null);
        return new LuceneArticleIndex(directory, null, searchers, null, cacheSize);
    }

    @Override
    public List<Outcome> upsert(List<Article> articles) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only: cannot store articles");
        }
        synchronized (writeLock) {
            List<Outcome> outcomes = new ArrayList<>(articles.size());
            Map<String, String> pending = new HashMap<>();
            boolean changed = false;
            IndexSearcher searcher = searchers.acquire();
            try {
                for (Article article : articles) {
                    String hash = ArticleDocuments.contentHash(article);
                    String before = pending.containsKey(article.id())
                            ? pending.get(article.id()) : storedHash(searcher, article.id());
                    Outcome outcome = before == null ? Outcome.NEW
                            : before.equals(hash) ? Outcome.UNCHANGED : Outcome.UPDATED;
                    if (outcome != Outcome.UNCHANGED) {
                        writer.updateDocument(new Term(Fields.ID, article.id()), documents.toDocument(article, hash));
                        changed = true;
                    }
                    pending.put(article.id(), hash);
                    outcomes.add(outcome);
                }
            } finally {
                searchers.release(searcher);
            }
            if (changed) {
                writer.commit();
                searchers.maybeRefreshBlocking();
            }
            return outcomes;
        }
    }

    @Override
    public SearchPage search(ArticleQuery query) {
        return withSearcher(searcher -> cached(searcher, "search", query, 0, () -> {
            int window = Math.min(query.page() * query.size(), MAX_WINDOW);
            List<String> keywords = searchable(query.keywords());
            boolean byScore = query.order() == ArticleQuery.Order.RELEVANCE && !keywords.isEmpty();
            Query lucene = toLucene(query, keywords, byScore, searcher);
            ResultCollector result = searcher.search(lucene, ResultCollector.manager(byScore, false, true, window));
            int from = (query.page() - 1) * query.size();
            if ((long) query.page() * query.size() > MAX_WINDOW && from < result.total()) {
                throw new ResultWindowException(query.page(), query.size());
            }
            List<ResultCollector.Candidate> top = result.top();
            List<Hit> hits = hits(searcher, top.subList(Math.min(from, top.size()),
                    Math.min(from + query.size(), top.size())), keywords);
            return new SearchPage(result.total(), query.page(), query.size(), hits, result.facets());
        }));
    }

    @Override
    public Overview overview(ArticleQuery query, int perModule) {
        if (perModule < 1 || perModule > ArticleQuery.MAX_SIZE) {
            throw new IllegalArgumentException("perModule must be 1.." + ArticleQuery.MAX_SIZE + ", was " + perModule);
        }
        ArticleQuery all = query.withoutModules();
        return withSearcher(searcher -> cached(searcher, "overview", all, perModule, () -> {
            List<String> keywords = searchable(all.keywords());
            Query lucene = toLucene(all, keywords, false, searcher);
            ResultCollector result = searcher.search(lucene, ResultCollector.manager(false, true, false, perModule));
            Map<Module, List<ResultCollector.Candidate>> byModule = new HashMap<>();
            List<ResultCollector.Candidate> top = result.top();
            List<Hit> hits = hits(searcher, top, keywords);
            for (int i = 0; i < top.size(); i++) {
                // Every segment kept its own newest perModule of each module; top is newest first overall,
                // so the first perModule of a module are its newest.
                List<ResultCollector.Candidate> kept = byModule.computeIfAbsent(hits.get(i).module(),
                        m -> new ArrayList<>());
                if (kept.size() < perModule) {
                    kept.add(top.get(i));
                }
            }
            List<Overview.ModulePanel> panels = new ArrayList<>();
            Map<Integer, Hit> hitByDoc = new HashMap<>();
            for (int i = 0; i < top.size(); i++) {
                hitByDoc.put(top.get(i).doc(), hits.get(i));
            }
            for (Module m : Module.values()) {
                List<Hit> items = byModule.getOrDefault(m, List.of()).stream()
                        .map(c -> hitByDoc.get(c.doc())).toList();
                panels.add(new Overview.ModulePanel(m, result.moduleTotal(m), items));
            }
            return new Overview(panels);
        }));
    }

    @Override
    public Optional<Article> find(String id) {
        return withSearcher(searcher -> {
            int doc = lookup(searcher, id);
            return doc < 0 ? Optional.empty()
                    : Optional.of(ArticleDocuments.toArticle(searcher.storedFields().document(doc)));
        });
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (writer != null) {
            writer.close();
        }
        directory.close();
    }

    /** Keywords with something searchable in them; "-" or "!!" alone are ignored. */
    private List<String> searchable(List<String> keywords) {
        return keywords.stream().filter(keywordQueries::isSearchable).toList();
    }

    private Query toLucene(ArticleQuery q, List<String> keywords, boolean byScore, IndexSearcher searcher)
            throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String keyword : keywords) {
            Query recall = keywordQueries.recall(keyword, Fields.TITLE_GRAMS);
            if (q.scope() == ArticleQuery.Scope.ALL) {
                recall = new BooleanQuery.Builder()
                        .add(recall, Occur.SHOULD)
                        .add(keywordQueries.recall(keyword, Fields.BODY_GRAMS), Occur.SHOULD)
                        .build();
            }
            if (byScore) {
                b.add(new ConstantScoreQuery(recall), Occur.MUST);
                Query whole = keywordQueries.wholeWords(keyword, Fields.TITLE_WORDS, searcher.getIndexReader());
                if (whole != null) {
                    b.add(new BoostQuery(new ConstantScoreQuery(whole), WHOLE_WORD_BOOST), Occur.SHOULD);
                }
            } else {
                b.add(recall, Occur.FILTER);
            }
            any = true;
        }
        any |= filter(b, Fields.COUNTRY, q.countries());
        any |= filter(b, Fields.INDUSTRY, q.industries());
        any |= filter(b, Fields.MODULE, q.modules().stream().map(Module::id).collect(Collectors.toSet()));
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), Occur.FILTER);
            any = true;
        }
        return any ? b.build() : new MatchAllDocsQuery();
    }

    private static boolean filter(BooleanQuery.Builder b, String field, Set<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
        b.add(new TermInSetQuery(field, terms), Occur.FILTER);
        return true;
    }

    private static List<Hit> hits(IndexSearcher searcher, List<ResultCollector.Candidate> candidates,
                                  List<String> keywords) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(candidates.size());
        for (ResultCollector.Candidate c : candidates) {
            Document doc = stored.document(c.doc(), ArticleDocuments.HIT_FIELDS);
            hits.add(ArticleDocuments.toHit(doc, keywords));
        }
        return hits;
    }

    private static String storedHash(IndexSearcher searcher, String id) throws IOException {
        int doc = lookup(searcher, id);
        return doc < 0 ? null : searcher.storedFields().document(doc, Set.of(Fields.CONTENT_HASH)).get(Fields.CONTENT_HASH);
    }

    /** The live document with this id, or -1. */
    private static int lookup(IndexSearcher searcher, String id) throws IOException {
        BytesRef term = new BytesRef(id);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(Fields.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) {
                    return leaf.docBase + d;
                }
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(IndexSearcher searcher, String kind, ArticleQuery query, int per, IoSupplier<T> compute)
            throws IOException {
        long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
        CacheKey key = new CacheKey(version, kind, query, per);
        Object hit = cache.getIfPresent(key);
        if (hit != null) {
            return (T) hit;
        }
        T value = compute.get();
        cache.put(key, value);
        return value;
    }

    private <T> T withSearcher(IoFunction<IndexSearcher, T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the article index", e);
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    @FunctionalInterface
    private interface IoFunction<A, T> {
        T apply(A a) throws IOException;
    }
}
