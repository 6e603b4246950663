package cn.creditwindow.feeds;

import cn.creditwindow.search.Attachment;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An item as a reader found it, before {@link FeedParser} checks it, sanitises its body and collects
 * the attachments its body links to.
 *
 * @param bodyHtml   the body as written (unsanitised HTML), may be empty
 * @param bodyBase   what relative URLs in the body are resolved against (the document's base, or an
 *                   {@code xml:base} in force where the body was)
 * @param enclosures enclosures and {@code rel="enclosure"} links
 */
record ItemDraft(
        String guid,
        String link,
        String title,
        String bodyHtml,
        URI bodyBase,
        Instant publishedAt,
        String source,
        List<String> countryTags,
        List<String> industryTags,
        List<Attachment> enclosures) {

    ItemDraft {
        Objects.requireNonNull(bodyBase, "bodyBase");
        countryTags = List.copyOf(countryTags);
        industryTags = List.copyOf(industryTags);
        enclosures = List.copyOf(enclosures);
    }
}
