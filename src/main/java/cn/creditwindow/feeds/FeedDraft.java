package cn.creditwindow.feeds;

import cn.creditwindow.feeds.ParsedFeed.Format;
import java.util.List;

/** What a reader found in one document: its format, its title and its items, unchecked. */
record FeedDraft(Format format, String title, List<ItemDraft> items) {

    FeedDraft {
        items = List.copyOf(items);
    }
}
