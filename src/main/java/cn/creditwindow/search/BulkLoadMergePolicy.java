package cn.creditwindow.search;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;

/**
 * A merge policy that merges nothing of its own accord while a bulk load runs, and as the policy it wraps otherwise.
 *
 * <p>A bulk load flushes a segment for every batch it commits, and ends merged into one segment ({@link
 * LuceneArticleIndex#compact}). With merges as usual, every posting and stored body is rewritten at each tier on the
 * way (10 segments into one, ten of those into one…) and once more at the end; held back, each is rewritten once, by
 * the one merge of everything at the end. Searches meanwhile see more, smaller segments. Forced merges are never held
 * back.
 */
final class BulkLoadMergePolicy extends FilterMergePolicy {
    private final AtomicInteger bulkLoads = new AtomicInteger();

    BulkLoadMergePolicy(MergePolicy in) {
        super(in);
    }

    /** A bulk load begins: no merge is chosen until each one begun has {@link #end ended}. */
    void begin() {
        bulkLoads.incrementAndGet();
    }

    /** A bulk load ends; returns whether none is left running, so merges may be looked for again. */
    boolean end() {
        int left = bulkLoads.decrementAndGet();
        if (left < 0) {
            bulkLoads.incrementAndGet();
            throw new IllegalStateException("no bulk load to end");
        }
        return left == 0;
    }

    boolean holding() {
        return bulkLoads.get() > 0;
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        return holding() ? null : super.findMerges(trigger, infos, context);
    }

    @Override
    public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        return holding() ? null : super.findFullFlushMerges(trigger, infos, context);
    }
}
