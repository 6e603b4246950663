package cn.creditwindow.digest;

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
 */
public final class DigestSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final DigestRun run;
    private final Matching matching;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digest-schedule");
        t.setDaemon(true);
        return t;
    });

    public DigestSchedule(DigestRun run, Matching matching, Clock clock) {
        this.run = Objects.requireNonNull(run, "run");
        this.matching = Objects.requireNonNull(matching, "matching");
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

    /** Runs the previous month if its run has not finished; the report, or empty when nothing was due. */
    public Optional<DigestRun.Report> tick() {
        YearMonth due = matching.previousMonth(clock.instant());
        if (run.finished(due)) {
            return Optional.empty();
        }
        return Optional.of(run.run(due, DigestRun.Listener.NONE));
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
