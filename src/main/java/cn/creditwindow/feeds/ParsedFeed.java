package cn.creditwindow.feeds;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FeedParser} read from one document.
 *
 * @param format   the format the document was detected as
 * @param title    the channel / feed / page title as plain text, may be empty
 * @param items    the usable items in document order
 * @param rejected the items that could not be used, in document order
 */
record ParsedFeed(Format format, String title, List<FeedItem> items, List<Rejected> rejected) {

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        title = title == null ? "" : title;
        items = List.copyOf(items);
        rejected = List.copyOf(rejected);
    }

    /** The document formats {@link FeedParser} understands. */
    public enum Format {
        /** RSS 2.0 and the RSS 0.91/0.92 dialects ({@code <rss><channel><item>}). */
        RSS,
        /** RSS 1.0 and 0.90: RDF, with the items beside the channel ({@code <rdf:RDF><item>}). */
        RDF,
        /** Atom 1.0 ({@code <feed><entry>}). */
        ATOM,
        /** A single HTML article page, read as a feed of one item. */
        HTML_PAGE
    }

    /**
     * An item that was left out.
     *
     * @param position 1-based position of the item or entry in the document
     * @param label    what identifies it to a person: the start of its title, else its guid or link,
     *                 else {@code "#position"}
     * @param reason   why it was left out, e.g. {@code "missing title"}
     */
    public record Rejected(int position, String label, String reason) {
        public Rejected {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
