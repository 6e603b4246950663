package cn.creditwindow.feeds;

import cn.creditwindow.search.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * One item as read from a feed document, before it is tagged and stored.
 *
 * @param guid          the item's guid / Atom id, or empty
 * @param link          the item's link (absolute where the feed allowed resolving it), or empty
 * @param title         plain text, whitespace collapsed, never empty
 * @param bodyHtml      sanitised HTML body (may be empty)
 * @param publishedAt   publication time, or null when the feed gave none or none that could be read
 * @param source        author / publisher / feed title, or empty
 * @param countryTags   raw values of {@code <category domain="country">} (ISO code or a name), as written
 * @param industryTags  raw values of {@code <category domain="industry">}, as written
 * @param attachments   enclosures and attachment links; file links beside a local feed are
 *                      {@code file:} URIs here
 */
record FeedItem(
        String guid,
        String link,
        String title,
        String bodyHtml,
        Instant publishedAt,
        String source,
        List<String> countryTags,
        List<String> industryTags,
        List<Attachment> attachments) {

    public FeedItem {
        guid = guid == null ? "" : guid;
        link = link == null ? "" : link;
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
        source = source == null ? "" : source;
        countryTags = List.copyOf(countryTags);
        industryTags = List.copyOf(industryTags);
        attachments = List.copyOf(attachments);
    }
}
