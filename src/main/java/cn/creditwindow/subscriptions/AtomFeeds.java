package cn.creditwindow.subscriptions;

import cn.creditwindow.search.Hit;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A subscription as an Atom 1.0 feed (RFC 4287), written by Rome: its newest {@link #ENTRIES} matches, newest
 * first, each linking to the article's page with why it matched as the summary. Feed readers poll the feed's
 * private URL; the token in it is the only credential, so the feed holds nothing but published risk information
 * and the subscription's name.
 *
 * <p>Text that XML cannot carry (control characters in a feed's title) is dropped before writing, so any title
 * leaves the document well-formed; everything else is escaped by the XML writer.
 */
public final class AtomFeeds {
    /** Entries in a feed. */
    public static final int ENTRIES = 50;
    /** Characters XML 1.0 does not allow, even escaped. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private final Matching matching;

    public AtomFeeds(Matching matching) {
        this.matching = Objects.requireNonNull(matching, "matching");
    }

    /**
     * The feed document.
     *
     * @param base    the service's public address, e.g. {@code https://window.example.cn} (links must be absolute)
     * @param selfUrl the feed's own URL (with its token)
     */
    public String feed(Subscription s, String base, String selfUrl) {
        List<Hit> hits = matching.newest(s.conditions(), ENTRIES);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(xml("出口信用单一窗口 · " + s.name()));
        feed.setDescription(xml(s.name()));
        feed.setUri("urn:credit-window:subscription:" + s.id());
        feed.setLanguage("zh-CN");
        feed.setLinks(List.of(link("self", selfUrl, "application/atom+xml"),
                link("alternate", base + new cn.creditwindow.articles.SearchConditions(s.conditions().q(),
                        s.conditions().country(), s.conditions().industry()).searchHref(), "text/html")));
        SyndPerson author = new SyndPersonImpl();
        author.setName("出口信用单一窗口");
        feed.setAuthors(List.of(author));
        feed.setPublishedDate(Date.from(hits.isEmpty() ? s.updatedAt() : hits.get(0).publishedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Hit h : hits) {
            entries.add(entry(s, h, base));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("writing the Atom feed of subscription " + s.id() + ": " + e.getMessage(), e);
        }
    }

    private SyndEntry entry(Subscription s, Hit h, String base) {
        SyndEntry e = new SyndEntryImpl();
        e.setTitle(xml(h.title()));
        e.setUri("urn:credit-window:article:" + h.id());
        e.setLink(base + "/articles/" + h.id());
        e.setPublishedDate(Date.from(h.publishedAt()));
        e.setUpdatedDate(Date.from(h.publishedAt()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(xml(h.module().nameZh() + " · " + String.join(" · ", matching.reasons(s.conditions(), h)
                .stream().map(Matched.Reason::zh).toList())));
        e.setDescription(summary);
        SyndCategory module = new SyndCategoryImpl();
        module.setName(h.module().id());
        module.setTaxonomyUri("urn:credit-window:module");
        List<SyndCategory> categories = new ArrayList<>(List.of(module));
        for (String country : h.countries()) {
            SyndCategory c = new SyndCategoryImpl();
            c.setName(country);
            c.setTaxonomyUri("urn:iso:std:iso:3166");
            categories.add(c);
        }
        e.setCategories(categories);
        return e;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    /** The text without the characters XML cannot hold. */
    static String xml(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
    }
}
