package cn.creditwindow.digest;

import cn.creditwindow.store.Leases;
import cn.creditwindow.subscriptions.Matching;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the monthly digest inside {@code serve}: from the 1st of each month (in the users' zone, by the injected
 * clock) the previous month's run is due, and it is started at the first look that finds it due and not finished —
 * so a server down on the 1st catches up when it starts, and a restart on the 1st (or a crash in the middle of the
 * run) runs it again, which records and sends only what is missing. One daemon thread looks every
 * {@code period}.
 *
 * <p>Every app node of a deployment runs a schedule; a run happens under the lease {@value #LEASE} (#17), so one node
 * runs the month and the others, looking meanwhile, leave it to that one. If the running node dies, its lease runs out
 * and the next look of another node after that runs the month again, recording and sending only what is missing. Two
 * runs at once (a node that stalled past its lease) still send each subscriber one e-mail: the digest row, unique per
 * subscriber and month, and its e-mail are written in one transaction ({@link DigestRun}).
 */
public final class DigestSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
    /** The lease a node holds while it runs a month's digest. */
    public static final String LEASE = "digest-run";

    private final DigestRun run;
    private final Matching matching;
    private final Leases leases;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digest-schedule");
        t.setDaemon(true);
        return t;
    });

    public DigestSchedule(DigestRun run, Matching matching, Leases leases, Clock clock) {
        this.run = Objects.requireNonNull(run, "run");
        this.matching = Objects.requireNonNull(matching, "matching");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Looks after {@code firstLook}, then every {@code period}. */
    public void start(Duration firstLook, Duration period) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                // the next look tries again; what was recorded stays recorded
                log.error("digest run failed; the next look tries again", e);
            }
        }, firstLook.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the previous month if its run has not finished and no other node is running it; the report, or empty when
     * nothing was due or another node holds the run's lease.
     */
    public Optional<DigestRun.Report> tick() {
        YearMonth due = matching.previousMonth(clock.instant());
        if (run.finished(due)) {
            return Optional.empty();
        }
        Optional<Leases.Lease> lease = leases.take(LEASE);
        if (lease.isEmpty()) {
            log.debug("digest {}: another node is running it", due);
            return Optional.empty();
        }
        try (Leases.Lease held = lease.get()) {
            // looked at again under the lease: the node that held it may have finished the month meanwhile
            return run.finished(due) ? Optional.empty() : Optional.of(run.run(due, DigestRun.Listener.NONE));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
