package cn.creditwindow.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Documents with any of some codes of a tag field (country, industry, module): a filter, as Solr's {@code fq} with
 * its filter cache.
 *
 * <p>A code many documents have is matched from a bitset of the segment ({@link SegmentTags#bits}), built from its
 * postings once and kept with the segment: a keyword's matches are then checked against it word by word, where
 * leaping through a long postings list decodes its skip data and blocks again for every query. A rare code is
 * matched from its postings, which are short (and lead the conjunction). Same documents either way.
 */
final class TagFilterQuery extends Query {
    /** A code is matched from a bitset when at least one in this many documents of the segment has it. */
    static final int FREQUENT = 32;

    private final String field;
    private final Set<String> values;
    private final SegmentTags.Cache tags;

    TagFilterQuery(String field, Set<String> values, SegmentTags.Cache tags) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a tag filter needs at least one value");
        }
        this.field = Objects.requireNonNull(field, "field");
        this.values = new TreeSet<>(values);
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new ConstantScoreWeight(this, boost) {
            /**
             * Lucene's own filter, for segments where a code is rare: made when one first needs it, so that a search
             * answered from bitsets does not look its codes up in every segment's terms a second time.
             */
            private volatile Weight postings;

            private Weight postings() throws IOException {
                Weight w = postings;
                if (w == null) {
                    List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
                    postings = w = searcher.rewrite(new TermInSetQuery(field, terms))
                            .createWeight(searcher, scoreMode, boost);
                }
                return w;
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                FixedBitSet bits = frequentBits(context.reader());
                if (bits == null) {
                    return postings().scorerSupplier(context);
                }
                Weight weight = this;
                long cost = bits.approximateCardinality();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        return new ConstantScoreScorer(weight, score(), scoreMode, new BitSetIterator(bits, cost));
                    }

                    @Override
                    public long cost() {
                        return cost;
                    }
                };
            }

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = scorerSupplier(context);
                return supplier == null ? null : supplier.get(Long.MAX_VALUE);
            }

            /**
             * As Lucene's own filter counts: 0 when the segment has none of the codes, the one code's document
             * frequency when it has one and no deletions, otherwise unknown (-1).
             */
            @Override
            public int count(LeafReaderContext context) throws IOException {
                Terms terms = context.reader().terms(field);
                if (terms == null) {
                    return 0;
                }
                TermsEnum te = terms.iterator();
                int present = 0;
                int count = 0;
                for (String value : values) {
                    if (te.seekExact(new BytesRef(value))) {
                        present++;
                        count = te.docFreq();
                    }
                }
                return present == 0 ? 0 : present == 1 && !context.reader().hasDeletions() ? count : -1;
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return true;
            }
        };
    }

    /**
     * The documents of the segment with any of the values, from cached bitsets, or null when any value present is
     * rare there (then postings serve better), none is, or the segment keeps no more bitsets.
     */
    private FixedBitSet frequentBits(LeafReader reader) throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        int maxDoc = reader.maxDoc();
        List<FixedBitSet> parts = new ArrayList<>(values.size());
        SegmentTags segment = tags.of(reader);
        for (String value : values) {
            BytesRef term = new BytesRef(value);
            if (!te.seekExact(term)) {
                continue;
            }
            if ((long) te.docFreq() * FREQUENT < maxDoc) {
                return null;
            }
            FixedBitSet set = segment.bits(new Term(field, term), te);
            if (set == null) { // the segment keeps no more bitsets
                return null;
            }
            parts.add(set);
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        FixedBitSet any = parts.get(0).clone();
        for (int i = 1; i < parts.size(); i++) {
            any.or(parts.get(i));
        }
        return any;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + ":" + values;
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && field.equals(((TagFilterQuery) o).field) && values.equals(((TagFilterQuery) o).values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, values);
    }
}
