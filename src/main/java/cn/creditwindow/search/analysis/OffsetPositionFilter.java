package cn.creditwindow.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Places every token at the position equal to its start offset, so that a phrase matches only where
 * its tokens lie at the same distances as in the keyword: 事1 does not match 事.1, because the dot
 * (a separator the tokenizer drops) still takes up room. Tokens sharing a start (a unigram and the
 * bigram it begins, a word and its prefixes) share a position.
 */
final class OffsetPositionFilter extends TokenFilter {
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int lastStart;

    OffsetPositionFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int start = offset.startOffset();
        posInc.setPositionIncrement(start - lastStart);
        lastStart = start;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lastStart = -1;
    }
}
