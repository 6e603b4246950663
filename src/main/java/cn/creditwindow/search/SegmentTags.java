package cn.creditwindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The module, countries and industries of every document of one segment, as plain arrays.
 *
 * <p>Counting them for every match is the one cost a search adds to Lucene's own matching (totals
 * per module, facets). Read through doc values that costs tens of nanoseconds per document and
 * value; read from these arrays, a few. They are built once per segment, when a searcher is opened
 * (segments are immutable), and dropped with the segment. About 10 bytes per document.
 */
final class SegmentTags {
    private static final Module[] MODULES = Module.values();

    /** Module ordinal per document, -1 when none. */
    final byte[] module;
    final Values countries;
    final Values industries;

    /** Multi-valued codes in compressed rows: document d has {@code ords[start[d] .. start[d+1])}. */
    static final class Values {
        private static final Values NONE = new Values(null, new int[0], new String[0]);

        final int[] start;
        final int[] ords;
        final String[] names;

        private Values(int[] start, int[] ords, String[] names) {
            this.start = start;
            this.ords = ords;
            this.names = names;
        }

        void count(int doc, int[] counts) {
            if (start != null) {
                for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
                    counts[ords[i]]++;
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
            int[] start = new int[maxDoc + 1];
            int[] ords = new int[Math.max(16, maxDoc / 4)];
            int size = 0;
            int filled = 0; // start[0 .. filled) are set
            for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                while (filled <= d) {
                    start[filled++] = size;
                }
                for (int i = dv.docValueCount(); i > 0; i--) {
                    if (size == ords.length) {
                        ords = Arrays.copyOf(ords, size * 2);
                    }
                    ords[size++] = (int) dv.nextOrd();
                }
            }
            while (filled <= maxDoc) {
                start[filled++] = size;
            }
            return new Values(start, Arrays.copyOf(ords, size), names);
        }
    }

    private SegmentTags(byte[] module, Values countries, Values industries) {
        this.module = module;
        this.countries = countries;
        this.industries = industries;
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
