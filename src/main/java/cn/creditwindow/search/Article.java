package cn.creditwindow.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One piece of risk information as stored and served.
 *
 * @param id          stable id derived from the item's identity (guid, else link, else content hash)
 * @param module      the column it is published in
 * @param title       plain text
 * @param bodyHtml    sanitised HTML (no scripts, event handlers or javascript: URLs)
 * @param publishedAt publication time
 * @param source      publisher or feed name, may be empty
 * @param url         link to the original, may be empty
 * @param countries   ISO 3166-1 alpha-2 codes
 * @param industries  industry codes (see reference/industries.csv)
 * @param attachments files that come with it
 */
public record Article(
        String id,
        Module module,
        String title,
        String bodyHtml,
        Instant publishedAt,
        String source,
        String url,
        List<String> countries,
        List<String> industries,
        List<Attachment> attachments) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
        source = source == null ? "" : source;
        url = url == null ? "" : url;
        countries = List.copyOf(countries);
        industries = List.copyOf(industries);
        attachments = List.copyOf(attachments);
    }
}
