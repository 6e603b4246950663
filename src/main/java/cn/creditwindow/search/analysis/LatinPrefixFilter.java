package cn.creditwindow.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Makes Latin and numeric words findable by their beginning: after each such token (say
 * {@code iphonex}) it adds, at the same position, every prefix followed by {@link #MARK}
 * ({@code i*}, {@code ip*} … {@code iphonex*}). A keyword's last Latin token is then looked up as
 * {@code prefix*}, so {@code iPhone} finds {@code iPhoneX} and {@code iPhone8} while {@code AI} does not
 * find {@code JinAir}: prefixes are only ever taken from the start of a word.
 *
 * <p>Prefixes longer than {@link #MAX_PREFIX} chars are not indexed; a query truncates its prefix
 * to that length.
 */
public final class LatinPrefixFilter extends TokenFilter {
    /** Appended to prefix terms; StandardTokenizer never puts it inside a token. */
    public static final char MARK = '*';
    public static final int MAX_PREFIX = 20;

    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private AttributeSource.State word;
    private char[] wordChars = new char[MAX_PREFIX];
    private int wordLength;
    private int nextPrefix;

    LatinPrefixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (word != null && nextPrefix <= wordLength) {
            restoreState(word);
            term.copyBuffer(wordChars, 0, nextPrefix);
            term.append(MARK);
            posInc.setPositionIncrement(0);
            nextPrefix++;
            return true;
        }
        word = null;
        if (!input.incrementToken()) {
            return false;
        }
        String t = type.type();
        if (t.equals(ALPHANUM) || t.equals(NUM)) {
            word = captureState();
            wordLength = Math.min(term.length(), MAX_PREFIX);
            System.arraycopy(term.buffer(), 0, wordChars, 0, wordLength);
            nextPrefix = 1;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        word = null;
    }
}
