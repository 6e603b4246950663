package cn.creditwindow.feeds;

/**
 * Thrown by {@link FeedParser} when a document cannot be read at all: it is empty, binary, an XML
 * document that is neither RSS nor Atom, an RSS document without a channel, or an HTML page without
 * any text. The message names the reason, e.g. {@code "RSS without <channel>"}.
 *
 * <p>Problems with single items (a missing title, an oversized body) are not exceptions; they are
 * reported in {@link ParsedFeed#rejected()}.
 */
final class FeedFormatException extends RuntimeException {

    FeedFormatException(String message) {
        super(message);
    }
}
