package cn.creditwindow.search.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index, the same in the embedded index and, as a plugin jar, inside Solr (whose schema names
 * the classes: each has a public constructor without arguments). Every one first folds text with
 * {@link SearchText} (simplified script, half-width, lower case, word-internal punctuation to spaces).
 *
 * <ul>
 *   <li>{@link Words}: smartcn's HMM segmentation, without the Porter stemming and with the
 *       punctuation stop set of {@link SmartChineseAnalyzer} (stemming would turn iPhone into
 *       iphon).</li>
 *   <li>{@link Grams}: UAX#29 words; CJK runs as unigrams + bigrams; Latin and numeric words
 *       with their prefixes ({@link LatinPrefixFilter}); each token at the position of its start
 *       offset ({@link OffsetPositionFilter}). Used to index.</li>
 *   <li>{@link KeywordGrams}: like {@link Grams} without the prefixes. Used to turn a keyword into
 *       a phrase.</li>
 *   <li>{@link Keyword}: the tokens a keyword is looked up by in a {@link Grams} field, at their positions
 *       ({@link KeywordFilter}): a term when one, else a phrase. Solr's schema makes it the query analyzer of the
 *       gram fields.</li>
 * </ul>
 */
public final class Analyzers {
    private Analyzers() {
    }

    private static final int CJK_SCRIPTS =
            CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

    /** smartcn words. */
    public static Analyzer words() {
        return new Words();
    }

    /** Grams with Latin prefixes, for indexing. */
    public static Analyzer grams() {
        return new Grams();
    }

    /**
     * Grams without prefixes: positions line up with {@link #grams()}, so a keyword's tokens can be placed in a
     * phrase at the positions they have in an indexed title.
     */
    public static Analyzer keyword() {
        return new KeywordGrams();
    }

    /** The tokens a keyword is looked up by in a grams field (see {@link KeywordFilter}). */
    public static Analyzer keywordLookup() {
        return new Keyword();
    }

    /** smartcn words; see {@link Analyzers}. */
    public static final class Words extends FoldingAnalyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    /** Grams with Latin prefixes; see {@link Analyzers}. */
    public static final class Grams extends FoldingAnalyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return grams(true, false);
        }
    }

    /** Grams without prefixes; see {@link Analyzers}. */
    public static final class KeywordGrams extends FoldingAnalyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return grams(false, false);
        }
    }

    /** A keyword's lookup tokens in a grams field; see {@link Analyzers}. */
    public static final class Keyword extends FoldingAnalyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return grams(false, true);
        }
    }

    private static Analyzer.TokenStreamComponents grams(boolean prefixes, boolean lookup) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKBigramFilter(tokenizer, CJK_SCRIPTS, true);
        if (prefixes) {
            stream = new LatinPrefixFilter(stream);
        }
        stream = new OffsetPositionFilter(stream);
        if (lookup) {
            stream = new KeywordFilter(stream);
        }
        return new Analyzer.TokenStreamComponents(tokenizer, stream);
    }

    /** Every analyzer here reads text through {@link SearchText}'s folding first. */
    private abstract static class FoldingAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return SearchText.charFilter(reader);
        }
    }
}
