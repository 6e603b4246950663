package cn.creditwindow.search;

import java.util.Objects;

/**
 * A file that comes with an article: an RSS enclosure or a link to a document in the body.
 *
 * @param name   what a reader sees, e.g. {@code 2024年光伏行业出口风险报告.pdf}
 * @param url    where the file is: an absolute http(s) URL, or, for files that came beside a feed in
 *               {@code feeds/}, a path relative to the feeds folder (see {@link #isLocal()})
 * @param type   MIME type, {@code application/octet-stream} when unknown
 * @param length size in bytes, or -1 when unknown
 */
public record Attachment(String name, String url, String type, long length) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
    }

    /** True when {@link #url()} names a file under the feeds folder rather than a web address. */
    public boolean isLocal() {
        return !(url.startsWith("http://") || url.startsWith("https://"));
    }
}
