package cn.creditwindow.feeds;

import cn.creditwindow.store.Leases;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the feed folder into the index ({@link FeedIngester#ingestFolder}): at start-up and at each of the
 * {@link FeedWatcher}'s scans. An embedded index is this node's own, so the node always reads its folder into it. A
 * search cluster's index is shared by every node, and so is the folder in such a deployment (a network mount, or one
 * node's only): the read runs on one node at a time, under the lease {@value #LEASE} (#17); a node that finds another
 * reading skips its turn, since that one reads the same files into the same index. Reading is idempotent (the
 * manifest in the database, the index's upserts), so a read cut off by a dying node is simply read again.
 */
public final class FolderScan {
    /** The lease a node holds while it reads the feed folder into a shared index. */
    public static final String LEASE = "feed-folder-scan";

    private final FeedIngester ingester;
    /** Null for an index of this node's own: nothing to share. */
    private final Leases leases;

    private FolderScan(FeedIngester ingester, Leases leases) {
        this.ingester = Objects.requireNonNull(ingester, "ingester");
        this.leases = leases;
    }

    /** Scans into an index of this node's own (embedded): always. */
    public static FolderScan ownIndex(FeedIngester ingester) {
        return new FolderScan(ingester, null);
    }

    /** Scans into an index several nodes share (a search cluster): on one node at a time. */
    public static FolderScan sharedIndex(FeedIngester ingester, Leases leases) {
        return new FolderScan(ingester, Objects.requireNonNull(leases, "leases"));
    }

    /** Reads new and changed files; empty when another node is reading them now (its turn, not this one's). */
    public Optional<IngestReport> run() {
        if (leases == null) {
            return Optional.of(ingester.ingestFolder(p -> { }));
        }
        Optional<Leases.Lease> lease = leases.take(LEASE);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try (Leases.Lease held = lease.get()) {
            return Optional.of(ingester.ingestFolder(p -> { }));
        }
    }
}
