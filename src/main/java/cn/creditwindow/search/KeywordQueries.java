package cn.creditwindow.search;

import cn.creditwindow.search.analysis.Analyzers;
import cn.creditwindow.search.analysis.KeywordFilter;
import cn.creditwindow.search.analysis.SearchText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns one keyword into Lucene queries.
 *
 * <p>{@link #recall} is exact substring semantics on a grams field: the keyword's bigrams (or its single
 * CJK char) and its Latin words as a phrase, the last Latin word as a prefix ({@link KeywordFilter}, which Solr's
 * schema uses as the gram fields' query analyzer, so both engines look a keyword up by the same terms). It finds every title
 * that contains the keyword, and only those (Latin words must start where a title's word starts).
 *
 * <p>{@link #wholeWords} finds titles where the keyword is made of whole smartcn words: it tries
 * every way of splitting the keyword into words the index knows, as a phrase each. Used only to rank.
 */
final class KeywordQueries {
    private static final int MAX_SPLITS = 32;
    private static final int MAX_SPLIT_LENGTH = 12;

    private final Analyzer lookupAnalyzer;

    /** @param lookupAnalyzer {@link Analyzers#keywordLookup()}, which gives a keyword's terms at their positions */
    KeywordQueries(Analyzer lookupAnalyzer) {
        this.lookupAnalyzer = lookupAnalyzer;
    }

    private record Token(String text, int position) {
    }

    /** The substring query for a keyword on a grams field, or null when the keyword has nothing searchable. */
    Query recall(String keyword, String field) {
        List<Token> tokens = tokens(keyword);
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).text));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (Token t : tokens) {
            phrase.add(new Term(field, t.text), t.position);
        }
        return phrase.build();
    }

    /**
     * Titles in which the keyword consists of whole smartcn words, or null when no split of the
     * keyword into known words exists.
     */
    Query wholeWords(String keyword, String field, IndexReader reader) {
        List<List<String>> splits = splits(keyword, piece -> {
            try {
                return reader.docFreq(new Term(field, piece)) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException("looking up words of keyword " + keyword, e);
            }
        });
        if (splits.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (List<String> words : splits) {
            if (words.size() == 1) {
                any.add(new TermQuery(new Term(field, words.get(0))), BooleanClause.Occur.SHOULD);
            } else {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (String w : words) {
                    phrase.add(new Term(field, w));
                }
                any.add(phrase.build(), BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * The ways to split a keyword into words an index knows, longer first words first, at most {@link #MAX_SPLITS};
     * empty for a keyword that is blank, longer than {@link #MAX_SPLIT_LENGTH} or has a space. {@code known} is asked
     * of the (folded) pieces as the splitting reaches them, each at most once.
     */
    List<List<String>> splits(String keyword, Predicate<String> known) {
        String text = splittable(keyword);
        if (text == null) {
            return List.of();
        }
        Map<String, Boolean> asked = new HashMap<>();
        List<List<String>> splits = new ArrayList<>();
        split(text, 0, new ArrayList<>(), splits, piece -> asked.computeIfAbsent(piece, known::test));
        return splits;
    }

    /**
     * Every piece {@link #splits} may ask about, for an index that answers many at once (Solr's term statistics):
     * each substring of the folded keyword; none for a keyword that is not split.
     */
    Set<String> pieces(String keyword) {
        String text = splittable(keyword);
        Set<String> pieces = new LinkedHashSet<>();
        for (int start = 0; text != null && start < text.length(); start++) {
            for (int end = start + 1; end <= text.length(); end++) {
                pieces.add(text.substring(start, end));
            }
        }
        return pieces;
    }

    /** The folded keyword, or null when it is blank, too long to split or has a space. */
    private static String splittable(String keyword) {
        String text = SearchText.normalize(keyword).strip();
        return text.isEmpty() || text.length() > MAX_SPLIT_LENGTH || text.indexOf(' ') >= 0 ? null : text;
    }

    private static void split(String text, int start, List<String> current, List<List<String>> out,
                              Predicate<String> words) {
        if (out.size() >= MAX_SPLITS) {
            return;
        }
        if (start == text.length()) {
            out.add(List.copyOf(current));
            return;
        }
        for (int end = text.length(); end > start; end--) {
            String piece = text.substring(start, end);
            if (words.test(piece)) {
                current.add(piece);
                split(text, end, current, out, words);
                current.remove(current.size() - 1);
            }
        }
    }

    private List<Token> tokens(String keyword) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = lookupAnalyzer.tokenStream(Fields.TITLE_GRAMS, keyword)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += posInc.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing keyword " + keyword, e);
        }
        return tokens;
    }
}
