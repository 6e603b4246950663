package cn.creditwindow.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Turns a keyword's grams (unigrams and bigrams at the positions of their start offsets, no prefixes) into the tokens
 * that find it in a grams field, at their positions, so that they make a term or a phrase with exact substring
 * semantics: a single CJK char inside one of the keyword's bigrams adds nothing and is left out; the last token, if
 * a Latin or numeric word, becomes its prefix ({@link LatinPrefixFilter#MARK}, truncated to
 * {@link LatinPrefixFilter#MAX_PREFIX}), so {@code iPhone} finds {@code iPhoneX}. It reads the whole keyword
 * before it gives the first token; keywords are short.
 *
 * <p>Every token it gives spans one position: the lookup is a plain sequence, not a token graph (CJKBigramFilter
 * marks bigrams as spanning two), so that Lucene's QueryBuilder, which Solr's {@code {!field}} parser uses, makes
 * the same phrase at the same positions instead of a phrase per path through the graph.
 */
public final class KeywordFilter extends TokenFilter {
    private static final String DOUBLE = CJKBigramFilter.DOUBLE_TYPE;
    private static final String SINGLE = CJKBigramFilter.SINGLE_TYPE;
    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionLengthAttribute posLength = addAttribute(PositionLengthAttribute.class);

    private record Token(AttributeSource.State state, String text, String type, int position, int start, int end) {
    }

    private List<Token> kept;
    private int next;
    private int lastPosition;

    public KeywordFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (kept == null) {
            kept = keep(readAll());
            next = 0;
            lastPosition = -1;
        }
        if (next == kept.size()) {
            return false;
        }
        Token t = kept.get(next++);
        restoreState(t.state);
        term.setEmpty().append(t.text);
        posInc.setPositionIncrement(t.position - lastPosition);
        posLength.setPositionLength(1);
        lastPosition = t.position;
        return true;
    }

    private List<Token> readAll() throws IOException {
        List<Token> all = new ArrayList<>();
        int position = -1;
        while (input.incrementToken()) {
            position += posInc.getPositionIncrement();
            all.add(new Token(captureState(), term.toString(), type.type(), position, offset.startOffset(),
                    offset.endOffset()));
        }
        return all;
    }

    private static List<Token> keep(List<Token> tokens) {
        List<Token> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type.equals(SINGLE) && coveredByBigram(tokens, t)) {
                continue;
            }
            boolean last = i == tokens.size() - 1;
            if (last && (t.type.equals(ALPHANUM) || t.type.equals(NUM))) {
                String prefix = t.text.length() > LatinPrefixFilter.MAX_PREFIX
                        ? t.text.substring(0, LatinPrefixFilter.MAX_PREFIX) : t.text;
                kept.add(new Token(t.state, prefix + LatinPrefixFilter.MARK, t.type, t.position, t.start, t.end));
            } else {
                kept.add(t);
            }
        }
        return kept;
    }

    /** A single CJK char inside a bigram of the keyword adds nothing to the phrase. */
    private static boolean coveredByBigram(List<Token> tokens, Token single) {
        for (Token t : tokens) {
            if (t.type.equals(DOUBLE) && t.start <= single.start && t.end >= single.end) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        kept = null;
    }
}
