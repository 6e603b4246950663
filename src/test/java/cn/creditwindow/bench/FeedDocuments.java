package cn.creditwindow.bench;

import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * RSS 2.0 documents made of corpus articles, as a feed would carry them: title, link, guid, date, a
 * two-paragraph HTML summary, and the article's countries as {@code <category domain="country">} (no
 * industry categories, so the ingester derives industries with the gazetteer).
 */
final class FeedDocuments {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Corpus corpus;

    FeedDocuments(Corpus corpus) {
        this.corpus = corpus;
    }

    /** The HTML summary of article {@code i}. */
    String bodyHtml(int i) {
        String text = corpus.summary(i);
        int cut = corpus.title(i).length();
        return "<p>" + escape(text.substring(0, cut)) + "</p><p>" + escape(text.substring(cut + 1)) + "</p>";
    }

    /** Article {@code i} as the raw baseline gets it for the feed comparison: with the summary as body. */
    Article article(int i) {
        Article a = corpus.article(i);
        return new Article(a.id(), a.module(), a.title(), bodyHtml(i), a.publishedAt(), a.source(), a.url(),
                a.countries(), a.industries(), List.of());
    }

    List<Article> articles(int from, int to) {
        List<Article> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(article(i));
        }
        return out;
    }

    /** Articles {@code from} to {@code to} (exclusive) as one RSS document. */
    byte[] rss(int from, int to) {
        return rss(IntStream.range(from, to).toArray());
    }

    /**
     * Articles 0 to {@code size} (exclusive) as RSS files of {@code items} items under {@code feeds}, each in the folder
     * of its article's {@link Corpus#module} (the ingester takes the module from the folder), so that the window's
     * {@code ingest} of the folder stores what {@link Corpus} says.
     *
     * @return how many files were written
     */
    int writeFolder(Path feeds, int size, int items) throws IOException {
        int files = 0;
        for (Module m : Module.values()) {
            Path dir = Files.createDirectories(feeds.resolve(m.folder()));
            IntPredicate ofModule = i -> Corpus.module(i) == m;
            int[] all = IntStream.range(0, size).filter(ofModule).toArray();
            for (int lo = 0; lo < all.length; lo += items) {
                int[] part = java.util.Arrays.copyOfRange(all, lo, Math.min(all.length, lo + items));
                Files.write(dir.resolve(String.format("bench-%05d.xml", lo / items)), rss(part));
                files++;
            }
        }
        return files;
    }

    /** The id the feed ingester stores article {@code i} under: from its guid, as {@code FeedIngester.idOf} derives it. */
    static String storedId(int i) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("guid:" + Corpus.id(i))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** These articles as one RSS document. */
    byte[] rss(int[] articles) {
        StringBuilder xml = new StringBuilder(400 * articles.length + 300);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>基准测试资讯</title><link>https://news.example.cn/</link>")
                .append("<description>benchmark feed</description>\n");
        for (int i : articles) {
            Article a = corpus.article(i);
            xml.append("<item><title>").append(escape(a.title())).append("</title>")
                    .append("<link>").append(a.url()).append("</link>")
                    .append("<guid isPermaLink=\"false\">").append(a.id()).append("</guid>")
                    .append("<pubDate>").append(RFC_1123.format(a.publishedAt())).append("</pubDate>")
                    .append("<author>").append(a.source()).append("</author>");
            for (String c : a.countries()) {
                xml.append("<category domain=\"country\">").append(c).append("</category>");
            }
            xml.append("<description><![CDATA[").append(bodyHtml(i)).append("]]></description></item>\n");
        }
        xml.append("</channel></rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
