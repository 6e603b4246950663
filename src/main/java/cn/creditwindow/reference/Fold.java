package cn.creditwindow.reference;

import java.text.Normalizer;

/**
 * Character folding shared by lookups and the gazetteer, so that a name written with full-width Latin
 * letters ({@code ＵＳＡ}), full-width brackets ({@code 刚果（金）} vs {@code 刚果(金)}), accents
 * ({@code Türkiye}) or a typographic apostrophe ({@code Côte d’Ivoire}) is found like its plain form.
 * Chinese script is not folded: traditional names are listed as aliases in the data instead, because a
 * character-level traditional-to-simplified mapping is ambiguous and slower.
 */
final class Fold {
    /** For U+00C0..U+024F: the unaccented ASCII letter, or the character itself when it has none. */
    private static final String LATIN = latinTable();

    private Fold() {
    }

    /** Width, accent and quote folding; case is kept (the gazetteer needs it for abbreviations). */
    static char fold(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000') {
            return ' ';
        }
        if (c >= 0xC0 && c <= 0x24F) {
            return LATIN.charAt(c - 0xC0);
        }
        if (c == '\u2019' || c == '\u2018') {
            return '\'';
        }
        return c;
    }

    /** {@link #fold(char)}, then ASCII lower case: the form trie keys and lookup keys are made of. */
    static char key(char c) {
        char f = fold(c);
        return f >= 'A' && f <= 'Z' ? (char) (f + ('a' - 'A')) : f;
    }

    /** A lookup key: trimmed, runs of whitespace made one space, every character {@link #key(char) keyed}. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = key(s.charAt(i));
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True for a folded character that continues a Latin word (so {@code US} does not match inside {@code USB}). */
    static boolean isLatinWordChar(char folded) {
        if (folded < 0x80) {
            return folded >= 'a' && folded <= 'z' || folded >= 'A' && folded <= 'Z' || folded >= '0' && folded <= '9';
        }
        return folded >= 0xC0 && folded <= 0x24F && Character.isLetter(folded);
    }

    private static String latinTable() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0xC0; c <= 0x24F; c++) {
            char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
            sb.append(base < 0x80 && Character.isLetter(base) ? base : c);
        }
        return sb.toString();
    }
}
