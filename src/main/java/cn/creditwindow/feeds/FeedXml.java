package cn.creditwindow.feeds;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Reading helpers shared by {@link RssReader} and {@link AtomReader}. Elements are matched by local
 * name, case-insensitively, whatever their namespace prefix ({@code content:encoded}, {@code dc:date},
 * {@code atom:link}), because feeds use whatever prefix they like.
 */
final class FeedXml {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    private FeedXml() {
    }

    /** The local name of {@code e}, lower case: {@code encoded} for {@code content:encoded}. */
    static String local(Element e) {
        String name = e.tagName();
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** The child elements of {@code parent} with this local name, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element child : parent.children()) {
            if (local(child).equals(localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first child element of {@code parent} with one of these local names, tried in order. */
    static Optional<Element> child(Element parent, String... localNames) {
        for (String name : localNames) {
            for (Element child : parent.children()) {
                if (local(child).equals(name)) {
                    return Optional.of(child);
                }
            }
        }
        return Optional.empty();
    }

    /** The plain text of the first such child, or {@code ""}. */
    static String text(Element parent, String... localNames) {
        return child(parent, localNames).map(e -> PlainText.of(e.wholeText())).orElse("");
    }

    /**
     * The HTML an element carries: escaped or CDATA HTML as its text, or, when a feed put unescaped
     * markup in it, its child elements.
     */
    static String markup(Element e) {
        return e.children().isEmpty() ? e.wholeText() : e.html();
    }

    /** Plain text as HTML paragraphs, split at blank lines. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINE.split(text.strip())) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    /** The base in force at {@code e}: {@code documentBase} with every {@code xml:base} above it applied. */
    static URI base(Element e, URI documentBase) {
        Deque<String> bases = new ArrayDeque<>();
        for (Element at = e; at != null; at = at.parent()) {
            if (at.hasAttr("xml:base")) {
                bases.push(at.attr("xml:base"));
            }
        }
        URI base = documentBase;
        for (String xmlBase : bases) {
            base = Links.resolve(base, xmlBase, Links.ITEM_SCHEMES).orElse(base);
        }
        return base;
    }

    /** True when a category domain or scheme names {@code kind}: {@code country}, {@code http://…/country}. */
    static boolean isScheme(String scheme, String kind) {
        String s = scheme.strip().toLowerCase(Locale.ROOT);
        return s.equals(kind) || s.endsWith("/" + kind) || s.endsWith("#" + kind) || s.endsWith(":" + kind);
    }
}
