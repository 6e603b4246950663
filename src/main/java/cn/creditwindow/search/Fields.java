package cn.creditwindow.search;

/** Names of the fields of an article document, each with why it has its type. */
final class Fields {
    private Fields() {
    }

    /** Unique key for updates and lookups: StringField (one exact term) + stored. */
    static final String ID = "id";
    /** Module id: StringField for filtering, SortedDocValues for the module facet, stored. */
    static final String MODULE = "module";
    /** Plain title, stored only: what the list shows. */
    static final String TITLE = "title";
    /**
     * The title segmented by smartcn into words: only used to rank whole-word matches above
     * accidental substrings (中美 in 中美贸易 above 中美 in 中美洲). Positions, no storage.
     */
    static final String TITLE_WORDS = "title_words";
    /**
     * The title as CJK unigrams + bigrams and Latin words with their prefixes: the recall field. A
     * keyword is a phrase here, which finds every title containing it as a substring.
     */
    static final String TITLE_GRAMS = "title_grams";
    /** The body's text as grams, like {@link #TITLE_GRAMS}, for scope=all. */
    static final String BODY_GRAMS = "body_grams";
    /** Sanitised body HTML, stored only. */
    static final String BODY = "body";
    /**
     * Publication time in epoch millis: LongPoint for from/to ranges, NumericDocValues for the
     * index sort (newest first) and merging, stored for display.
     */
    static final String PUBLISHED = "published";
    /** ISO country codes: StringField per value for filters, SortedSetDocValues for the facet, stored. */
    static final String COUNTRY = "country";
    /**
     * Industry codes with their ancestors (filtering by 新能源 finds 光伏): StringField per value,
     * SortedSetDocValues for the facet.
     */
    static final String INDUSTRY = "industry";
    /** The industry codes the article itself carries (without ancestors), stored for display. */
    static final String INDUSTRY_OWN = "industry_own";
    /** Stored only. */
    static final String SOURCE = "source";
    /** Stored only. */
    static final String URL = "url";
    /** Attachments, one stored value each (tab-separated name, url, type, length). */
    static final String ATTACHMENT = "attachment";
    /** Hash of everything stored, to tell an unchanged re-ingested item from an updated one. Stored. */
    static final String CONTENT_HASH = "content_hash";
}
