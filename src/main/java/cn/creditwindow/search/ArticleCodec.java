package cn.creditwindow.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene 9.12's codec with stored fields in smaller blocks and a Bloom filter over the ids: what the embedded index
 * writes.
 *
 * <p>A result page reads the stored fields of its 15 hits, each from a different place in the index. Lucene's default
 * compresses stored fields in blocks of 80 KiB (a 4 KiB preset dictionary and ten sub-blocks of about 8 KiB), and
 * reading one document decompresses the dictionary and the sub-block it is in: about 12 KiB for a few hundred bytes,
 * most of a page's search time. Blocks of {@value #BLOCK_BYTES} bytes (the same LZ4 with a preset dictionary, of about
 * 800 bytes, and sub-blocks of about 1.5 KiB) decompress a fifth of that for each hit, for a slightly larger index.
 *
 * <p>Storing an article first looks its id up in every segment, to tell a new article from a changed or an unchanged
 * one. Ids are hashes, spread over the whole terms dictionary of each segment, so a lookup that misses (every new
 * article, in all segments but one for the others) still reads and decompresses a terms block; during a bulk load,
 * with its merges held back, that is a lookup in each of up to a few hundred segments per article. The id field's
 * postings therefore carry a Bloom filter (Lucene's {@link BloomFilteringPostingsFormat}, about one byte per id, kept
 * in memory), which answers most misses without reading the terms.
 *
 * <p>Segments written before (Lucene's own codec) stay readable: each segment names the codec that wrote it, and a
 * merge rewrites them with this one. Registered for reading in {@code META-INF/services/org.apache.lucene.codecs.Codec}.
 */
public final class ArticleCodec extends FilterCodec {
    /** The name segments written with this codec record. */
    public static final String NAME = "CreditWindow912";
    private static final int BLOCK_BYTES = 16 * 1024;
    private static final int MAX_DOCS_PER_BLOCK = 128;
    /** As Lucene's own stored fields: an index entry every 2^10 blocks. */
    private static final int BLOCK_SHIFT = 10;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "CreditWindowStoredFields", new LZ4WithPresetDictCompressionMode(), BLOCK_BYTES, MAX_DOCS_PER_BLOCK,
            BLOCK_SHIFT);

    /**
     * Public and without arguments: Lucene's service loader makes the instance that reads segments (while it loads
     * the codecs, so the one delegated to is made here, not looked up by name).
     */
    public ArticleCodec() {
        super(NAME, new Lucene912Codec() {
            private final PostingsFormat ids = new BloomFilteringPostingsFormat(PostingsFormat.forName("Lucene912"));

            @Override
            public PostingsFormat getPostingsFormatForField(String field) {
                return Fields.ID.equals(field) ? ids : super.getPostingsFormatForField(field);
            }
        });
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
