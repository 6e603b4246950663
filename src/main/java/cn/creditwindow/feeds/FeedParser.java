package cn.creditwindow.feeds;

import cn.creditwindow.search.Attachment;
import cn.creditwindow.feeds.ParsedFeed.Format;
import cn.creditwindow.feeds.ParsedFeed.Rejected;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Parses one feed document (RSS 2.0 / 0.9x, RSS 1.0 RDF, Atom 1.0) or one HTML article page into
 * {@link FeedItem}s.
 *
 * <p>The parser decodes the bytes itself (see {@link ContentDecoder}: a byte order mark, else valid
 * UTF-8, else the declared charset, else GB18030) and detects the format from the root element, so
 * callers pass raw bytes and the document's location. It never fetches anything: no DTDs, no
 * external entities, no linked pages.
 *
 * <p>Items that cannot be used are not exceptions: they are listed in {@link ParsedFeed#rejected()}
 * with a reason. An item is rejected when its title is missing, when its title is longer than
 * {@value #MAX_TITLE_CHARS} characters, when its body is more than {@value #MAX_BODY_BYTES} bytes
 * of HTML (in UTF-8) before sanitising, or when a truncated feed ends inside it.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FeedParser {

    /** Longest title accepted, in characters (code points). */
    public static final int MAX_TITLE_CHARS = 500;
    /** Largest body accepted, in bytes of UTF-8 HTML before sanitising: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final int LABEL_CHARS = 60;
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w:.\\-]*)");

    private final BodySanitizer sanitizer;

    public FeedParser() {
        this(new BodySanitizer());
    }

    public FeedParser(BodySanitizer sanitizer) {
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /**
     * Parses one document.
     *
     * @param content the document's bytes, in whatever charset
     * @param base    the document's location, absolute: a {@code file:} URI for a file in {@code
     *                feeds/}, or a synthetic {@code http} URI for a document posted over HTTP. Relative
     *                links, enclosures and body URLs are resolved against it (or an {@code xml:base} or
     *                {@code <base href>} in the document).
     * @return the format, title, usable items and rejected items
     * @throws FeedFormatException      when the document cannot be read at all: empty, binary, XML that
     *                                  is neither RSS nor Atom, RSS without a channel, HTML without text
     * @throws IllegalArgumentException when {@code base} is not absolute
     */
    public ParsedFeed parse(byte[] content, URI base) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(base, "base");
        if (!base.isAbsolute()) {
            throw new IllegalArgumentException("base must be an absolute URI, got " + base);
        }
        String text = ContentDecoder.decode(content);
        Prolog prolog = prolog(text);
        FeedDraft draft = read(text, prolog, base);
        // A feed cut short (a half-copied file, a broken upload) keeps its complete items; the one it
        // ends inside is incomplete and is rejected rather than stored with half a body.
        int incomplete = draft.format() != Format.HTML_PAGE && isTruncated(text, prolog.root())
                ? draft.items().size() - 1 : -1;
        List<FeedItem> items = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < draft.items().size(); i++) {
            ItemDraft item = draft.items().get(i);
            String problem = i == incomplete ? "the document ends inside this item (truncated)" : problem(item);
            if (problem == null) {
                items.add(finish(item));
            } else {
                rejected.add(new Rejected(i + 1, label(item, i + 1), problem));
            }
        }
        return new ParsedFeed(draft.format(), draft.title(), items, rejected);
    }

    private static FeedDraft read(String text, Prolog prolog, URI base) {
        String root = prolog.root();
        String local = root.substring(root.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        boolean feed = local.equals("rss") || local.equals("rdf") || local.equals("feed");
        if (prolog.doctype() && (feed || !local.equals("html") && text.stripLeading().startsWith("<?xml"))) {
            // A feed needs no DOCTYPE, and one can declare entities (external ones read files or URLs, nested ones
            // expand without end); jsoup would not expand them, but refusing is clearer than reading them as text.
            // An HTML page's doctype is left to the page reader.
            throw new FeedFormatException("XML with a DOCTYPE declaration is refused: feeds need none, and a DOCTYPE"
                    + " can declare entities (remove the <!DOCTYPE …> line)");
        }
        if (feed) {
            Document xml = Jsoup.parse(text, base.toString(), Parser.xmlParser());
            Element rootElement = xml.children().stream()
                    .filter(e -> FeedXml.local(e).equals(local))
                    .findFirst()
                    .orElseThrow(() -> new FeedFormatException("not a feed or an article page: no <" + root + ">"));
            return local.equals("feed") ? AtomReader.read(rootElement, base) : RssReader.read(rootElement, base);
        }
        if (!local.equals("html") && text.stripLeading().startsWith("<?xml")) {
            throw new FeedFormatException(root.isEmpty() ? "not a feed or an article page: XML without a root element"
                    : "not a feed or an article page: XML with root element <" + root + ">");
        }
        return ArticlePageReader.read(text, base);
    }

    /** The first element's name and whether a DOCTYPE came before it. */
    record Prolog(String root, boolean doctype) {
    }

    /** True when the root element of a feed ({@code root}) is never closed: the document was cut short. */
    static boolean isTruncated(String text, String root) {
        return !root.isEmpty() && !text.contains("</" + root);
    }

    /**
     * What comes before the first element, past whitespace, the XML declaration, processing instructions, comments
     * and a doctype: the first element's name ({@code ""} when the text does not start with markup) and whether a
     * DOCTYPE was there.
     *
     * @throws FeedFormatException when the text is blank
     */
    static Prolog prolog(String text) {
        int i = 0;
        int n = text.length();
        boolean doctype = false;
        while (true) {
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
                i++;
            }
            if (i == n) {
                if (text.isBlank()) {
                    throw new FeedFormatException("not a feed or an article page: empty document");
                }
                return new Prolog("", doctype);
            }
            if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                doctype = true;
                // an internal subset [ … ] holds declarations whose own '>' do not end the doctype
                int bracket = text.indexOf('[', i);
                int close = text.indexOf('>', i);
                if (bracket >= 0 && (close < 0 || bracket < close)) {
                    int subsetEnd = text.indexOf(']', bracket);
                    close = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
                }
                i = close < 0 ? n : close + 1;
                continue;
            }
            String close = text.startsWith("<?", i) ? "?>" : text.startsWith("<!--", i) ? "-->"
                    : text.startsWith("<!", i) ? ">" : null;
            if (close == null) {
                break;
            }
            int end = text.indexOf(close, i + 2);
            i = end < 0 ? n : end + close.length();
        }
        Matcher m = ROOT.matcher(text).region(i, n);
        return new Prolog(m.lookingAt() ? m.group(1) : "", doctype);
    }

    /** Why {@code item} cannot be used, or null. */
    private static String problem(ItemDraft item) {
        String title = item.title() == null ? "" : item.title();
        if (title.isEmpty()) {
            return "missing title";
        }
        int titleChars = title.codePointCount(0, title.length());
        if (titleChars > MAX_TITLE_CHARS) {
            return "title longer than " + MAX_TITLE_CHARS + " characters (" + titleChars + ")";
        }
        String body = item.bodyHtml() == null ? "" : item.bodyHtml();
        if ((long) body.length() * 3 > MAX_BODY_BYTES) {
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BODY_BYTES) {
                return "body larger than 1 MiB of HTML (" + bytes + " bytes)";
            }
        }
        return null;
    }

    private FeedItem finish(ItemDraft item) {
        String body = item.bodyHtml() == null ? "" : item.bodyHtml();
        List<Attachment> linked = List.of();
        String safe = "";
        if (!body.isBlank()) { // parsed once: its document links, then its safe version
            Document fragment = Jsoup.parseBodyFragment(body, item.bodyBase().toString());
            linked = Attachments.linkedFrom(fragment.body(), item.bodyBase());
            safe = sanitizer.sanitize(fragment);
        }
        return new FeedItem(item.guid(), item.link(), item.title(), safe,
                item.publishedAt(), item.source(), item.countryTags(), item.industryTags(),
                Attachments.merge(item.enclosures(), linked));
    }

    private static String label(ItemDraft item, int position) {
        for (String candidate : new String[] {item.title(), item.guid(), item.link()}) {
            if (candidate != null && !candidate.isEmpty()) {
                return PlainText.shorten(candidate, LABEL_CHARS);
            }
        }
        return "#" + position;
    }
}
