package cn.creditwindow.feeds;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the feeds folder and ingests new or changed files shortly after they stop changing (so a
 * file being copied is read once it is complete). A full rescan runs at a fixed interval as well, in
 * case the file system drops events (network mounts, some containers). With a search cluster shared by several nodes
 * a scan runs on one node at a time ({@link FolderScan}): a node that finds another scanning waits for the next event
 * or rescan.
 */
public final class FeedWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedWatcher.class);

    private final FolderScan folderScan;
    private final Path feedsDir;
    private final Duration quietPeriod;
    private final Duration rescanInterval;
    private final Consumer<IngestReport> onReport;
    private final WatchService watchService;
    private final Thread thread;

    /**
     * @param quietPeriod    how long a folder must be quiet before its changes are read
     * @param rescanInterval how often to rescan everything regardless of events
     * @param onReport       receives the report of every scan that found something
     */
    public FeedWatcher(FolderScan folderScan, Path feedsDir, Duration quietPeriod, Duration rescanInterval,
                       Consumer<IngestReport> onReport) throws IOException {
        this.folderScan = Objects.requireNonNull(folderScan, "folderScan");
        this.feedsDir = feedsDir.toAbsolutePath().normalize();
        this.quietPeriod = quietPeriod;
        this.rescanInterval = rescanInterval;
        this.onReport = onReport;
        Files.createDirectories(this.feedsDir);
        this.watchService = this.feedsDir.getFileSystem().newWatchService();
        registerAll();
        this.thread = new Thread(this::run, "feed-watcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long lastEvent = 0;
        long lastScan = System.nanoTime();
        boolean dirty = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.poll(quietPeriod.toMillis() / 2 + 1, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                    registerAll(); // picks up new sub-folders
                    dirty = true;
                    lastEvent = System.nanoTime();
                }
                long now = System.nanoTime();
                boolean quiet = dirty && now - lastEvent >= quietPeriod.toNanos();
                if (quiet || now - lastScan >= rescanInterval.toNanos()) {
                    scan();
                    dirty = false;
                    lastScan = System.nanoTime();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scan() {
        try {
            folderScan.run().filter(report -> report.files() > report.filesUnchanged()).ifPresent(onReport);
        } catch (RuntimeException e) {
            // a broken scan must not end the watcher; the next event or rescan tries again
            log.error("scanning {} failed", feedsDir, e);
        }
    }

    private void registerAll() {
        try (Stream<Path> dirs = Files.walk(feedsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("watching " + feedsDir, e);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watchService.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
