package cn.creditwindow.search;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index. Every one first folds text with {@link SearchText} (simplified
 * script, half-width, lower case, word-internal punctuation to spaces).
 *
 * <ul>
 *   <li>{@link #words()}: smartcn's HMM segmentation, without the Porter stemming and with the
 *       punctuation stop set of {@link SmartChineseAnalyzer} (stemming would turn iPhone into
 *       iphon).</li>
 *   <li>{@link #grams()}: UAX#29 words; CJK runs as unigrams + bigrams; Latin and numeric words
 *       with their prefixes ({@link LatinPrefixFilter}); each token at the position of its start
 *       offset ({@link OffsetPositionFilter}). Used to index.</li>
 *   <li>{@link #keyword()}: like {@link #grams()} without the prefixes. Used to turn a keyword into
 *       a phrase.</li>
 * </ul>
 */
public final class Analyzers {
    private Analyzers() {
    }

    private static final int CJK_SCRIPTS =
            CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

    /** smartcn words. */
    public static Analyzer words() {
        return new FoldingAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Grams with Latin prefixes, for indexing. */
    public static Analyzer grams() {
        return gramAnalyzer(true, true);
    }

    /**
     * Grams without prefixes, for parsing keywords: positions line up with {@link #grams()}, so a
     * keyword's tokens can be placed in a phrase at the positions they have in an indexed title.
     */
    public static Analyzer keyword() {
        return gramAnalyzer(true, false);
    }

    /** The analyzer an IndexWriter uses for all fields of an article document. */
    static Analyzer forIndexing() {
        Analyzer grams = grams();
        return new PerFieldAnalyzerWrapper(grams, Map.of(Fields.TITLE_WORDS, words()));
    }

    private static Analyzer gramAnalyzer(boolean unigrams, boolean prefixes) {
        return new FoldingAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(tokenizer, CJK_SCRIPTS, unigrams);
                if (prefixes) {
                    stream = new LatinPrefixFilter(stream);
                }
                stream = new OffsetPositionFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Every analyzer here reads text through {@link SearchText}'s folding first. */
    private abstract static class FoldingAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return SearchText.charFilter(reader);
        }
    }
}
