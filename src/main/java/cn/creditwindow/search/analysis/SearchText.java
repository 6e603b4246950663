package cn.creditwindow.search.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * The one normalisation every title, body and keyword goes through before it is matched, so that
 * index, query, highlighting and test oracles agree on what "contains" means.
 *
 * <p>It maps each UTF-16 char to exactly one char (so offsets never move):
 * <ul>
 *   <li>Traditional to Simplified Chinese (美國 → 美国), from ICU's {@code Traditional-Simplified}
 *       transform, restricted to the single-character mappings;</li>
 *   <li>full-width ASCII to half-width (ＡＢＣ１２３ → ABC123, the ideographic space to a space);</li>
 *   <li>letters to lower case;</li>
 *   <li>punctuation that Unicode word segmentation keeps inside a word (the {@code .} in {@code 3.5mm}
 *       and {@code U.S.}, {@code '}, {@code :}, {@code ,}, {@code _}, soft hyphen, zero-width
 *       characters…) to a space, so that a "word" is simply a run of letters and digits.</li>
 * </ul>
 * Supplementary characters pass through unchanged.
 */
public final class SearchText {
    private static final char[] TABLE = buildTable();

    private SearchText() {
    }

    /** The normalised form of one char. */
    public static char fold(char c) {
        return TABLE[c];
    }

    /** The normalised form of a string; same length as the input. */
    public static String normalize(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = TABLE[chars[i]];
        }
        return new String(chars);
    }

    /** A reader that applies {@link #fold(char)} to everything read through it. */
    public static Reader charFilter(Reader in) {
        return new FoldingCharFilter(in);
    }

    /** True for a char that belongs to a Latin-style word: a letter or digit that is not CJK. */
    public static boolean isWordChar(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN
                && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA
                && script != Character.UnicodeScript.HANGUL;
    }

    private static final String WORD_INTERNAL_PUNCTUATION =
            ".'\u2018\u2019\u2024\uFE52:\u00B7\u0387\u05F4\u2027\uFE13\uFE55,;\u037E\u0589\u060C\u060D"
                    + "\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54_\u203F\u2040\u2054\uFE33\uFE34\uFE4D\uFE4E"
                    + "\uFE4F\u00AD\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF\"";

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (char) c;
        }
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        for (int c = 0x2E80; c <= 0x9FFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String simplified = toSimplified.transliterate(String.valueOf((char) c));
            if (simplified.length() == 1) {
                table[c] = simplified.charAt(0);
            }
        }
        for (int c = 0xF900; c <= 0xFAFF; c++) { // CJK compatibility ideographs
            String simplified = toSimplified.transliterate(String.valueOf((char) c));
            if (simplified.length() == 1) {
                table[c] = simplified.charAt(0);
            }
        }
        for (int c = 0xFF01; c <= 0xFF5E; c++) {
            table[c] = (char) (c - 0xFF01 + 0x21);
        }
        table[0x3000] = ' ';
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char mapped = table[c];
            if (!Character.isSurrogate(mapped)) {
                table[c] = Character.toLowerCase(mapped);
            }
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (WORD_INTERNAL_PUNCTUATION.indexOf(table[c]) >= 0) {
                table[c] = ' ';
            }
        }
        return table;
    }

    private static final class FoldingCharFilter extends CharFilter {
        FoldingCharFilter(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = input.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                buffer[i] = TABLE[buffer[i]];
            }
            return n;
        }

        @Override
        protected int correct(int currentOff) {
            return currentOff;
        }
    }
}
