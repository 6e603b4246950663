package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.Fixtures;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.Overview;
import cn.creditwindow.search.SearchPage;
import cn.creditwindow.search.Hit;
import cn.creditwindow.search.LuceneArticleIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedIngesterTest {
    private static final Countries COUNTRIES = Countries.load();
    private static final Industries INDUSTRIES = Industries.load();
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    @TempDir
    Path dir;
    private Path feeds;
    private LuceneArticleIndex index;
    private FeedIngester ingester;

    @BeforeEach
    void setUp() throws IOException {
        feeds = dir.resolve("feeds");
        Fixtures.copyTree(Path.of("src/test/resources/app/feeds"), feeds);
        index = LuceneArticleIndex.open(new ByteBuffersDirectory(), INDUSTRIES::withAncestors, 0);
        ingester = ingester();
    }

    private FeedIngester ingester() {
        return new FeedIngester(new FeedParser(), new Gazetteer(COUNTRIES, INDUSTRIES), COUNTRIES, INDUSTRIES, index,
                feeds, FeedManifest.inFolder(dir.resolve("manifest.txt")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private IngestReport ingest() {
        return ingester.ingestFolder(p -> { });
    }

    private Hit only(String keyword) {
        List<Hit> hits = index.search(ArticleQuery.builder().keyword(keyword).build()).items();
        assertThat(hits).hasSize(1);
        return hits.get(0);
    }

    @Test
    void readsEveryModuleFolder() {
        IngestReport report = ingest();
        assertThat(report.files()).isEqualTo(4);
        assertThat(report.failedFiles()).isEmpty();
        assertThat(report.itemsNew()).isEqualTo(8);
        assertThat(only("班列").module()).isEqualTo(Module.BELT_AND_ROAD);
        assertThat(only("光伏").module()).isEqualTo(Module.INDUSTRY_ALERT);
        assertThat(only("迪拜").module()).isEqualTo(Module.COUNTRY_ALERT);
        assertThat(only("关税").module()).isEqualTo(Module.TRADE_NEWS);
    }

    @Test
    void aSecondRunSkipsUnchangedFilesEvenAfterARestart() {
        ingest();
        IngestReport again = ingest();
        assertThat(again.filesUnchanged()).isEqualTo(4);
        assertThat(again.itemsAccepted()).isZero();
        IngestReport afterRestart = ingester().ingestFolder(p -> { });
        assertThat(afterRestart.filesUnchanged()).isEqualTo(4);
        assertThat(index.count()).isEqualTo(8);
    }

    @Test
    void aChangedFileUpdatesOnlyItsChangedItems() throws IOException {
        ingest();
        Path alerts = feeds.resolve("country-alerts/alerts.xml");
        Files.writeString(alerts, Files.readString(alerts).replace("付款周期延长至180天", "付款周期延长至240天"));
        IngestReport report = ingest();
        assertThat(report.itemsUpdated()).isEqualTo(1);
        assertThat(report.itemsUnchanged()).isEqualTo(2);
        assertThat(report.itemsNew()).isZero();
        assertThat(index.count()).isEqualTo(8);
        assertThat(only("沙特").title()).isEqualTo("沙特阿拉伯政府项目付款周期延长至240天");
    }

    @Test
    void aMalformedFileIsReportedAndTheOthersAreRead() throws IOException {
        Files.writeString(feeds.resolve("trade-news/a-broken.xml"), "<rss><channel><item><title>半截");
        Files.write(feeds.resolve("trade-news/b-binary.xml"), new byte[]{0, 1, 2, (byte) 0xff, 0});
        Files.writeString(feeds.resolve("stray.xml"), "<rss/>");
        IngestReport report = ingest();
        assertThat(report.failedFiles()).extracting(IngestReport.FileProblem::file)
                .containsExactlyInAnyOrder("trade-news/b-binary.xml", "stray.xml");
        assertThat(report.failedFiles()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        assertThat(report.rejectedItems()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("trade-news/a-broken.xml");
            assertThat(r.reason()).contains("truncated");
        });
        assertThat(report.itemsNew()).isEqualTo(8);
        assertThat(report.nothingRead()).isFalse();
    }

    @Test
    void tagsComeFromCategoriesElseFromTheText() {
        ingest();
        Hit dubai = only("迪拜");
        assertThat(dubai.countries()).containsExactly("AE");
        assertThat(dubai.industries()).containsExactly("39");
        Hit saudi = only("沙特");
        assertThat(saudi.countries()).contains("SA");
        assertThat(only("中美洲").countries()).doesNotContain("US");
        assertThat(only("纺织业").industries()).contains("17");
    }

    @Test
    void attachmentsBesideAFeedBecomePathsUnderTheFeedsFolder() {
        ingest();
        Article pv = index.find(only("光伏").id()).orElseThrow();
        assertThat(pv.attachments()).hasSize(1);
        assertThat(pv.attachments().get(0).url()).isEqualTo("industry-alerts/attachments/pv-exports.csv");
        assertThat(pv.attachments().get(0).length()).isPositive();
        assertThat(ingester.localFile(pv.attachments().get(0).url())).isPresent();
        assertThat(ingester.localFile("../manifest.txt")).isEmpty();
        assertThat(ingester.localFile("industry-alerts/../../manifest.txt")).isEmpty();
    }

    @Test
    void unknownTagsAndAttachmentsOutsideTheFolderAreWarnedAbout() throws IOException {
        Files.writeString(feeds.resolve("trade-news/tags.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title>
                <item><title>亚特兰蒂斯进口政策调整</title><guid>tags-1</guid>
                <pubDate>Mon, 16 Nov 2026 09:00:00 +0800</pubDate>
                <category domain="country">Atlantis</category>
                <enclosure url="../../secret.pdf" length="10" type="application/pdf"/>
                </item></channel></rss>
                """);
        IngestReport report = ingest();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("unknown country tag 'Atlantis'"));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("secret.pdf"));
        assertThat(index.find(only("亚特兰蒂斯").id()).orElseThrow().attachments()).isEmpty();
    }

    @Test
    void anItemWithoutADateKeepsTheDateItWasFirstStoredWith() throws IOException {
        Path file = feeds.resolve("trade-news/undated.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>无日期的资讯</title><guid>undated-1</guid><description>一</description></item>"
                + "</channel></rss>");
        ingest();
        assertThat(only("无日期").publishedAt()).isEqualTo(NOW);
        Files.writeString(file, Files.readString(file).replace("<description>一", "<description>二"));
        FeedIngester later = new FeedIngester(new FeedParser(), new Gazetteer(COUNTRIES, INDUSTRIES), COUNTRIES,
                INDUSTRIES, index, feeds, FeedManifest.inFolder(dir.resolve("manifest.txt")), Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(later.ingestFolder(p -> { }).itemsUpdated()).isEqualTo(1);
        assertThat(only("无日期").publishedAt()).isEqualTo(NOW);
    }

    @Test
    void aPostedDocumentGoesToTheGivenModule() throws IOException {
        byte[] rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>推送的预警</title>"
                + "<guid>post-1</guid><pubDate>Mon, 16 Nov 2026 09:00:00 +0800</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        IngestReport report = ingester.ingestDocument(rss, Module.COUNTRY_ALERT, "pushed");
        assertThat(report.itemsNew()).isEqualTo(1);
        assertThat(only("推送").module()).isEqualTo(Module.COUNTRY_ALERT);
        assertThat(ingester.ingestDocument(rss, Module.COUNTRY_ALERT, "pushed").itemsUnchanged()).isEqualTo(1);
    }

    @Test
    void anEmptyFolderMeansNothingWasRead() throws IOException {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        FeedIngester none = new FeedIngester(new FeedParser(), new Gazetteer(COUNTRIES, INDUSTRIES), COUNTRIES,
                INDUSTRIES, index, empty, FeedManifest.inFolder(dir.resolve("m2.txt")), Clock.systemUTC());
        assertThat(none.ingestFolder(p -> { }).nothingRead()).isTrue();
    }

    // the credit alarm hears of stored articles: new and updated ones, never unchanged ones
    @Test
    void listenersHearOfNewAndUpdatedArticlesOnly() throws IOException {
        List<List<String>> heard = new java.util.ArrayList<>();
        ingester.onStored(articles -> heard.add(articles.stream().map(Article::title).toList()));
        String item = "<item><guid>l-1</guid><title>%s</title></item>";
        byte[] first = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>" + item.formatted("甲公司破产")
                + "<item><guid>l-2</guid><title>乙公司</title></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        ingester.ingestDocument(first, Module.TRADE_NEWS, "push");
        ingester.ingestDocument(first, Module.TRADE_NEWS, "push");
        byte[] changed = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + item.formatted("甲公司破产（更新）") + "<item><guid>l-2</guid><title>乙公司</title></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        ingester.ingestDocument(changed, Module.TRADE_NEWS, "push");
        assertThat(heard).containsExactly(List.of("甲公司破产", "乙公司"), List.of("甲公司破产（更新）"));
    }

    // #16: what the insurer withdrew stays out, whether read from the folder or pushed
    @Test
    void withdrawnItemsAreLeftOutCountedAndDeletedWhenAWithdrawalLeftThemStored() throws IOException {
        ingest();
        String dubai = only("迪拜").id();
        String saudi = only("沙特").id();
        // both withdrawn; the index still holds Dubai's, as when the search cluster did not answer its withdrawal
        index.delete(List.of(saudi));
        Set<String> withdrawn = Set.of(dubai, saudi);
        AtomicInteger asked = new AtomicInteger();
        FeedIngester keeping = new FeedIngester(new FeedParser(), new Gazetteer(COUNTRIES, INDUSTRIES), COUNTRIES,
                INDUSTRIES, index, feeds, FeedManifest.inFolder(dir.resolve("fresh-manifest.txt")), ids -> {
                    asked.incrementAndGet();
                    return ids.stream().filter(withdrawn::contains).collect(Collectors.toSet());
                }, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Article> heard = new ArrayList<>();
        keeping.onStored(heard::addAll);

        IngestReport report = keeping.ingestFolder(p -> { }); // a fresh manifest: every file is read again

        assertThat(report.itemsWithdrawn()).isEqualTo(2);
        assertThat(report.itemsUnchanged()).isEqualTo(6);
        assertThat(report.itemsNew()).isZero();
        assertThat(report.itemsAccepted()).isEqualTo(6);
        // the four files are one batch of a folder scan
        assertThat(asked).as("one question per batch of documents, none more when nothing was stored").hasValue(1);
        assertThat(index.find(dubai)).isEmpty();
        assertThat(index.find(saudi)).isEmpty();
        assertThat(index.count()).isEqualTo(6);
        assertThat(heard).isEmpty();
        assertThat(keeping.ingestDocument(Files.readAllBytes(feeds.resolve("country-alerts/alerts.xml")),
                Module.COUNTRY_ALERT, "pushed").itemsWithdrawn()).isEqualTo(2);
        assertThat(index.count()).isEqualTo(6);
    }

    // #16: a withdrawal recorded while a document is being stored deletes before the item is stored; asking again
    // about what was stored finds it
    @Test
    void anItemWithdrawnWhileItsDocumentIsStoredIsDeletedAfterwards() throws IOException {
        byte[] rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>刚撤下的预警</title>"
                + "<guid>race-1</guid><pubDate>Mon, 16 Nov 2026 09:00:00 +0800</pubDate></item><item><title>留下的预警</title>"
                + "<guid>race-2</guid><pubDate>Mon, 16 Nov 2026 09:00:00 +0800</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        List<Collection<String>> questions = new ArrayList<>();
        FeedIngester racing = new FeedIngester(new FeedParser(), new Gazetteer(COUNTRIES, INDUSTRIES), COUNTRIES,
                INDUSTRIES, index, feeds, FeedManifest.inFolder(dir.resolve("manifest.txt")), ids -> {
                    questions.add(List.copyOf(ids));
                    // withdrawn between the first question and the second: by then the item is stored
                    return questions.size() == 1 ? Set.of()
                            : ids.stream().filter(id -> index.find(id).map(a -> a.title().startsWith("刚撤下"))
                                    .orElse(false)).collect(Collectors.toSet());
                }, Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> heard = new ArrayList<>();
        racing.onStored(articles -> articles.forEach(a -> heard.add(a.title())));

        IngestReport report = racing.ingestDocument(rss, Module.COUNTRY_ALERT, "pushed");

        assertThat(questions).hasSize(2);
        assertThat(report.itemsWithdrawn()).isEqualTo(1);
        assertThat(report.itemsNew()).isEqualTo(1);
        assertThat(heard).containsExactly("留下的预警");
        assertThat(index.search(ArticleQuery.builder().keyword("预警").build()).items()).extracting(Hit::title)
                .containsExactly("留下的预警");
    }

    /** The index, counting what the ingester asks of it; an upsert fails while {@link #failing} is set. */
    private final class Counting implements ArticleIndex {
        final List<Integer> upserts = new ArrayList<>();
        /** Bulk loads begun and ended, upserts and compactions, in order. */
        final List<String> calls = new ArrayList<>();
        int compactions;
        boolean failing;

        @Override
        public BulkLoad beginBulkLoad() {
            calls.add("bulk load");
            BulkLoad bulk = index.beginBulkLoad();
            return () -> {
                calls.add("end of bulk load");
                bulk.close();
            };
        }

        @Override
        public List<Outcome> upsert(List<Article> articles) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            upserts.add(articles.size());
            calls.add("upsert " + articles.size());
            return index.upsert(articles);
        }

        @Override
        public int delete(Collection<String> ids) throws IOException {
            return index.delete(ids);
        }

        @Override
        public void compact() throws IOException {
            compactions++;
            calls.add("compact");
            index.compact();
        }

        @Override
        public SearchPage search(ArticleQuery query) {
            return index.search(query);
        }

        @Override
        public Overview overview(ArticleQuery query, int perModule) {
            return index.overview(query, perModule);
        }

        @Override
        public Optional<Article> find(String id) {
            return index.find(id);
        }

        @Override
        public long count() {
            return index.count();
        }

        @Override
        public void close() {
        }
    }

    private FeedIngester ingester(ArticleIndex on, Path folder) {
        return new FeedIngester(new FeedParser(), new Gazetteer(COUNTRIES, INDUSTRIES), COUNTRIES, INDUSTRIES, on,
                folder, FeedManifest.inFolder(dir.resolve("bulk-manifest.txt")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A feeds folder of {@code files} RSS files of {@code items} dated items each, under trade-news/. */
    private Path bulkFeeds(int files, int items) throws IOException {
        Path root = dir.resolve("bulk-feeds");
        Path folder = Files.createDirectories(root.resolve("trade-news"));
        for (int f = 0; f < files; f++) {
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
            for (int i = 0; i < items; i++) {
                rss.append("<item><title>批量文章").append(f).append('-').append(i).append("</title><guid>bulk-")
                        .append(f).append('-').append(i)
                        .append("</guid><pubDate>Mon, 16 Nov 2026 09:00:00 +0800</pubDate></item>");
            }
            Files.writeString(folder.resolve(String.format("f%03d.xml", f)), rss.append("</channel></rss>"));
        }
        return root;
    }

    @Test
    void aFolderScanStoresWholeFilesInBatchesOfAboutTenThousandArticles() throws IOException {
        int perFile = 500;
        int files = FeedIngester.SCAN_BATCH / perFile + 2;
        Path folder = bulkFeeds(files, perFile);
        Counting counting = new Counting();
        List<Integer> heard = new ArrayList<>();
        FeedIngester bulk = ingester(counting, folder);
        bulk.onStored(articles -> heard.add(articles.size()));

        IngestReport report = bulk.ingestFolder(p -> { });

        assertThat(counting.upserts).containsExactly(FeedIngester.SCAN_BATCH, 2 * perFile);
        assertThat(heard).containsExactly(FeedIngester.SCAN_BATCH, 2 * perFile);
        assertThat(report.files()).isEqualTo(files);
        assertThat(report.itemsNew()).isEqualTo(files * perFile);
        assertThat(index.count()).isEqualTo(files * perFile);
        assertThat(counting.compactions).isZero(); // fewer than COMPACT_AFTER: the merge policy is enough
        // more than one batch: merges are held back from the first batch and looked for again at the end
        assertThat(counting.calls).containsExactly("bulk load", "upsert " + FeedIngester.SCAN_BATCH,
                "upsert " + 2 * perFile, "end of bulk load");
        assertThat(ingester(counting, folder).ingestFolder(p -> { }).filesUnchanged()).isEqualTo(files);
    }

    @Test
    void aBatchThatCouldNotBeStoredLeavesItsFilesToTheNextScan() throws IOException {
        int perFile = 1000;
        int files = FeedIngester.SCAN_BATCH / perFile + 3;
        Path folder = bulkFeeds(files, perFile);
        Counting counting = new Counting();
        FeedIngester bulk = ingester(counting, folder);
        bulk.onStored(articles -> counting.failing = true); // the index fails after the first batch

        assertThatThrownBy(() -> bulk.ingestFolder(p -> { })).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("trade-news/f010.xml and 2 more files").hasRootCauseMessage("disk full");
        assertThat(index.count()).isEqualTo(FeedIngester.SCAN_BATCH);
        assertThat(counting.calls).containsExactly("bulk load", "upsert " + FeedIngester.SCAN_BATCH,
                "end of bulk load");

        counting.failing = false;
        IngestReport next = ingester(counting, folder).ingestFolder(p -> { });
        assertThat(next.filesUnchanged()).isEqualTo(FeedIngester.SCAN_BATCH / perFile);
        assertThat(next.itemsNew()).isEqualTo(3 * perFile);
        assertThat(index.count()).isEqualTo(files * perFile);
    }

    @Test
    void aScanOfManyArticlesIsOneBulkLoadMergedOnceAtItsEnd() throws IOException {
        int perFile = 2_500;
        int files = FeedIngester.COMPACT_AFTER / perFile;
        Path folder = bulkFeeds(files, perFile);
        Counting counting = new Counting();

        IngestReport report = ingester(counting, folder).ingestFolder(p -> { });

        assertThat(report.itemsNew()).isEqualTo(FeedIngester.COMPACT_AFTER);
        List<String> expected = new ArrayList<>(List.of("bulk load"));
        for (int b = 0; b < FeedIngester.COMPACT_AFTER / FeedIngester.SCAN_BATCH; b++) {
            expected.add("upsert " + FeedIngester.SCAN_BATCH);
        }
        expected.addAll(List.of("compact", "end of bulk load"));
        assertThat(counting.calls).isEqualTo(expected);
        assertThat(index.search(ArticleQuery.builder().keyword("批量文章").build()).total())
                .isEqualTo(FeedIngester.COMPACT_AFTER);
        // one file: a batch of its own, no bulk load
        Files.writeString(folder.resolve("trade-news/f999.xml"), "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>单独一篇</title><guid>one</guid></item></channel></rss>");
        counting.calls.clear();
        assertThat(ingester(counting, folder).ingestFolder(p -> { }).itemsNew()).isEqualTo(1);
        assertThat(counting.calls).containsExactly("upsert 1");
    }
}
