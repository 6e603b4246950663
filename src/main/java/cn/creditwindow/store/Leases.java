package cn.creditwindow.store;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named leases in the {@code leases} table, so that a piece of scheduled work (the monthly digest run, the feed-folder
 * scans) runs on one app node at a time when several share the database (#17). {@link #take} takes a lease when no
 * one holds it or its holder let it expire; while it is held a daemon thread renews it every third of the
 * {@linkplain #time() lease time}; {@link Lease#close} gives it up. A node that dies stops renewing, and another node
 * takes the lease over once it has expired: within one lease time of the last renewal.
 *
 * <p>A lease row rather than PostgreSQL's advisory locks: the same SQL on SQLite and PostgreSQL (one code path, tested
 * on both), a lease does not hold a pooled connection for the length of a run (an advisory lock lives on the
 * connection that took it), and who holds what can be read from the table. The price is that a dead holder's work
 * waits up to one lease time, and that the nodes' clocks must agree to well within the lease time (each node
 * compares its own clock with the expiry another node wrote): keep them in step (NTP) and the lease time in minutes,
 * not seconds, in production.
 *
 * <p>A lease guards against duplicated effort, not against duplicated effects: a holder that stalls longer than the
 * lease time (a long GC pause, a lost network) may find that another node took over, and both may work for a
 * moment; {@link Lease#held()} tells it so at its next renewal. Work under a lease must therefore also be safe to run
 * twice at once (the digest's one row per subscriber and month, the feed manifest's idempotent upserts).
 *
 * <p>Thread-safe. Within one process a lease is held at most once: a second {@link #take} of a name this process
 * holds is refused, as another node's would be.
 */
public final class Leases implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    /** Takes a lease that is free, expired, or this holder's own (left by an earlier run that could not release it). */
    private static final String TAKE = "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
            + " WHERE leases.expires_at <= ? OR leases.holder = excluded.holder";

    private final Database db;
    private final Clock clock;
    private final String holder;
    private final Duration time;
    private final Map<String, Lease> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lease-renewer");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param clock  the real time (not a demo clock): when leases expire
     * @param holder this process's name in the table, unique among the nodes ({@link #uniqueHolder})
     * @param time   how long a lease lasts without renewal: how long a dead holder's work waits for another node
     */
    public Leases(Database db, Clock clock, String holder, Duration time) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.time = Objects.requireNonNull(time, "time");
        if (time.toMillis() < 30) {
            throw new IllegalArgumentException("a lease must last at least 30 ms, was " + time);
        }
        long every = time.toMillis() / 3;
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** A holder name for this process: its process id and host (as the JVM reports them) and a random part. */
    public static String uniqueHolder() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + HexFormat.of().formatHex(random);
    }

    /** This process's name in the table. */
    public String holder() {
        return holder;
    }

    /** How long a lease lasts without renewal. */
    public Duration time() {
        return time;
    }

    /** The time leases are measured by. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Takes the lease {@code name} for this process if no one holds it, or its holder let it expire; empty when another
     * node (or this process, for other work) holds it. Close the lease when the work is done.
     */
    public Optional<Lease> take(String name) {
        Objects.requireNonNull(name, "name");
        Lease lease = new Lease(name);
        if (held.putIfAbsent(name, lease) != null) {
            return Optional.empty();
        }
        boolean taken = false;
        try {
            Instant now = clock.instant();
            taken = db.inTransaction(tx -> tx.update(TAKE, name, holder, now.plus(time), now)) == 1;
        } finally {
            if (!taken) {
                held.remove(name, lease);
            }
        }
        return taken ? Optional.of(lease) : Optional.empty();
    }

    /** Renews every lease this process holds; the renewer thread calls it (tests may call it directly). */
    void renewAll() {
        for (Lease lease : held.values()) {
            try {
                lease.renew();
            } catch (RuntimeException e) {
                // the database is unreachable: try again at the next turn (the lease may expire meanwhile)
                log.warn("renewing lease {} failed: {}", lease.name, e.getMessage());
            }
        }
    }

    /** Stops renewing. Leases still held stay in the table until they expire (their work was cut off). */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A lease this process holds, until {@link #close} or until a renewal finds it taken over. */
    public final class Lease implements AutoCloseable {
        private final String name;
        private volatile boolean lost;

        private Lease(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /**
         * Whether this process still holds the lease as far as it knows: false once a renewal found that another node
         * took it over (this one let it expire), or once closed.
         */
        public boolean held() {
            return !lost;
        }

        /** Moves the expiry one lease time on from now; false (and the lease lost) when another node holds it now. */
        public boolean renew() {
            if (lost) {
                return false;
            }
            int renewed = db.inTransaction(tx -> tx.update("UPDATE leases SET expires_at = ? WHERE name = ?"
                    + " AND holder = ?", clock.instant().plus(time), name, holder));
            if (renewed == 0) {
                lost = true;
                held.remove(name, this);
                log.warn("lease {} was taken over by another node: it had expired before {} renewed it", name, holder);
            }
            return renewed == 1;
        }

        /** Gives the lease up (deletes its row, if still this holder's), so another node may take it at once. */
        @Override
        public void close() {
            if (lost) {
                return;
            }
            lost = true;
            held.remove(name, this);
            db.inTransaction(tx -> tx.update("DELETE FROM leases WHERE name = ? AND holder = ?", name, holder));
        }
    }
}
