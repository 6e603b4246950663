package cn.creditwindow.feeds;

import static cn.creditwindow.feeds.FeedXml.child;
import static cn.creditwindow.feeds.FeedXml.children;
import static cn.creditwindow.feeds.FeedXml.local;
import static cn.creditwindow.feeds.FeedXml.text;

import cn.creditwindow.search.Attachment;
import cn.creditwindow.feeds.ParsedFeed.Format;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads RSS 2.0, 0.91/0.92 ({@code <rss><channel><item>}) and RSS 1.0 / 0.90 RDF
 * ({@code <rdf:RDF><channel/><item/>}, items beside the channel).
 *
 * <ul>
 *   <li>title: plain text as written, entities decoded and whitespace collapsed; text that looks like
 *       markup ({@code <b>}, {@code <script>}, whether escaped or in CDATA) stays literal, since
 *       RSS titles are text and escaping them is the web layer's job;
 *   <li>body: {@code content:encoded} when it has text, else {@code description};
 *   <li>date: {@code pubDate}, else {@code dc:date};
 *   <li>source: {@code author} (the name in {@code "mail@example.com (Name)"}), else {@code
 *       dc:creator}, else {@code <source>}, else the channel title;
 *   <li>link: {@code <link>}, else the guid when it is a permalink URL;
 *   <li>{@code <category domain="country">} and {@code domain="industry"} (or a URL ending in
 *       {@code /country}, {@code /industry}) become tags; other categories are ignored;
 *   <li>{@code <enclosure url length type>} becomes an attachment.
 * </ul>
 */
final class RssReader {

    private static final Pattern MAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    private RssReader() {
    }

    static FeedDraft read(Element root, URI base) {
        boolean rdf = local(root).equals("rdf");
        Element channel = child(root, "channel").orElseThrow(() ->
                new FeedFormatException(rdf ? "RSS 1.0 (RDF) without <channel>" : "RSS without <channel>"));
        String channelTitle = text(channel, "title");
        List<Element> itemElements = new ArrayList<>(children(channel, "item"));
        // RDF puts items beside the channel; some broken RSS 2.0 feeds do too.
        itemElements.addAll(children(root, "item"));
        List<ItemDraft> items = new ArrayList<>();
        for (Element item : itemElements) {
            items.add(item(item, base, channelTitle));
        }
        return new FeedDraft(rdf ? Format.RDF : Format.RSS, channelTitle, items);
    }

    private static ItemDraft item(Element item, URI documentBase, String channelTitle) {
        URI base = FeedXml.base(item, documentBase);
        String guid = text(item, "guid");
        String link = Links.itemLink(base, linkText(item));
        boolean guidIsPermalink = child(item, "guid").map(g -> !g.attr("isPermaLink").equalsIgnoreCase("false"))
                .orElse(false);
        if (link.isEmpty() && guidIsPermalink) {
            link = Links.itemLink(base, guid.startsWith("http") ? guid : "");
        }
        String body = child(item, "encoded").map(FeedXml::markup).filter(s -> !s.isBlank())
                .or(() -> child(item, "description").map(FeedXml::markup))
                .orElse("");
        return new ItemDraft(guid, link, text(item, "title"), body, base, date(item), source(item, channelTitle),
                tags(item, "country"), tags(item, "industry"), enclosures(item, base));
    }

    /** The text of the plain {@code <link>}, else the href of an {@code atom:link} some feeds use. */
    private static String linkText(Element item) {
        for (Element link : children(item, "link")) {
            String text = link.wholeText().strip();
            if (!text.isEmpty()) {
                return text;
            }
            if (!link.attr("href").isBlank() && !link.attr("rel").equalsIgnoreCase("self")) {
                return link.attr("href");
            }
        }
        return "";
    }

    private static Instant date(Element item) {
        for (String name : new String[] {"pubdate", "date"}) {
            Optional<Instant> date = FeedDates.parse(text(item, name));
            if (date.isPresent()) {
                return date.get();
            }
        }
        return null;
    }

    private static String source(Element item, String channelTitle) {
        String author = text(item, "author");
        Matcher mailWithName = MAIL_WITH_NAME.matcher(author);
        if (mailWithName.matches()) {
            author = mailWithName.group(1).strip();
        }
        for (String candidate : new String[] {author, text(item, "creator"), text(item, "source")}) {
            if (!candidate.isEmpty()) {
                return candidate;
            }
        }
        return channelTitle;
    }

    private static List<String> tags(Element item, String kind) {
        Set<String> tags = new LinkedHashSet<>();
        for (Element category : children(item, "category")) {
            String value = PlainText.of(category.wholeText());
            if (FeedXml.isScheme(category.attr("domain"), kind) && !value.isEmpty()) {
                tags.add(value);
            }
        }
        return List.copyOf(tags);
    }

    private static List<Attachment> enclosures(Element item, URI base) {
        List<Attachment> found = new ArrayList<>();
        for (Element enclosure : children(item, "enclosure")) {
            Attachments.enclosure(base, enclosure.attr("url"), "", enclosure.attr("type"), enclosure.attr("length"))
                    .ifPresent(found::add);
        }
        return found;
    }
}
