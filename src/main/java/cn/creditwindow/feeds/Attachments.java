package cn.creditwindow.feeds;

import cn.creditwindow.search.Attachment;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Builds {@link Attachment}s from enclosures and from links to documents in an item's body. URLs are
 * resolved against the document's base, so {@code attachments/x.pdf} beside a feed in {@code feeds/}
 * becomes a {@code file:} URI, which ingestion maps to the local file.
 */
final class Attachments {

    static final String UNKNOWN_TYPE = "application/octet-stream";

    /** Document types a body link must point at to count as an attachment, by file extension. */
    private static final Map<String, String> DOCUMENT_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("zip", "application/zip"),
            Map.entry("rar", "application/vnd.rar"),
            Map.entry("csv", "text/csv"),
            Map.entry("txt", "text/plain"));

    private Attachments() {
    }

    /**
     * An RSS enclosure or Atom {@code rel="enclosure"} link. Any file type is accepted; the name is the
     * given title, else the file name; the type is the given one, else guessed from the extension.
     *
     * @return empty when the URL is missing, unparseable, or not http(s) or file
     */
    static Optional<Attachment> enclosure(URI base, String url, String title, String type, String length) {
        return Links.resolve(base, url, Links.ITEM_SCHEMES).map(uri -> {
            String name = PlainText.of(title);
            String mime = PlainText.of(type);
            return new Attachment(
                    name.isEmpty() ? fallbackName(uri) : name,
                    uri.toString(),
                    mime.isEmpty() ? typeOf(uri).orElse(UNKNOWN_TYPE) : mime,
                    length(length));
        });
    }

    /**
     * Links in {@code body} to documents ({@code .pdf .doc .docx .xls .xlsx .ppt .pptx .zip .rar .csv
     * .txt}), in document order, named by their link text, else by their file name.
     */
    static List<Attachment> linkedFrom(Element body, URI base) {
        List<Attachment> found = new ArrayList<>();
        for (Element a : body.select("a[href]")) {
            Optional<URI> uri = Links.resolve(base, a.attr("href"), Links.ITEM_SCHEMES);
            Optional<String> type = uri.flatMap(Attachments::typeOf);
            if (type.isPresent()) {
                String text = PlainText.of(a.text());
                found.add(new Attachment(text.isEmpty() ? fallbackName(uri.get()) : text,
                        uri.get().toString(), type.get(), -1));
            }
        }
        return found;
    }

    /** {@code first} then {@code second}, keeping the first attachment seen for each URL. */
    static List<Attachment> merge(List<Attachment> first, List<Attachment> second) {
        Map<String, Attachment> byUrl = new LinkedHashMap<>();
        first.forEach(a -> byUrl.putIfAbsent(a.url(), a));
        second.forEach(a -> byUrl.putIfAbsent(a.url(), a));
        return List.copyOf(byUrl.values());
    }

    /** The MIME type of a document link, from its path's extension; empty for other links. */
    static Optional<String> typeOf(URI uri) {
        String name = Links.fileName(uri);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(DOCUMENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private static String fallbackName(URI uri) {
        String name = Links.fileName(uri);
        return name.isEmpty() ? uri.toString() : name;
    }

    private static long length(String text) {
        try {
            long value = Long.parseLong(PlainText.of(text));
            return value > 0 ? value : -1; // feeds write length="0" when they do not know it
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
