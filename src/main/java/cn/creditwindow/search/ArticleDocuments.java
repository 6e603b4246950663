package cn.creditwindow.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;

/** Converts between {@link Article} and Lucene documents (see {@link Fields}). */
final class ArticleDocuments {
    /**
     * Bytes of SHA-256 kept to tell two versions of an article apart: 128 bits are as safe against a chance
     * collision as 256 here, and each stored copy was 64 characters, about a tenth of an index of titles.
     */
    static final int HASH_BYTES = 16;
    private final Function<Collection<String>, Collection<String>> industryAncestors;

    /**
     * @param industryAncestors given industry codes, returns them with all their ancestors; the
     *                          indexed industry field holds those so a parent filter finds children
     */
    ArticleDocuments(Function<Collection<String>, Collection<String>> industryAncestors) {
        this.industryAncestors = industryAncestors;
    }

    Document toDocument(Article a, String contentHash) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, a.id(), Field.Store.YES));
        doc.add(new StringField(Fields.MODULE, a.module().id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.MODULE, new BytesRef(a.module().id())));
        doc.add(new StoredField(Fields.TITLE, a.title()));
        doc.add(new TextField(Fields.TITLE_WORDS, a.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE_GRAMS, a.title(), Field.Store.NO));
        if (!a.bodyHtml().isEmpty()) {
            doc.add(new StoredField(Fields.BODY, a.bodyHtml()));
            doc.add(new TextField(Fields.BODY_GRAMS, Jsoup.parse(a.bodyHtml()).text(), Field.Store.NO));
        }
        long millis = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint(Fields.PUBLISHED, millis));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
        doc.add(new StoredField(Fields.PUBLISHED, millis));
        for (String c : a.countries()) {
            doc.add(new StringField(Fields.COUNTRY, c, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(Fields.COUNTRY, new BytesRef(c)));
        }
        for (String i : industryAncestors.apply(a.industries())) {
            doc.add(new StringField(Fields.INDUSTRY, i, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(Fields.INDUSTRY, new BytesRef(i)));
        }
        for (String i : a.industries()) {
            doc.add(new StoredField(Fields.INDUSTRY_OWN, i));
        }
        doc.add(new StoredField(Fields.SOURCE, a.source()));
        doc.add(new StoredField(Fields.URL, a.url()));
        for (Attachment at : a.attachments()) {
            doc.add(new StoredField(Fields.ATTACHMENT, attachment(at)));
        }
        doc.add(new StoredField(Fields.CONTENT_HASH, new BytesRef(HexFormat.of().parseHex(contentHash))));
        return doc;
    }

    /** An attachment as one stored value: name, url, type and length, tab-separated. */
    static String attachment(Attachment at) {
        return String.join("\t", clean(at.name()), clean(at.url()), clean(at.type()), Long.toString(at.length()));
    }

    static Article toArticle(Document doc) {
        List<Attachment> attachments = new ArrayList<>();
        for (String value : doc.getValues(Fields.ATTACHMENT)) {
            String[] parts = value.split("\t", -1);
            attachments.add(new Attachment(parts[0], parts[1], parts[2], Long.parseLong(parts[3])));
        }
        String body = doc.get(Fields.BODY);
        return new Article(
                doc.get(Fields.ID),
                module(doc),
                doc.get(Fields.TITLE),
                body == null ? "" : body,
                published(doc),
                doc.get(Fields.SOURCE),
                doc.get(Fields.URL),
                List.of(doc.getValues(Fields.COUNTRY)),
                List.of(doc.getValues(Fields.INDUSTRY_OWN)),
                attachments);
    }

    static Hit toHit(Document doc, List<String> keywords) {
        String title = doc.get(Fields.TITLE);
        return new Hit(
                doc.get(Fields.ID),
                module(doc),
                title,
                TitleHighlighter.highlight(title, keywords),
                published(doc),
                List.of(doc.getValues(Fields.COUNTRY)),
                List.of(doc.getValues(Fields.INDUSTRY_OWN)),
                doc.get(Fields.SOURCE),
                doc.get(Fields.URL),
                doc.getField(Fields.ATTACHMENT) != null);
    }

    /** The stored fields a result list needs (not the body). */
    static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(Fields.ID, Fields.MODULE, Fields.TITLE,
            Fields.PUBLISHED, Fields.COUNTRY, Fields.INDUSTRY_OWN, Fields.SOURCE, Fields.URL, Fields.ATTACHMENT);

    /**
     * A digest of everything an article shows, to tell a changed re-ingested article from an unchanged one: the first
     * {@value #HASH_BYTES} bytes of its SHA-256, in hex. Indexes written before kept all 32 bytes: see
     * {@link #sameContent}.
     */
    static String contentHash(Article a) {
        return HexFormat.of().formatHex(digest(a), 0, HASH_BYTES);
    }

    /** The whole SHA-256 of everything an article shows (earlier versions stored all of it, in hex). */
    static byte[] digest(Article a) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        StringBuilder s = new StringBuilder();
        s.append(a.module().id()).append('\u0000').append(a.title()).append('\u0000').append(a.bodyHtml())
                .append('\u0000').append(a.publishedAt().toEpochMilli()).append('\u0000').append(a.source())
                .append('\u0000').append(a.url()).append('\u0000').append(a.countries()).append('\u0000')
                .append(a.industries());
        for (Attachment at : a.attachments()) {
            s.append('\u0000').append(at);
        }
        return sha.digest(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a stored content hash is that of {@link #contentHash}: the same, or (stored by an earlier version,
     * which kept the whole SHA-256) beginning with it.
     */
    static boolean sameContent(String stored, String hash) {
        return stored.startsWith(hash);
    }

    /** The content hash stored in a document, in hex: 16 bytes, or the whole text an earlier version stored. */
    static String storedHash(Document doc) {
        IndexableField f = doc.getField(Fields.CONTENT_HASH);
        if (f == null) {
            return "";
        }
        BytesRef bytes = f.binaryValue();
        return bytes != null ? HexFormat.of().formatHex(bytes.bytes, bytes.offset, bytes.offset + bytes.length)
                : f.stringValue();
    }

    private static Module module(Document doc) {
        String id = doc.get(Fields.MODULE);
        return Module.byId(id).orElseThrow(() -> new IllegalStateException("unknown module in index: " + id));
    }

    private static Instant published(Document doc) {
        IndexableField f = doc.getField(Fields.PUBLISHED);
        return Instant.ofEpochMilli(f.numericValue().longValue());
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
