package cn.creditwindow.articles;

import cn.creditwindow.search.Article;

import java.util.List;

/**
 * One article as its page shows it.
 *
 * @param article     the article; its {@code bodyHtml} was sanitised when it was ingested
 * @param moduleHref  the module's list
 * @param originalUrl the original's web address when it is an http(s) one, else null
 * @param countries   its countries, each linking to the query page filtered by it
 * @param industries  its industries, likewise
 * @param attachments its attachments, each with the address that opens it
 * @param mayWithdraw true when the viewer may withdraw it (the form is shown)
 */
public record ArticlePageView(Article article, String moduleHref, String originalUrl, List<Link> countries,
                              List<Link> industries, List<AttachmentLink> attachments, boolean mayWithdraw) {

    /** A name that leads somewhere. */
    public record Link(String name, String href) {
    }

    /**
     * @param size the file size for people ({@code 12 KB}), or empty when unknown
     */
    public record AttachmentLink(String name, String href, String size) {
    }

    public ArticlePageView {
        countries = List.copyOf(countries);
        industries = List.copyOf(industries);
        attachments = List.copyOf(attachments);
    }
}
