package cn.creditwindow.feeds;

import cn.creditwindow.search.Article;
import cn.creditwindow.search.Attachment;
import cn.creditwindow.search.Module;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.reference.Industry;
import cn.creditwindow.reference.Tags;
import cn.creditwindow.search.ArticleIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Reads feed documents into the article index: from the {@code feeds/} folder (the module is the
 * sub-folder) or posted over HTTP (the module is given). Items get a stable id (guid, else link,
 * else a hash of title and body), their country and industry tags resolved to codes — or, when a
 * feed gives none, derived from the text by the {@link Gazetteer} — and attachments beside a feed file
 * are kept as paths under {@code feeds/}.
 *
 * <p>Items the insurer withdrew ({@code articles.Withdrawals}) are left out and counted as such: a rescan or a push
 * of the same item never brings one back.
 *
 * <p>A document that cannot be read is reported and never stops the others. Safe for concurrent use.
 */
public final class FeedIngester {
    /** File name endings read as feed documents. */
    private static final List<String> FEED_SUFFIXES = List.of(".xml", ".rss", ".atom", ".html", ".htm");
    private static final Duration MANIFEST_SAVE_INTERVAL = Duration.ofSeconds(1);
    /** About how many articles a folder scan stores at once (whole files: a batch may hold more). */
    static final int SCAN_BATCH = 10_000;
    /** How many new or changed articles a folder scan stores for the index to be compacted after it. */
    static final int COMPACT_AFTER = 50_000;
    /** How many files a folder scan reads at once. */
    private static final int READ_AHEAD = 2 * Runtime.getRuntime().availableProcessors();

    private final FeedParser parser;
    private final Gazetteer gazetteer;
    private final Countries countries;
    private final Industries industries;
    private final ArticleIndex index;
    private final Path feedsDir;
    private final FeedManifest manifest;
    private final Function<Collection<String>, Set<String>> withdrawn;
    private final Clock clock;
    private final Object scanLock = new Object();
    /** Who hears of stored articles (the credit alarm); see {@link #onStored}. */
    private final List<Consumer<List<Article>>> storedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * An ingester for which nothing is withdrawn: for tools and tests without the database.
     *
     * @see #FeedIngester(FeedParser, Gazetteer, Countries, Industries, ArticleIndex, Path, FeedManifest, Function, Clock)
     */
    public FeedIngester(FeedParser parser, Gazetteer gazetteer, Countries countries, Industries industries,
                        ArticleIndex index, Path feedsDir, FeedManifest manifest, Clock clock) {
        this(parser, gazetteer, countries, industries, index, feedsDir, manifest, ids -> Set.of(), clock);
    }

    /**
     * @param feedsDir     the folder with one sub-folder per module
     * @param manifest     where to remember which files were ingested: beside the embedded index, or shared
     * @param withdrawn    which of the article ids it is given were withdrawn and must stay out of the index; asked
     *                     once per posted document or batch of a folder scan (and once more when it stored something)
     */
    public FeedIngester(FeedParser parser, Gazetteer gazetteer, Countries countries, Industries industries,
                        ArticleIndex index, Path feedsDir, FeedManifest manifest,
                        Function<Collection<String>, Set<String>> withdrawn, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
        this.index = Objects.requireNonNull(index, "index");
        this.feedsDir = feedsDir.toAbsolutePath().normalize();
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.withdrawn = Objects.requireNonNull(withdrawn, "withdrawn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers {@code listener} to be called, on the ingesting thread, with the new and updated articles of each
     * document once they are stored (durable and searchable); never with unchanged ones, so a document ingested
     * again calls nobody. Files, the folder watcher and posted documents all pass here. A listener's exception
     * propagates to whoever ingests (the articles stay stored). Register before ingesting starts.
     */
    public void onStored(Consumer<List<Article>> listener) {
        storedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Progress of a folder scan: {@code done} of {@code total} files, the last one being {@code file}. */
    public record Progress(int done, int total, String file) {
    }

    /**
     * Ingests every new or changed feed file under the feeds folder; files whose content was ingested
     * before are skipped.
     *
     * <p>Files are stored in batches of about {@link #SCAN_BATCH} articles: one index commit (and one new searcher)
     * a batch rather than one a file, which gives the index fewer, larger segments and a bulk load less work. A file
     * is recorded as ingested only once its batch is stored. A scan of more than one batch is a bulk load
     * ({@link ArticleIndex#beginBulkLoad}: the embedded index holds its merges back until the scan ends); one that
     * stored much ({@link #COMPACT_AFTER}) then lets the index arrange itself for searching
     * ({@link ArticleIndex#compact}).
     */
    public IngestReport ingestFolder(Consumer<Progress> progress) {
        synchronized (scanLock) {
            List<Path> files = feedFiles();
            IngestReport report = IngestReport.empty();
            List<ReadDocument> batch = new ArrayList<>();
            int batchArticles = 0;
            int stored = 0;
            Instant lastSave = clock.instant();
            boolean dirty = false;
            ArticleIndex.BulkLoad bulk = null;
            try {
                for (int start = 0; start < files.size(); start += READ_AHEAD) {
                    List<Path> group = files.subList(start, Math.min(start + READ_AHEAD, files.size()));
                    // parsing and tagging a file is independent of the others: a few at once, one per core
                    List<Read> reads = group.size() == 1 ? List.of(readFile(group.get(0)))
                            : group.parallelStream().map(this::readFile).toList();
                    for (int j = 0; j < group.size(); j++) {
                        int i = start + j;
                        Read read = reads.get(j);
                        if (read.report() != null) {
                            report = report.plus(read.report());
                        } else {
                            batch.add(read.document());
                            batchArticles += read.document().articles().size();
                        }
                        if (batchArticles >= SCAN_BATCH || i == files.size() - 1) {
                            if (bulk == null && i < files.size() - 1) {
                                // a batch with files still to read: a bulk load, merged once at its end
                                bulk = index.beginBulkLoad();
                            }
                            IngestReport done = storeBatch(batch);
                            report = report.plus(done);
                            stored += done.itemsNew() + done.itemsUpdated();
                            dirty |= !batch.isEmpty();
                            batch.clear();
                            batchArticles = 0;
                        }
                        progress.accept(new Progress(i + 1, files.size(), relative(group.get(j))));
                        if (dirty && Duration.between(lastSave, clock.instant()).compareTo(MANIFEST_SAVE_INTERVAL) >= 0) {
                            saveManifest();
                            lastSave = clock.instant();
                            dirty = false;
                        }
                    }
                }
                if (dirty) {
                    saveManifest();
                    dirty = false;
                }
                if (stored >= COMPACT_AFTER) {
                    try {
                        index.compact();
                    } catch (IOException e) {
                        // everything is stored: a merge that failed leaves more segments, not less data
                        throw new UncheckedIOException("merging the index after storing " + stored + " articles", e);
                    }
                }
            } catch (RuntimeException e) {
                // what was stored before the failure is not read again by the next scan
                if (dirty) {
                    try {
                        saveManifest();
                    } catch (RuntimeException notSaved) {
                        e.addSuppressed(notSaved);
                    }
                }
                endBulkLoad(bulk, e);
                throw e;
            }
            endBulkLoad(bulk, null);
            return report;
        }
    }

    /** Ends a folder scan's bulk load (if it began one): the index merges as usual again. */
    private static void endBulkLoad(ArticleIndex.BulkLoad bulk, RuntimeException failed) {
        if (bulk == null) {
            return;
        }
        try {
            bulk.close();
        } catch (IOException | RuntimeException e) {
            if (failed != null) {
                failed.addSuppressed(e);
            } else {
                // everything is stored: what failed is looking for merges, which the next write does again
                throw e instanceof IOException io ? new UncheckedIOException("ending a bulk load", io)
                        : (RuntimeException) e;
            }
        }
    }

    /** Stores the documents of a folder scan's batch, then records each file as ingested. */
    private IngestReport storeBatch(List<ReadDocument> batch) {
        if (batch.isEmpty()) {
            return IngestReport.empty();
        }
        IngestReport report;
        try {
            report = store(batch);
        } catch (IOException e) {
            // the index failing is not a bad file: stop, the next scan starts where this one stopped
            throw new UncheckedIOException("storing the items of " + batch.get(0).name()
                    + (batch.size() > 1 ? " and " + (batch.size() - 1) + " more files" : ""), e);
        }
        for (ReadDocument d : batch) {
            manifest.put(d.name(), d.hash());
        }
        return report;
    }

    /**
     * Ingests a document posted for a module. Nothing is remembered about the document itself:
     * posting it again gives "unchanged" items.
     *
     * @param name what to call the document in reports
     */
    public IngestReport ingestDocument(byte[] content, Module module, String name) throws IOException {
        URI base = URI.create("https://feeds.invalid/" + module.folder() + "/");
        Read read = read(content, base, module, name, null);
        return read.report() != null ? read.report() : store(List.of(read.document()));
    }

    /** A document read and turned into articles, not stored yet; {@code hash} is its file's, or null. */
    private record ReadDocument(String name, String hash, List<Article> articles,
                                List<IngestReport.ItemProblem> rejected, List<String> warnings) {
    }

    /** Either a document to store or, for one that is unchanged or could not be read, its report. */
    private record Read(ReadDocument document, IngestReport report) {
        static Read done(IngestReport report) {
            return new Read(null, report);
        }
    }

    private Read readFile(Path file) {
        String name = relative(file);
        Optional<Module> module = moduleOf(file);
        if (module.isEmpty()) {
            return Read.done(IngestReport.failedFile(name, "not in a module folder (" + folders() + ")"));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return Read.done(IngestReport.failedFile(name, "cannot read: " + e.getMessage()));
        }
        String hash = sha256(content);
        if (manifest.isUnchanged(name, hash)) {
            return Read.done(IngestReport.unchangedFile());
        }
        return read(content, file.toUri(), module.get(), name, hash);
    }

    private Read read(byte[] content, URI base, Module module, String name, String hash) {
        ParsedFeed feed;
        try {
            feed = parser.parse(content, base);
        } catch (FeedFormatException e) {
            return Read.done(IngestReport.failedFile(name, e.getMessage()));
        }
        List<IngestReport.ItemProblem> rejected = new ArrayList<>();
        for (ParsedFeed.Rejected r : feed.rejected()) {
            rejected.add(new IngestReport.ItemProblem(name, r.position(), r.label(), r.reason()));
        }
        List<String> warnings = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            articles.add(toArticle(item, module, name, warnings));
        }
        return new Read(new ReadDocument(name, hash, articles, rejected, warnings), null);
    }

    /** Stores the articles of some documents read, in one upsert, and reports on them together. */
    private IngestReport store(List<ReadDocument> documents) throws IOException {
        List<Article> articles = new ArrayList<>();
        List<IngestReport.ItemProblem> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ReadDocument d : documents) {
            articles.addAll(d.articles());
            rejected.addAll(d.rejected());
            warnings.addAll(d.warnings());
        }
        Set<String> withdrawnIds = articles.isEmpty() ? Set.of() : withdrawn.apply(ids(articles));
        List<Article> admitted = articles.stream().filter(a -> !withdrawnIds.contains(a.id())).toList();
        if (!withdrawnIds.isEmpty()) {
            // still in the index when the withdrawal could not delete it (the search cluster did not answer then)
            index.delete(withdrawnIds);
        }
        List<ArticleIndex.Outcome> outcomes = admitted.isEmpty() ? List.of() : index.upsert(admitted);
        List<Article> changed = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != ArticleIndex.Outcome.UNCHANGED) {
                changed.add(admitted.get(i));
            }
        }
        // A withdrawal between the question above and the upsert may have deleted before this stored. It is recorded
        // before it deletes, so asking again about what was stored now finds it (an unchanged item was there when
        // the upsert looked: a withdrawal deletes it after).
        Set<String> late = changed.isEmpty() ? Set.of() : withdrawn.apply(ids(changed));
        if (!late.isEmpty()) {
            index.delete(late);
        }
        int fresh = 0;
        int updated = 0;
        int unchanged = 0;
        int leftOut = articles.size() - admitted.size();
        for (int i = 0; i < outcomes.size(); i++) {
            if (late.contains(admitted.get(i).id())) {
                leftOut++;
                continue;
            }
            switch (outcomes.get(i)) {
                case NEW -> fresh++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        List<Article> stored = changed.stream().filter(a -> !late.contains(a.id())).toList();
        if (!stored.isEmpty()) {
            storedListeners.forEach(l -> l.accept(stored));
        }
        return new IngestReport(documents.size(), 0, List.of(), fresh, updated, unchanged, leftOut, rejected,
                warnings);
    }

    private static List<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }

    /**
     * An HTML page without a canonical address gets the page file as its link; its place under
     * feeds/ is its identity then, and it has no link to show.
     */
    private static FeedItem withoutFileLink(FeedItem item, String file) {
        if (!item.link().startsWith("file:")) {
            return item;
        }
        return new FeedItem(item.guid().isBlank() ? "file:" + file : item.guid(), "", item.title(), item.bodyHtml(),
                item.publishedAt(), item.source(), item.countryTags(), item.industryTags(), item.attachments());
    }

    private Article toArticle(FeedItem feedItem, Module module, String file, List<String> warnings) {
        FeedItem item = withoutFileLink(feedItem, file);
        String id = idOf(item);
        Tags derived = null; // from the title and the body's text, only when the feed does not give tags
        Set<String> countryCodes = new LinkedHashSet<>();
        for (String tag : item.countryTags()) {
            countries.find(tag).map(Country::alpha2).ifPresentOrElse(countryCodes::add,
                    () -> warnings.add(file + ": unknown country tag '" + tag + "' on '" + item.title() + "'"));
        }
        if (countryCodes.isEmpty()) {
            derived = derivedTags(item);
            countryCodes.addAll(derived.countries());
        }
        Set<String> industryCodes = new LinkedHashSet<>();
        for (String tag : item.industryTags()) {
            industries.find(tag).map(Industry::code).ifPresentOrElse(industryCodes::add,
                    () -> warnings.add(file + ": unknown industry tag '" + tag + "' on '" + item.title() + "'"));
        }
        if (industryCodes.isEmpty()) {
            derived = derived != null ? derived : derivedTags(item);
            industryCodes.addAll(derived.industries());
        }
        Instant published = item.publishedAt() != null ? item.publishedAt()
                : index.find(id).map(Article::publishedAt).orElseGet(clock::instant);
        return new Article(id, module, item.title(), item.bodyHtml(), published, item.source(), item.link(),
                List.copyOf(countryCodes), List.copyOf(industryCodes), attachments(item, file, warnings));
    }

    private Tags derivedTags(FeedItem item) {
        return gazetteer.tag(item.title(), item.bodyHtml().isEmpty() ? "" : Jsoup.parse(item.bodyHtml()).text());
    }

    private List<Attachment> attachments(FeedItem item, String file, List<String> warnings) {
        List<Attachment> out = new ArrayList<>();
        for (Attachment a : item.attachments()) {
            String url = a.url();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                if (!lower.startsWith("https://feeds.invalid/")) {
                    out.add(a);
                    continue;
                }
            } else if (lower.startsWith("file:")) {
                Path target = Path.of(URI.create(url)).toAbsolutePath().normalize();
                if (target.startsWith(feedsDir) && Files.isRegularFile(target)) {
                    out.add(new Attachment(a.name(), relative(target), a.type(), size(target)));
                    continue;
                }
            }
            warnings.add(file + ": attachment '" + a.name() + "' of '" + item.title()
                    + "' left out: not a web address nor a file under the feeds folder (" + url + ")");
        }
        return out;
    }

    /** The id an item is stored under: from its guid, else its link, else its title and body. */
    static String idOf(FeedItem item) {
        String key = !item.guid().isBlank() ? "guid:" + item.guid().strip()
                : !item.link().isBlank() ? "link:" + item.link().strip()
                : "text:" + item.title() + "\u0000" + item.bodyHtml();
        return sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /** Resolves a path under the feeds folder as stored in an {@link Attachment}, refusing anything outside it. */
    public Optional<Path> localFile(String relativePath) {
        Path target = feedsDir.resolve(relativePath).normalize();
        return target.startsWith(feedsDir) && Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
    }

    private List<Path> feedFiles() {
        if (!Files.isDirectory(feedsDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(feedsDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> FEED_SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(s)))
                    .filter(p -> !isHiddenOrAttachment(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing feed files in " + feedsDir, e);
        }
    }

    private boolean isHiddenOrAttachment(Path file) {
        for (Path part : feedsDir.relativize(file)) {
            String s = part.toString();
            if (s.startsWith(".") || s.equals("attachments")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Module> moduleOf(Path file) {
        Path rel = feedsDir.relativize(file);
        return rel.getNameCount() < 2 ? Optional.empty() : Module.byFolder(rel.getName(0).toString());
    }

    private static String folders() {
        return String.join(", ", Stream.of(Module.values()).map(m -> m.folder() + "/").toList());
    }

    private String relative(Path file) {
        return feedsDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private void saveManifest() {
        try {
            manifest.save();
        } catch (IOException e) {
            throw new UncheckedIOException("saving the feed manifest", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
