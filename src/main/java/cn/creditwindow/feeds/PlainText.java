package cn.creditwindow.feeds;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Plain-text fields (titles, sources, tags): entities decoded, whitespace (including the ideographic
 * space U+3000 and no-break spaces) collapsed to single spaces, control and zero-width characters
 * removed, trimmed. Text that looks like markup stays as it is: a title {@code <script>alert(1)</script>}
 * is that literal text, for the web layer to escape.
 */
final class PlainText {

    private static final Pattern SPACES =
            Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u200B-\\u200D\\u2060\\uFEFF]");

    private PlainText() {
    }

    /**
     * {@code text} as plain text. Entity references left in it (feeds that escape twice, such as
     * {@code AT&amp;amp;T}) are decoded once more.
     */
    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decoded = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
        String visible = INVISIBLE.matcher(decoded).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").strip();
    }

    /** The text of an HTML fragment: tags stripped (script and style contents dropped), then {@link #of}. */
    static String ofHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return of(Jsoup.parseBodyFragment(html).body().text());
    }

    /** At most {@code max} code points of {@code text}, with an ellipsis when it was cut. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }
}
