package cn.creditwindow.pdf;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/** Which characters of a text a font cannot show. */
final class Glyphs {
    private static final int LISTED = 6;

    private Glyphs() {
    }

    /**
     * The distinct code points of {@code text} that {@code font} has no glyph for, in order of first
     * appearance; line feeds, carriage returns and tabs are not drawn and never count.
     */
    static List<Integer> missing(TrueTypeFont font, String text) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        Set<Integer> missing = new LinkedHashSet<>();
        text.codePoints()
                .filter(c -> c != '\n' && c != '\r' && c != '\t')
                .filter(c -> cmap.getGlyphId(c) == 0)
                .forEach(missing::add);
        return List.copyOf(missing);
    }

    /** Code points for a message: the first six described, then how many more, e.g. "😀 (U+1F600) and 2 more". */
    static String list(List<Integer> codePoints) {
        String listed = String.join(", ", codePoints.stream().limit(LISTED).map(Glyphs::describe).toList());
        return codePoints.size() <= LISTED ? listed : listed + " and " + (codePoints.size() - LISTED) + " more";
    }

    /** A code point for a message: the character and its number, e.g. "中 (U+4E2D)". */
    static String describe(int codePoint) {
        String number = String.format("U+%04X", codePoint);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? number
                : new String(Character.toChars(codePoint)) + " (" + number + ")";
    }
}
