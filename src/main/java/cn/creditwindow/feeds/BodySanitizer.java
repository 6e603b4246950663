package cn.creditwindow.feeds;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Makes item bodies safe to show: a jsoup {@link Cleaner} with an allow-list, so anything not listed
 * is gone.
 *
 * <ul>
 *   <li>Kept elements: {@code p br div span h1–h6 ul ol li dl dt dd table caption thead tbody tfoot tr
 *       th td blockquote pre code b i strong em u s sub sup small hr figure figcaption a img}. Text
 *       inside dropped elements is kept; the contents of {@code script} and {@code style} are not.
 *   <li>Kept attributes: {@code a[href title]}, {@code img[src alt title width height]},
 *       {@code th/td[colspan rowspan]}. No {@code on*} handlers, {@code style}, {@code class} or
 *       {@code id}; no {@code script style iframe object embed form svg math}.
 *   <li>URLs are made absolute against the base. Links keep only {@code http}, {@code https} and
 *       {@code mailto}, images only {@code http} and {@code https}; any other href or src
 *       ({@code javascript:}, {@code data:}, {@code vbscript:}, however cased, spaced or entity-encoded)
 *       is removed. A relative link in a {@code file:} feed becomes a {@code file:} URL and is removed
 *       too: it means nothing to a browser, and document links still reach the item as attachments.
 *       An {@code img} left without a {@code src} is dropped, an {@code a} without an {@code href} is
 *       replaced by its text, and elements left with neither text nor child elements (empty {@code
 *       div}, {@code span}, {@code p}…) are removed.
 *   <li>Every link gets {@code rel="noopener noreferrer nofollow"}.
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class BodySanitizer {

    private static final String LINK_REL = "noopener noreferrer nofollow";

    /** Elements that say nothing when they hold no text and no image (layout leftovers). */
    private static final Evaluator EMPTY_CANDIDATES = QueryParser.parse("div, span, p, a, b, strong, i, em, u, s, "
            + "small, sub, sup, blockquote, figure, figcaption, h1, h2, h3, h4, h5, h6");
    // compiled once: parsing a selector costs more than applying it to a short body
    private static final Evaluator IMAGES_WITHOUT_SOURCE = QueryParser.parse("img:not([src])");
    private static final Evaluator LINKS_WITHOUT_TARGET = QueryParser.parse("a:not([href])");

    private final Safelist safelist;

    public BodySanitizer() {
        this.safelist = new Safelist()
                .addTags("p", "br", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
                        "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "blockquote", "pre",
                        "code", "b", "i", "strong", "em", "u", "s", "sub", "sup", "small", "hr", "figure",
                        "figcaption", "a", "img")
                .addAttributes("a", "href", "title")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addAttributes("th", "colspan", "rowspan")
                .addAttributes("td", "colspan", "rowspan")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "http", "https")
                .addEnforcedAttribute("a", "rel", LINK_REL)
                .preserveRelativeLinks(false);
    }

    /**
     * The safe version of {@code html}, a body fragment, with relative URLs resolved against {@code
     * base}. Never throws for bad markup; returns {@code ""} for a blank fragment.
     */
    public String sanitize(String html, URI base) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(base, "base");
        if (html.isBlank()) {
            return "";
        }
        return sanitize(Jsoup.parseBodyFragment(html, base.toString()));
    }

    /**
     * The safe version of a body fragment parsed already ({@code Jsoup.parseBodyFragment(html, base)}), for a
     * caller that reads the fragment too: it is not changed. {@code ""} for a fragment without content.
     */
    public String sanitize(Document dirty) {
        Objects.requireNonNull(dirty, "dirty");
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.select(IMAGES_WITHOUT_SOURCE).remove();
        clean.select(LINKS_WITHOUT_TARGET).unwrap();
        removeEmpty(clean);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }

    /**
     * Removes candidates with neither text nor child elements, innermost first, so that a div holding
     * only empty spans goes too. Looking only at direct children keeps this linear in deep trees.
     */
    private static void removeEmpty(Document doc) {
        List<Element> candidates = doc.body().select(EMPTY_CANDIDATES);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Element e = candidates.get(i);
            if (e.childrenSize() == 0 && e.textNodes().stream().allMatch(TextNode::isBlank)) {
                e.remove();
            }
        }
    }
}
