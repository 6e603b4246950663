package cn.creditwindow.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * One pass over the matching documents that yields everything a result page needs: the exact total,
 * the module / country / industry counts and the top documents.
 *
 * <p>Newest-first needs no sorting at all: the index is sorted by publication time, newest first, so
 * within a segment the first matches are the newest, and only the first {@code window} of each segment
 * (of each module, for the overview) are kept and merged. Best-match-first keeps a bounded queue.
 */
final class ResultCollector implements Collector {
    private static final Module[] MODULES = Module.values();

    /** A document that may make the page; {@code module} is the ordinal of its {@link Module}, or -1. */
    record Candidate(int doc, long published, float score, int module) {
    }

    static final Comparator<Candidate> NEWEST_FIRST =
            Comparator.comparingLong(Candidate::published).reversed().thenComparingInt(Candidate::doc);
    static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(NEWEST_FIRST);

    private final SegmentTags.Cache tags;
    private final boolean byScore;
    private final boolean perModule;
    private final boolean facets;
    private final int window;
    /** Module totals are asked for by the overview and with facets; a plain page needs only the total. */
    private final boolean countModules;
    /** What the searcher is running, to ask it for a segment's total ({@link Weight#count}); null if not told. */
    private Weight weight;

    private long total;
    private final long[] moduleCounts = new long[MODULES.length];
    private final List<Candidate> newest = new ArrayList<>();
    private final PriorityQueue<Candidate> best;
    private final List<LeafCounts> leafCounts = new ArrayList<>();

    /**
     * @param byScore   best match first, else newest first
     * @param perModule keep {@code window} candidates per module instead of overall (newest first only)
     * @param facets    count countries and industries too
     * @param window    how many of the top documents to keep
     */
    ResultCollector(SegmentTags.Cache tags, boolean byScore, boolean perModule, boolean facets, int window) {
        this.tags = tags;
        this.byScore = byScore;
        this.perModule = perModule;
        this.facets = facets;
        this.window = window;
        this.countModules = perModule || facets;
        this.best = byScore ? new PriorityQueue<>(window + 1, BEST_FIRST.reversed()) : null;
    }

    static CollectorManager<ResultCollector, ResultCollector> manager(SegmentTags.Cache tags, boolean byScore,
                                                                      boolean perModule, boolean facets, int window) {
        return new CollectorManager<>() {
            @Override
            public ResultCollector newCollector() {
                return new ResultCollector(tags, byScore, perModule, facets, window);
            }

            @Override
            public ResultCollector reduce(Collection<ResultCollector> collectors) {
                ResultCollector all = new ResultCollector(tags, byScore, perModule, facets, window);
                for (ResultCollector c : collectors) {
                    all.total += c.total;
                    for (int m = 0; m < MODULES.length; m++) {
                        all.moduleCounts[m] += c.moduleCounts[m];
                    }
                    all.newest.addAll(c.newest);
                    if (byScore) {
                        c.best.forEach(all::offer);
                    }
                    all.leafCounts.addAll(c.leafCounts);
                }
                return all;
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public void setWeight(Weight weight) {
        this.weight = weight;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        int docBase = context.docBase;
        // A plain page, newest first, of a query whose segment total the index already knows (one term, no deletes):
        // the segment's newest `window` matches come first in index order, and then nothing is left to visit.
        int known = !byScore && !countModules && weight != null ? weight.count(context) : -1;
        if (known == 0) {
            throw new CollectionTerminatedException();
        }
        if (known > 0) {
            total += known;
        }
        SegmentTags segment = tags.of(context.reader());
        byte[] moduleOf = segment.module;
        NumericDocValues published = DocValues.getNumeric(context.reader(), Fields.PUBLISHED);
        LeafCounts counts = facets ? new LeafCounts(segment) : null;
        if (counts != null) {
            leafCounts.add(counts);
        }
        return new LeafCollector() {
            private Scorable scorer;
            private int kept;
            private final int[] keptPerModule = new int[MODULES.length];

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                if (known > 0) {
                    if (kept == window) {
                        throw new CollectionTerminatedException();
                    }
                } else {
                    total++;
                }
                int module = moduleOf[doc];
                if (module >= 0 && countModules) {
                    moduleCounts[module]++;
                }
                if (counts != null) {
                    counts.count(doc);
                }
                if (byScore) {
                    float score = scorer.score();
                    Candidate weakest = best.peek();
                    if (best.size() < window || weakest == null || score >= weakest.score()) {
                        offer(new Candidate(docBase + doc, published(doc), score, module));
                    }
                } else if (perModule) {
                    if (module >= 0 && keptPerModule[module] < window) {
                        keptPerModule[module]++;
                        newest.add(new Candidate(docBase + doc, published(doc), 0f, module));
                    }
                } else if (kept < window) {
                    kept++;
                    newest.add(new Candidate(docBase + doc, published(doc), 0f, module));
                }
            }

            private long published(int doc) throws IOException {
                return published.advanceExact(doc) ? published.longValue() : Long.MIN_VALUE;
            }
        };
    }

    private void offer(Candidate c) {
        best.offer(c);
        if (best.size() > window) {
            best.poll();
        }
    }

    long total() {
        return total;
    }

    long moduleTotal(Module m) {
        return moduleCounts[m.ordinal()];
    }

    /** The kept candidates, best or newest first. */
    List<Candidate> top() {
        List<Candidate> out = new ArrayList<>(byScore ? best : newest);
        out.sort(byScore ? BEST_FIRST : NEWEST_FIRST);
        return out;
    }

    Facets facets() {
        Map<String, Long> modules = new LinkedHashMap<>();
        for (Module m : MODULES) {
            if (moduleCounts[m.ordinal()] > 0) {
                modules.put(m.id(), moduleCounts[m.ordinal()]);
            }
        }
        Map<String, Long> countries = new TreeMap<>();
        Map<String, Long> industries = new TreeMap<>();
        for (LeafCounts leaf : leafCounts) {
            leaf.addTo(countries, industries);
        }
        return new Facets(largestFirst(modules), largestFirst(countries), largestFirst(industries));
    }

    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Country and industry counts of one segment by set ({@link SegmentTags.Values}); resolved to codes at the end. */
    private static final class LeafCounts {
        private final SegmentTags segment;
        private final int[] countrySets;
        private final int[] industrySets;

        LeafCounts(SegmentTags segment) {
            this.segment = segment;
            this.countrySets = new int[segment.countries.setCount()];
            this.industrySets = new int[segment.industries.setCount()];
        }

        void count(int doc) {
            segment.countries.count(doc, countrySets);
            segment.industries.count(doc, industrySets);
        }

        void addTo(Map<String, Long> countryTotals, Map<String, Long> industryTotals) {
            segment.countries.addTo(countrySets, countryTotals);
            segment.industries.addTo(industrySets, industryTotals);
        }
    }
}
