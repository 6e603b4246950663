package cn.creditwindow.search;

import cn.creditwindow.search.analysis.Analyzers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;

/**
 * The embedded search index: one {@link IndexWriter} and one {@link SearcherManager} over a
 * {@link Directory}, with smartcn words for ranking and grams for recall (see {@link Fields}).
 *
 * <p>The index is sorted by publication time, newest first, which makes the default order free
 * (see {@link ResultCollector}). Results are cached per index version, so a cached answer is never
 * older than the last completed {@link #upsert} or {@link #delete}.
 */
public final class LuceneArticleIndex implements ArticleIndex {

    static final Sort NEWEST_FIRST = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true));
    private static final float WHOLE_WORD_BOOST = 2f;
    /** Threads a large batch is written with: the caller's and one more per further core. */
    private static final int WRITE_THREADS = Runtime.getRuntime().availableProcessors();
    /** From how many articles a batch is worth writing on several threads. */
    private static final int PARALLEL_WRITES = 200;

    private final Directory directory;
    private final IndexWriter writer;
    /** The writer's merge policy, held back during bulk loads; null for a read-only index. */
    private final BulkLoadMergePolicy merges;
    private final SearcherManager searchers;
    private final ArticleDocuments documents;
    private final KeywordQueries keywordQueries = new KeywordQueries(Analyzers.keywordLookup());
    private final Cache<CacheKey, Object> cache;
    private final SegmentTags.Cache tags;
    /**
     * Threads that write a large batch beside the caller's ({@link #write(List)}); null for a read-only index or
     * a machine of one core. Daemons, started when first needed.
     */
    private final ExecutorService writers;
    /** Serialises upserts and deletes (never the writer's own monitor: IndexWriter asserts callers don't hold it). */
    private final Object writeLock = new Object();

    private record CacheKey(long version, String kind, ArticleQuery query, int per) {
    }

    private LuceneArticleIndex(Directory directory, IndexWriter writer, BulkLoadMergePolicy merges,
                               SearcherManager searchers, SegmentTags.Cache tags, ArticleDocuments documents,
                               long cacheSize) {
        this.directory = directory;
        this.tags = tags;
        this.writer = writer;
        this.merges = merges;
        this.searchers = searchers;
        this.documents = documents;
        this.cache = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.writers = writer == null || WRITE_THREADS < 2 ? null
                : Executors.newFixedThreadPool(WRITE_THREADS - 1, r -> {
                    Thread t = new Thread(r, "index-writer");
                    t.setDaemon(true);
                    return t;
                });
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
        BulkLoadMergePolicy merges = new BulkLoadMergePolicy(mergePolicy());
        IndexWriterConfig config = new IndexWriterConfig(indexing())
                .setIndexSort(NEWEST_FIRST)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMB(Runtime.getRuntime().maxMemory()))
                .setCodec(new ArticleCodec())
                .setMergePolicy(merges);
        IndexWriter writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        SegmentTags.Cache tags = new SegmentTags.Cache();
        SearcherManager searchers = new SearcherManager(writer, warming(tags));
        return new LuceneArticleIndex(directory, writer, merges, searchers, tags,
                new ArticleDocuments(industryAncestors), cacheSize);
    }

    /**
     * How much the writer buffers before it flushes a segment: a quarter of the heap, from 16 MB to 256 MB (about 60 MB
     * in the 256 MB heap the server is measured in). A bulk load flushes fewer, larger segments with more, and merges
     * them less often into the one it ends with; a feed document of a few hundred articles is a commit of its own
     * either way. Public for the benchmarks' raw Lucene baseline, which buffers as much.
     */
    public static double ramBufferMB(long maxHeapBytes) {
        return Math.max(16, Math.min(256, maxHeapBytes / 4 / (1024 * 1024)));
    }

    /**
     * Lucene's tiered policy, with small segments merged sooner than its default (16 MB rather than 2 MB count as
     * "small"): a feed document of a few hundred articles is flushed as a segment of its own, and every segment
     * is one more term lookup for every query. A bulk load ends with {@link #compact}.
     */
    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setFloorSegmentMB(16);
        return policy;
    }

    /** The analyzer of every field an article document has: grams, and smartcn words for the words field. */
    static Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(Analyzers.grams(), Map.of(Fields.TITLE_WORDS, Analyzers.words()));
    }

    /** Opens an existing index for searching only, beside a process that may be writing it. */
    public static LuceneArticleIndex openReadOnly(Directory directory, long cacheSize) throws IOException {
        SegmentTags.Cache tags = new SegmentTags.Cache();
        SearcherManager searchers = new SearcherManager(directory, warming(tags));
        return new LuceneArticleIndex(directory, null, null, searchers, tags, null, cacheSize);
    }

    /** Reads the tags of new segments when a searcher opens, so that no search waits for them; no query cache. */
    private static SearcherFactory warming(SegmentTags.Cache tags) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    tags.of(leaf.reader());
                }
                IndexSearcher searcher = new IndexSearcher(reader);
                // No query cache: Lucene's default keeps bitsets of filters it saw often (125 KB each at a million
                // articles, up to 32 MB of a small heap) behind one lock that every search takes for every clause
                // and segment; without it a million-title index served about a tenth more searches (#18). The
                // filters keep bitsets of their frequent codes themselves, without a lock (TagFilterQuery).
                searcher.setQueryCache(null);
                return searcher;
            }
        };
    }

    @Override
    public List<Outcome> upsert(List<Article> articles) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only: cannot store articles");
        }
        synchronized (writeLock) {
            // each id looked up once, in order: a segment's terms enumeration then moves forward through its blocks,
            // reading each once for all the ids in it, where ids in arrival order (random hashes) would read and
            // decompress a block for nearly every one
            Map<String, String> stored = new HashMap<>(); // id → content hash in the index, or null
            IndexSearcher searcher = searchers.acquire();
            try {
                IdLookup lookup = new IdLookup(searcher);
                for (String id : articles.stream().map(Article::id).collect(Collectors.toCollection(TreeSet::new))) {
                    stored.put(id, lookup.storedHash(id));
                }
            } finally {
                searchers.release(searcher);
            }
            List<Outcome> outcomes = new ArrayList<>(articles.size());
            Map<String, String> pending = new HashMap<>();
            // what to write, by id: the batch's last version of each changed article (an earlier one is replaced)
            Map<String, Write> writes = new LinkedHashMap<>();
            for (Article article : articles) {
                String hash = ArticleDocuments.contentHash(article);
                String id = article.id();
                String before = pending.containsKey(id) ? pending.get(id) : stored.get(id);
                Outcome outcome = before == null ? Outcome.NEW
                        : ArticleDocuments.sameContent(before, hash) ? Outcome.UNCHANGED : Outcome.UPDATED;
                if (outcome != Outcome.UNCHANGED) {
                    writes.put(id, new Write(article, hash, stored.get(id) != null));
                }
                pending.put(id, hash);
                outcomes.add(outcome);
            }
            write(List.copyOf(writes.values()));
            boolean changed = !writes.isEmpty();
            if (changed) {
                writer.commit();
                searchers.maybeRefreshBlocking();
            }
            return outcomes;
        }
    }

    /** An article to write: {@code stored} when a version of it is in the index (replace it), else only add. */
    private record Write(Article article, String hash, boolean stored) {
    }

    /**
     * Writes articles with the writer, which takes documents from several threads at once: a batch of a bulk load
     * is analysed on every core ({@link #writers}); a few articles on the caller's thread. Each id once (see upsert).
     */
    private void write(List<Write> writes) throws IOException {
        if (writes.size() < PARALLEL_WRITES || writers == null) {
            for (Write w : writes) {
                write(w);
            }
            return;
        }
        int parts = WRITE_THREADS;
        List<Future<?>> running = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            List<Write> part = writes.subList(p * writes.size() / parts, (p + 1) * writes.size() / parts);
            running.add(writers.submit(() -> {
                for (Write w : part) {
                    write(w);
                }
                return null;
            }));
        }
        Throwable failed = null;
        try {
            for (Write w : writes.subList(0, writes.size() / parts)) {
                write(w);
            }
        } catch (IOException | RuntimeException e) {
            failed = e;
        }
        for (Future<?> f : running) { // every part ends before the caller hears of a failure
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = first(failed, new InterruptedIOException("interrupted while writing"));
            } catch (ExecutionException e) {
                failed = first(failed, e.getCause());
            }
        }
        if (failed instanceof IOException io) {
            throw io;
        } else if (failed instanceof RuntimeException r) {
            throw r;
        } else if (failed instanceof Error error) {
            throw error;
        } else if (failed != null) {
            throw new IOException(failed);
        }
    }

    private static Throwable first(Throwable failed, Throwable next) {
        if (failed == null) {
            return next;
        }
        failed.addSuppressed(next);
        return failed;
    }

    private void write(Write w) throws IOException {
        Document doc = documents.toDocument(w.article(), w.hash());
        if (w.stored()) {
            writer.updateDocument(new Term(Fields.ID, w.article().id()), doc);
        } else {
            // known to be absent: no delete-by-id to apply at the next flush
            writer.addDocument(doc);
        }
    }

    /**
     * Deletes by id term what the current searcher holds, then commits and opens a new searcher (a new index
     * version: no cached result from before survives). Nothing to delete is neither a commit nor a new version.
     */
    @Override
    public int delete(Collection<String> ids) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only: cannot delete articles");
        }
        synchronized (writeLock) {
            List<Term> stored = new ArrayList<>();
            IndexSearcher searcher = searchers.acquire();
            try {
                // every write commits and refreshes under this lock: the searcher sees every earlier one
                IdLookup lookup = new IdLookup(searcher);
                for (String id : new LinkedHashSet<>(ids)) {
                    if (lookup.liveDoc(id) >= 0) {
                        stored.add(new Term(Fields.ID, id));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            if (!stored.isEmpty()) {
                writer.deleteDocuments(stored.toArray(Term[]::new));
                writer.commit();
                searchers.maybeRefreshBlocking();
            }
            return stored.size();
        }
    }

    /**
     * Merges the index into one segment, commits and opens a new searcher. Upserts and deletes may run meanwhile
     * (the writer merges what was there when it started; what came after stays in segments of its own).
     */
    @Override
    public void compact() throws IOException {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only: cannot merge it");
        }
        writer.forceMerge(1);
        synchronized (writeLock) {
            writer.commit();
            searchers.maybeRefreshBlocking();
        }
    }

    /**
     * Holds back the merges the writer would choose until the returned handle closes, which lets the writer look for
     * merges again (none is left to do after {@link #compact}, which merges everything, held back or not).
     */
    @Override
    public BulkLoad beginBulkLoad() {
        if (writer == null) {
            throw new IllegalStateException("index opened read-only: cannot load articles");
        }
        merges.begin();
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true) && merges.end()) {
                writer.maybeMerge();
            }
        };
    }

    @Override
    public SearchPage search(ArticleQuery query) {
        return withSearcher(searcher -> cached(searcher, "search", query, 0, () -> {
            int window = Math.min(query.page() * query.size(), MAX_WINDOW);
            List<Keyword> keywords = keywords(query);
            boolean byScore = query.order() == ArticleQuery.Order.RELEVANCE && !keywords.isEmpty();
            Query lucene = toLucene(query, keywords, byScore, searcher);
            ResultCollector result = searcher.search(lucene, ResultCollector.manager(tags, byScore, false, query.facets(), window));
            int from = (query.page() - 1) * query.size();
            if ((long) query.page() * query.size() > MAX_WINDOW && from < result.total()) {
                throw new ResultWindowException(query.page(), query.size());
            }
            List<ResultCollector.Candidate> top = result.top();
            List<Hit> hits = hits(searcher, top.subList(Math.min(from, top.size()),
                    Math.min(from + query.size(), top.size())), texts(keywords));
            return new SearchPage(result.total(), query.page(), query.size(), hits,
                    query.facets() ? result.facets() : null);
        }));
    }

    @Override
    public Overview overview(ArticleQuery query, int perModule) {
        if (perModule < 1 || perModule > ArticleQuery.MAX_SIZE) {
            throw new IllegalArgumentException("perModule must be 1.." + ArticleQuery.MAX_SIZE + ", was " + perModule);
        }
        ArticleQuery all = query.withoutModules();
        return withSearcher(searcher -> cached(searcher, "overview", all, perModule, () -> {
            List<Keyword> keywords = keywords(all);
            Query lucene = toLucene(all, keywords, false, searcher);
            ResultCollector result = searcher.search(lucene, ResultCollector.manager(tags, false, true, false, perModule));
            // Each segment kept its own newest perModule of every module: keep the newest overall.
            Map<Integer, List<ResultCollector.Candidate>> byModule = new HashMap<>();
            for (ResultCollector.Candidate c : result.top()) {
                List<ResultCollector.Candidate> kept = byModule.computeIfAbsent(c.module(), m -> new ArrayList<>());
                if (kept.size() < perModule) {
                    kept.add(c);
                }
            }
            List<Overview.ModulePanel> panels = new ArrayList<>();
            for (Module m : Module.values()) {
                List<Hit> items = hits(searcher, byModule.getOrDefault(m.ordinal(), List.of()), texts(keywords));
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
        if (writers != null) {
            writers.shutdownNow();
        }
        searchers.close();
        if (writer != null) {
            writer.close();
        }
        directory.close();
    }

    /** A keyword and the query that finds it (title, or title and body). */
    private record Keyword(String text, Query recall) {
    }

    /** The query's keywords, each analysed once; keywords with nothing searchable ("-", "!!") are left out. */
    private List<Keyword> keywords(ArticleQuery q) {
        List<Keyword> out = new ArrayList<>(q.keywords().size());
        for (String keyword : q.keywords()) {
            Query title = keywordQueries.recall(keyword, Fields.TITLE_GRAMS);
            if (title == null) {
                continue;
            }
            Query recall = q.scope() == ArticleQuery.Scope.TITLE ? title : new BooleanQuery.Builder()
                    .add(title, Occur.SHOULD)
                    .add(keywordQueries.recall(keyword, Fields.BODY_GRAMS), Occur.SHOULD)
                    .build();
            out.add(new Keyword(keyword, recall));
        }
        return out;
    }

    private static List<String> texts(List<Keyword> keywords) {
        return keywords.stream().map(Keyword::text).toList();
    }

    private Query toLucene(ArticleQuery q, List<Keyword> keywords, boolean byScore, IndexSearcher searcher)
            throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (Keyword k : keywords) {
            Query recall = k.recall();
            String keyword = k.text();
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

    private boolean filter(BooleanQuery.Builder b, String field, Set<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        b.add(new TagFilterQuery(field, values, tags), Occur.FILTER);
        return true;
    }

    /**
     * The hits of a result page, read from stored fields. No cache of decoded documents (as Solr's documentCache):
     * one of 4,096 documents held 5.5% of the hits of a million-title benchmark, and its bookkeeping cost more than
     * the decoding it saved; without it the 99th percentile at two connections fell from about 4.3 to 3 ms (#18).
     */
    private static List<Hit> hits(IndexSearcher searcher, List<ResultCollector.Candidate> candidates,
                                  List<String> keywords) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(candidates.size());
        for (ResultCollector.Candidate c : candidates) {
            hits.add(ArticleDocuments.toHit(stored.document(c.doc(), ArticleDocuments.HIT_FIELDS), keywords));
        }
        return hits;
    }

    /**
     * Finds documents by id, reusing one terms enumeration per segment across many lookups (a batch
     * of upserts looks up every id).
     */
    private static final class IdLookup {
        private final IndexSearcher searcher;
        private final List<LeafReaderContext> leaves;
        private final TermsEnum[] termsEnums;
        private PostingsEnum postings;

        IdLookup(IndexSearcher searcher) throws IOException {
            this.searcher = searcher;
            this.leaves = searcher.getIndexReader().leaves();
            this.termsEnums = new TermsEnum[leaves.size()];
            for (int i = 0; i < termsEnums.length; i++) {
                Terms terms = leaves.get(i).reader().terms(Fields.ID);
                termsEnums[i] = terms == null ? null : terms.iterator();
            }
        }

        /** The content hash stored with this id, or null when there is no such live document. */
        String storedHash(String id) throws IOException {
            int doc = liveDoc(id);
            return doc < 0 ? null
                    : ArticleDocuments.storedHash(searcher.storedFields().document(doc, Set.of(Fields.CONTENT_HASH)));
        }

        /** The live document with this id, or -1. */
        int liveDoc(String id) throws IOException {
            BytesRef term = new BytesRef(id);
            for (int i = leaves.size() - 1; i >= 0; i--) { // newest segments last: most updates are recent
                TermsEnum te = termsEnums[i];
                if (te == null || !te.seekExact(term)) {
                    continue;
                }
                LeafReaderContext leaf = leaves.get(i);
                Bits live = leaf.reader().getLiveDocs();
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        return leaf.docBase + d;
                    }
                }
            }
            return -1;
        }
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
        if (cache == null) {
            return compute.get();
        }
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
