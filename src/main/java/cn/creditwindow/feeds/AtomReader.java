package cn.creditwindow.feeds;

import static cn.creditwindow.feeds.FeedXml.child;
import static cn.creditwindow.feeds.FeedXml.children;

import cn.creditwindow.search.Attachment;
import cn.creditwindow.feeds.ParsedFeed.Format;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads Atom 1.0 ({@code <feed><entry>}), and the Atom 0.3 date names where they are cheap to accept.
 *
 * <ul>
 *   <li>title: a text construct; {@code type="html"} and {@code "xhtml"} are reduced to plain text;
 *   <li>link: the {@code rel="alternate"} link (no {@code rel} means alternate), else the first link
 *       that is not an enclosure;
 *   <li>body: {@code content}, else {@code summary}; {@code type="text"} becomes escaped paragraphs,
 *       out-of-line content ({@code src=}) and non-text media types are left out;
 *   <li>date: {@code published}, else {@code updated};
 *   <li>source: the entry's author name, else the feed's, else the feed title;
 *   <li>{@code <category scheme="country|industry" term="…">} (the scheme may be a URI ending in
 *       {@code /country} or {@code /industry}) become tags; {@code rel="enclosure"} links become
 *       attachments.
 * </ul>
 *
 * <p>{@code xml:base} is honoured for links and bodies.
 */
final class AtomReader {

    private AtomReader() {
    }

    static FeedDraft read(Element feed, URI base) {
        String feedTitle = textConstruct(child(feed, "title"));
        String feedAuthor = authorName(feed);
        List<ItemDraft> items = new ArrayList<>();
        for (Element entry : children(feed, "entry")) {
            items.add(entry(entry, base, feedAuthor.isEmpty() ? feedTitle : feedAuthor));
        }
        return new FeedDraft(Format.ATOM, feedTitle, items);
    }

    private static ItemDraft entry(Element entry, URI documentBase, String fallbackSource) {
        URI base = FeedXml.base(entry, documentBase);
        Optional<Element> body = child(entry, "content").filter(c -> !c.hasAttr("src"))
                .or(() -> child(entry, "summary"));
        String author = authorName(entry);
        return new ItemDraft(
                FeedXml.text(entry, "id"),
                Links.itemLink(base, link(entry)),
                textConstruct(child(entry, "title")),
                body.map(AtomReader::bodyMarkup).orElse(""),
                body.map(b -> FeedXml.base(b, documentBase)).orElse(base),
                date(entry),
                author.isEmpty() ? fallbackSource : author,
                tags(entry, "country"),
                tags(entry, "industry"),
                enclosures(entry, base));
    }

    private static String link(Element entry) {
        String fallback = "";
        for (Element link : children(entry, "link")) {
            String rel = link.attr("rel").strip().toLowerCase(Locale.ROOT);
            if (rel.isEmpty() || rel.equals("alternate")) {
                return link.attr("href");
            }
            if (fallback.isEmpty() && !rel.equals("enclosure")) {
                fallback = link.attr("href");
            }
        }
        return fallback;
    }

    /** An Atom text construct as plain text. */
    static String textConstruct(Optional<Element> element) {
        if (element.isEmpty()) {
            return "";
        }
        Element e = element.get();
        return switch (type(e)) {
            case "html", "text/html" -> PlainText.ofHtml(FeedXml.markup(e));
            case "xhtml", "application/xhtml+xml" -> PlainText.of(e.text());
            default -> PlainText.of(e.wholeText());
        };
    }

    private static String bodyMarkup(Element e) {
        String type = type(e);
        return switch (type) {
            case "html", "text/html" -> FeedXml.markup(e);
            case "xhtml", "application/xhtml+xml" -> child(e, "div").map(Element::html).orElse(e.html());
            default -> type.isEmpty() || type.equals("text") || type.startsWith("text/")
                    ? FeedXml.paragraphs(e.wholeText())
                    : "";
        };
    }

    private static String type(Element e) {
        return e.attr("type").strip().toLowerCase(Locale.ROOT);
    }

    private static Instant date(Element entry) {
        for (String name : new String[] {"published", "updated", "issued", "modified"}) {
            Optional<Instant> date = FeedDates.parse(FeedXml.text(entry, name));
            if (date.isPresent()) {
                return date.get();
            }
        }
        return null;
    }

    private static String authorName(Element parent) {
        for (Element author : children(parent, "author")) {
            String name = FeedXml.text(author, "name");
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "";
    }

    private static List<String> tags(Element entry, String kind) {
        Set<String> tags = new LinkedHashSet<>();
        for (Element category : children(entry, "category")) {
            String term = PlainText.of(category.attr("term"));
            if (FeedXml.isScheme(category.attr("scheme"), kind) && !term.isEmpty()) {
                tags.add(term);
            }
        }
        return List.copyOf(tags);
    }

    private static List<Attachment> enclosures(Element entry, URI base) {
        List<Attachment> found = new ArrayList<>();
        for (Element link : children(entry, "link")) {
            if (link.attr("rel").strip().equalsIgnoreCase("enclosure")) {
                Attachments.enclosure(base, link.attr("href"), link.attr("title"), link.attr("type"),
                        link.attr("length")).ifPresent(found::add);
            }
        }
        return found;
    }
}
