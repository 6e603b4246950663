package cn.creditwindow.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    /** Tokens as "term@position". */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos);
            }
            ts.end();
        }
        return out;
    }

    @Test
    void gramsIndexUnigramsAndBigramsOfChineseRuns() throws IOException {
        assertThat(tokens(Analyzers.grams(), "纺织业出口"))
                .containsExactly("纺@0", "纺织@0", "织@1", "织业@1", "业@2", "业出@2", "出@3", "出口@3", "口@4");
    }

    @Test
    void gramsIndexLatinWordsWithTheirPrefixes() throws IOException {
        assertThat(tokens(Analyzers.grams(), "iPhoneX与5G"))
                .containsExactly("iphonex@0", "i*@0", "ip*@0", "iph*@0", "ipho*@0", "iphon*@0", "iphone*@0",
                        "iphonex*@0", "与@7", "5g@8", "5*@8", "5g*@8");
    }

    @Test
    void gramsFoldTraditionalFullWidthAndCase() throws IOException {
        assertThat(tokens(Analyzers.grams(), "美國ＡＩ"))
                .containsExactly("美@0", "美国@0", "国@1", "ai@2", "a*@2", "ai*@2");
    }

    @Test
    void gramPositionsAreOffsetsSoSeparatorsKeepTheirPlace() throws IOException {
        assertThat(tokens(Analyzers.keyword(), "事.1")).containsExactly("事@0", "1@2");
        assertThat(tokens(Analyzers.keyword(), "事1")).containsExactly("事@0", "1@1");
    }

    @Test
    void gramsSplitWordsAtInternalPunctuation() throws IOException {
        assertThat(tokens(Analyzers.keyword(), "3.5mm U.S."))
                .containsExactly("3@0", "5mm@2", "u@6", "s@8");
    }

    @Test
    void wordsSegmentWithSmartcnWithoutStemming() throws IOException {
        assertThat(tokens(Analyzers.words(), "沙特阿拉伯iPhone手机"))
                .containsExactly("沙特阿拉伯@0", "iphone@1", "手机@2");
    }

    @Test
    void wordsSegmentationDependsOnContext() throws IOException {
        // the reason the grams field exists: 一带一路 alone is four single chars, in a title two words
        assertThat(tokens(Analyzers.words(), "一带一路")).containsExactly("一@0", "带@1", "一@2", "路@3");
        assertThat(tokens(Analyzers.words(), "中美贸易与中美洲"))
                .containsExactly("中@0", "美@1", "贸易@2", "与@3", "中美洲@4");
    }

    @Test
    void aKeywordIsLookedUpByItsBigramsAtTheirPlacesWithoutTheSinglesTheyCover() throws IOException {
        assertThat(tokens(Analyzers.keywordLookup(), "中美贸易")).containsExactly("中美@0", "美贸@1", "贸易@2");
        assertThat(tokens(Analyzers.keywordLookup(), "美")).containsExactly("美@0");
        assertThat(tokens(Analyzers.keywordLookup(), "-")).isEmpty();
    }

    @Test
    void aKeywordsLastLatinWordIsAPrefixAndOnlyTheLast() throws IOException {
        assertThat(tokens(Analyzers.keywordLookup(), "iPhone 15")).containsExactly("iphone@0", "15*@7");
        assertThat(tokens(Analyzers.keywordLookup(), "5G与")).containsExactly("5g@0", "与@2");
        assertThat(tokens(Analyzers.keywordLookup(), "abcdefghijklmnopqrstuvwxyz"))
                .containsExactly("abcdefghijklmnopqrst*@0");
    }

    @Test
    void aKeywordTokenStreamCanBeReusedForTheNextKeyword() throws IOException {
        Analyzer lookup = Analyzers.keywordLookup();
        assertThat(tokens(lookup, "光伏")).containsExactly("光伏@0");
        assertThat(tokens(lookup, "AI 芯片")).containsExactly("ai@0", "芯片@3");
    }

    /**
     * Solr's {@code {!field f=title_grams}} hands the keyword to Lucene's QueryBuilder with this analyzer: the lookup
     * tokens must come out as one phrase at their positions (as the embedded index builds it), not as a token graph
     * (bigrams span two positions), whose paths would skip a bigram and lose the distances. #16
     */
    @Test
    void solrsQueryBuilderTurnsAKeywordsLookupIntoThePhraseAtItsPositions() {
        QueryBuilder builder = new QueryBuilder(Analyzers.keywordLookup());
        assertThat(builder.createPhraseQuery("f", "中美贸易")).isEqualTo(new PhraseQuery.Builder()
                .add(new Term("f", "中美"), 0).add(new Term("f", "美贸"), 1).add(new Term("f", "贸易"), 2).build());
        assertThat(builder.createPhraseQuery("f", "美国 iPhone")).isEqualTo(new PhraseQuery.Builder()
                .add(new Term("f", "美国"), 0).add(new Term("f", "iphone*"), 3).build());
        assertThat(builder.createPhraseQuery("f", "AI")).isEqualTo(new TermQuery(new Term("f", "ai*")));
    }
}
