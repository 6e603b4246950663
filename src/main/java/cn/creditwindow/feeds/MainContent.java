package cn.creditwindow.feeds;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the article text of a news page by text density: the element whose own paragraphs hold the
 * most text wins.
 *
 * <p>An element's score is the number of visible characters in its direct {@code <p>} children (not
 * counting their link text), its direct text (pages such as thepaper.cn and stcn.com write the article
 * as text separated by {@code <br>}) and its direct inline children ({@code span}, {@code strong}…).
 * Navigation scores low because its text is in links and list items. The score is raised by half
 * for {@code <article>} and for ids and classes such as {@code content}, {@code article},
 * {@code detail}, and cut to a third for ids and classes such as {@code comment}, {@code footer},
 * {@code recommend}, {@code share}, {@code copy}. Scripts, styles, forms controls, {@code nav}, {@code header},
 * {@code footer}, {@code aside} and hidden elements are removed first.
 */
final class MainContent {

    /** Fewer visible characters than this is not an article, just a caption or a notice. */
    static final int MIN_SCORE = 20;

    private static final String JUNK = "script, style, noscript, template, iframe, frame, object, embed, applet, "
            + "nav, header, footer, aside, select, button, input, textarea, svg, math, canvas, [hidden], "
            + "[style~=(?i)display\\s*:\\s*none], [aria-hidden=true]";
    private static final Set<String> INLINE = Set.of("span", "strong", "b", "em", "i", "font", "u", "sub", "sup",
            "small", "big", "mark", "s", "cite", "q", "abbr");
    private static final Pattern LIKELY = Pattern.compile(
            "article|content|context|detail|main|text|body|post|entry|story|zw|txt|正文", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNLIKELY = Pattern.compile(
            "comment|footer|foot[-_]|nav|menu|sidebar|recommend|related|rank|copy|share|statement"
                    + "|disclaimer|shenming|banner|login|crumb|toolbar|advert|reply|\\bhot|\\bad\\b|\\bad[-_]",
            Pattern.CASE_INSENSITIVE);

    private MainContent() {
    }

    /**
     * The element holding the article text of {@code page}, or empty when no element holds at least
     * {@link #MIN_SCORE} characters. Removes the junk elements from {@code page} as a side effect.
     */
    static Optional<Element> find(Document page) {
        page.select(JUNK).remove();
        Element best = null;
        double bestScore = MIN_SCORE - 1;
        for (Element e : page.body().getAllElements()) {
            double score = score(e);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double score(Element e) {
        int chars = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                chars += visible(text.text());
            } else if (child instanceof Element c && c.nameIs("p")) {
                chars += visible(c.text()) - visible(c.select("a").text());
            } else if (child instanceof Element c && INLINE.contains(c.normalName())) {
                chars += visible(c.text());
            }
        }
        if (chars == 0) {
            return 0;
        }
        String names = e.id() + " " + e.className();
        double weight = 1;
        if (e.nameIs("article") || LIKELY.matcher(names).find()) {
            weight *= 1.5;
        }
        if (UNLIKELY.matcher(names).find()) {
            weight /= 3;
        }
        return chars * weight;
    }

    /** Characters that are not whitespace (including U+3000 and no-break spaces). */
    private static int visible(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                n++;
            }
        }
        return n;
    }
}
