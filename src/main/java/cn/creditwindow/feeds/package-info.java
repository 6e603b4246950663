/**
 * Reading feed documents into {@link cn.creditwindow.feeds.FeedItem}s. {@link
 * cn.creditwindow.feeds.FeedParser} takes the raw bytes of one document and its location, decodes
 * them itself (real pages declare charsets they do not use), detects the format (RSS 2.0 and 0.9x,
 * RSS 1.0 RDF, Atom 1.0, or a single HTML article page), and returns the items it could use and the
 * ones it could not, each with a reason. Bodies come out sanitised by {@link
 * cn.creditwindow.feeds.BodySanitizer}; titles and other plain-text fields come out as plain text;
 * dates are read by {@link cn.creditwindow.feeds.FeedDates}. Nothing here fetches, indexes or stores:
 * ingestion calls the parser and decides what to do with the items.
 */
package cn.creditwindow.feeds;
