package cn.creditwindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The module, countries and industries of every document of one segment, as plain arrays.
 *
 * <p>Counting them for every match is the one cost a search adds to Lucene's own matching (totals
 * per module, facets). Read through doc values that costs tens of nanoseconds per document and
 * value; read from these arrays, a few. They are built once per segment, when a searcher is opened
 * (segments are immutable), and dropped with the segment. About 10 bytes per document, and maxDoc / 8 bytes
 * for each frequent code a filter has asked for ({@link #bits}): at most a few dozen per field.
 */
final class SegmentTags {
    private static final Module[] MODULES = Module.values();

    /** Module ordinal per document, -1 when none. */
    final byte[] module;
    final Values countries;
    final Values industries;
    /**
     * How many bitsets {@link #bits} keeps for a segment, whatever is asked: 16 bytes a document at most. A filter's
     * frequent codes (1 in 32 documents or more) are a few dozen even over countries, industries and modules together.
     */
    static final int MAX_BITSETS = 128;
    /** The documents of frequent filter terms ({@link TagFilterQuery}), built when first asked for. */
    private final Map<Term, FixedBitSet> bits = new ConcurrentHashMap<>();

    /**
     * Multi-valued codes by set: document d has the codes {@code sets[setOf[d]]} (ordinals into {@code names}); set 0
     * is the empty one. Documents share few distinct sets (one or two countries of a few hundred, an industry and
     * its ancestors), so counting a match is one read and one increment ({@link #count}), and the codes of each set
     * are added once per query, at the end ({@link #addTo}), instead of once per document.
     */
    static final class Values {
        private static final Values NONE = new Values(null, new int[][] {new int[0]}, new String[0]);

        private final int[] setOf;
        private final int[][] sets;
        final String[] names;

        private Values(int[] setOf, int[][] sets, String[] names) {
            this.setOf = setOf;
            this.sets = sets;
            this.names = names;
        }

        /** How many distinct sets there are: the size of the array {@link #count} counts into. */
        int setCount() {
            return sets.length;
        }

        /** Counts document {@code doc} into {@code setCounts}, by its set. */
        void count(int doc, int[] setCounts) {
            if (setOf != null) {
                setCounts[setOf[doc]]++;
            }
        }

        /** Adds counts by set ({@link #count}) to totals by code. */
        void addTo(int[] setCounts, Map<String, Long> totals) {
            long[] byOrd = new long[names.length];
            for (int set = 1; set < setCounts.length; set++) {
                int n = setCounts[set];
                if (n > 0) {
                    for (int ord : sets[set]) {
                        byOrd[ord] += n;
                    }
                }
            }
            for (int ord = 0; ord < byOrd.length; ord++) {
                if (byOrd[ord] > 0) {
                    totals.merge(names[ord], byOrd[ord], Long::sum);
                }
            }
        }

        private static Values read(SortedSetDocValues dv, int maxDoc) throws IOException {
            if (dv == null) {
                return NONE;
            }
            String[] names = new String[(int) dv.getValueCount()];
            for (int ord = 0; ord < names.length; ord++) {
                names[ord] = dv.lookupOrd(ord).utf8ToString();
            }
            int[] setOf = new int[maxDoc];
            Map<IntList, Integer> ids = new HashMap<>();
            List<int[]> sets = new ArrayList<>();
            sets.add(new int[0]);
            ids.put(new IntList(new int[0]), 0);
            for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                int[] ords = new int[dv.docValueCount()];
                for (int i = 0; i < ords.length; i++) {
                    ords[i] = (int) dv.nextOrd();
                }
                Integer id = ids.get(new IntList(ords));
                if (id == null) {
                    id = sets.size();
                    sets.add(ords);
                    ids.put(new IntList(ords), id);
                }
                setOf[d] = id;
            }
            return new Values(setOf, sets.toArray(int[][]::new), names);
        }

        /** An int array as a map key. */
        private record IntList(int[] values) {
            @Override
            public boolean equals(Object o) {
                return o instanceof IntList other && Arrays.equals(values, other.values);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(values);
            }
        }
    }

    private SegmentTags(byte[] module, Values countries, Values industries) {
        this.module = module;
        this.countries = countries;
        this.industries = industries;
    }

    /**
     * The documents with a term, as a bitset kept while the segment is open, or null when the segment keeps
     * {@value #MAX_BITSETS} already (a few more if searches build them at the same moment). Only for terms many
     * documents have: each costs maxDoc / 8 bytes.
     *
     * @param positioned an enumeration of the term's field, positioned on it
     */
    FixedBitSet bits(Term term, TermsEnum positioned) throws IOException {
        FixedBitSet set = bits.get(term);
        if (set == null) {
            if (bits.size() >= MAX_BITSETS) {
                return null;
            }
            set = new FixedBitSet(module.length);
            PostingsEnum docs = positioned.postings(null, PostingsEnum.NONE);
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                set.set(d);
            }
            FixedBitSet raced = bits.putIfAbsent(term, set);
            set = raced == null ? set : raced;
        }
        return set;
    }

    /** Whether {@link #bits} has been asked for this term. */
    boolean hasBits(Term term) {
        return bits.containsKey(term);
    }

    static SegmentTags read(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        byte[] module = new byte[maxDoc];
        Arrays.fill(module, (byte) -1);
        SortedDocValues modules = reader.getSortedDocValues(Fields.MODULE);
        if (modules != null) {
            byte[] ordToModule = new byte[modules.getValueCount()];
            for (int ord = 0; ord < ordToModule.length; ord++) {
                String id = modules.lookupOrd(ord).utf8ToString();
                ordToModule[ord] = (byte) Module.byId(id).map(Enum::ordinal).orElse(-1).intValue();
            }
            for (int d = modules.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = modules.nextDoc()) {
                module[d] = ordToModule[modules.ordValue()];
            }
        }
        return new SegmentTags(module, Values.read(reader.getSortedSetDocValues(Fields.COUNTRY), maxDoc),
                Values.read(reader.getSortedSetDocValues(Fields.INDUSTRY), maxDoc));
    }

    static int moduleCount() {
        return MODULES.length;
    }

    /** The tags of each open segment, built on first use and forgotten when the segment closes. */
    static final class Cache {
        private final Map<IndexReader.CacheKey, SegmentTags> bySegment = new ConcurrentHashMap<>();

        SegmentTags of(LeafReader reader) {
            IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
            if (helper == null) {
                return readUnchecked(reader);
            }
            IndexReader.CacheKey key = helper.getKey();
            SegmentTags tags = bySegment.get(key);
            if (tags == null) {
                tags = readUnchecked(reader);
                if (bySegment.putIfAbsent(key, tags) == null) {
                    helper.addClosedListener(bySegment::remove);
                }
            }
            return tags;
        }

        int size() {
            return bySegment.size();
        }

        private static SegmentTags readUnchecked(LeafReader reader) {
            try {
                return read(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the tags of a segment", e);
            }
        }
    }
}
