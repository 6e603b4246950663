package cn.creditwindow.digest;

import cn.creditwindow.alarm.Alert;
import cn.creditwindow.alarm.Alerts;
import cn.creditwindow.losses.Obligation;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.store.Database;
import cn.creditwindow.subscriptions.Matched;
import cn.creditwindow.subscriptions.Matching;
import cn.creditwindow.subscriptions.Subscription;
import cn.creditwindow.subscriptions.Subscriptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and records one month's digests: for every subscriber with an active subscription created before the
 * month's end, what each of their active subscriptions matched in the month ({@link Matching}, the search index),
 * their enterprise's alerts of the month, and its deadlines as of the run ({@code LossReports.obligationsOf}: what
 * is due and by when, counted from the day the digest is made).
 *
 * <p><b>Exactly once.</b> Each subscriber's digest row (unique per subscriber and month) and its e-mail (recorded in
 * the outbox through the {@link Notifier}) are written in one transaction, a batch of subscribers per transaction:
 * a run that stops half-way leaves every subscriber either fully recorded or not at all, and a run started again
 * skips those recorded (before building, and once more by the unique row if two runs overlap). The e-mails leave
 * after commit through the outbox's dispatcher, which retries each recipient's failures on its own, so a bad
 * address or a server hiccup never stops the run. An empty digest (nothing matched, no alerts) is recorded as
 * empty and not sent.
 *
 * <p>One run at a time per process ({@link #run} is synchronized).
 */
public final class DigestRun {
    private static final Logger log = LoggerFactory.getLogger(DigestRun.class);
    /** Subscribers recorded per transaction. */
    public static final int DEFAULT_BATCH = 100;

    private final Database db;
    private final Subscriptions subscriptions;
    private final Matching matching;
    private final Alerts alerts;
    private final LongFunction<List<Obligation>> obligations;
    private final DigestMail mail;
    private final Notifier notifier;
    private final ObjectMapper json;
    private final Clock clock;
    private final int batch;

    /** Told of each subscriber recorded, inside its transaction (throwing rolls the batch back). */
    public interface Listener {
        Listener NONE = (userId, digest) -> { };

        void recorded(long userId, Digest digest);
    }

    /**
     * What a run did.
     *
     * @param subscribers  subscribers with active subscriptions
     * @param alreadyDone  of them, recorded by an earlier run (skipped)
     * @param recorded     digests recorded now (sent, empty or without an address)
     * @param sent         of them, e-mails recorded in the outbox
     * @param empty        of them, empty digests (not sent)
     * @param noAddress    of them, subscribers without an e-mail address (kept in the archive only)
     * @param indexQueries index queries made (one per distinct conditions)
     */
    public record Report(YearMonth month, int subscribers, int alreadyDone, int recorded, int sent, int empty,
                         int noAddress, long indexQueries, Duration took) {
    }

    /**
     * @param obligations an enterprise's obligations as of now, soonest first ({@code LossReports::obligationsOf}):
     *                    a function rather than the whole of {@code losses}, which the digest needs nothing else of
     */
    public DigestRun(Database db, Subscriptions subscriptions, Matching matching, Alerts alerts,
                     LongFunction<List<Obligation>> obligations, DigestMail mail, Notifier notifier, ObjectMapper json,
                     Clock clock, int batch) {
        this.db = Objects.requireNonNull(db, "db");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.matching = Objects.requireNonNull(matching, "matching");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.obligations = Objects.requireNonNull(obligations, "obligations");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive, was " + batch);
        }
        this.batch = batch;
    }

    /** Whether a run of the month has finished. */
    public boolean finished(YearMonth month) {
        return db.read(tx -> tx.number("SELECT COUNT(*) FROM digest_runs WHERE month = ? AND finished_at IS NOT NULL",
                month.toString())) > 0;
    }

    /** Runs the month (again: only what is missing is recorded and sent). */
    public synchronized Report run(YearMonth month, Listener listener) {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        db.inTransaction(tx -> tx.update("INSERT INTO digest_runs (month, started_at) VALUES (?, ?)"
                + " ON CONFLICT (month) DO NOTHING", month.toString(), now));
        Instant from = matching.start(month);
        Instant to = matching.start(month.plusMonths(1));
        Map<Long, List<Subscription>> bySubscriber = new LinkedHashMap<>();
        for (Subscription s : subscriptions.active(to)) {
            bySubscriber.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
        }
        Set<Long> done = new HashSet<>(db.read(tx -> tx.list("SELECT user_id FROM digests WHERE month = ?",
                r -> r.longValue("user_id"), month.toString())));
        Map<Long, List<Digest.AlertItem>> alertsOf = new HashMap<>();
        for (Alert a : alerts.between(from, to)) {
            alertsOf.computeIfAbsent(a.enterpriseId(), e -> new ArrayList<>()).add(new Digest.AlertItem(a.buyerCode(),
                    a.buyerNameEn(), a.title(), a.reasonZh(), a.reasonEn(), a.link(), a.createdAt()));
        }
        Matching.Cached cache = matching.cached();
        Map<Long, List<Digest.DeadlineItem>> deadlinesOf = new HashMap<>();
        int[] counts = new int[4]; // recorded, sent, empty, noAddress
        List<List<Subscription>> pending = new ArrayList<>();
        int alreadyDone = 0;
        for (Map.Entry<Long, List<Subscription>> e : bySubscriber.entrySet()) {
            if (done.contains(e.getKey())) {
                alreadyDone++;
                continue;
            }
            pending.add(e.getValue());
            if (pending.size() == batch) {
                record(month, pending, cache, alertsOf, deadlinesOf, listener, counts);
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            record(month, pending, cache, alertsOf, deadlinesOf, listener, counts);
        }
        db.inTransaction(tx -> tx.update("UPDATE digest_runs SET finished_at = ?, recorded = recorded + ?,"
                + " sent = sent + ? WHERE month = ?", clock.instant(), counts[0], counts[1], month.toString()));
        Report report = new Report(month, bySubscriber.size(), alreadyDone, counts[0], counts[1], counts[2], counts[3],
                cache.queries(), Duration.ofNanos(System.nanoTime() - t0));
        log.info("digest {}: {} subscribers, {} recorded before, {} recorded now ({} e-mails, {} empty, {} without"
                        + " address), {} index queries, {} ms", month, report.subscribers(), alreadyDone, counts[0],
                counts[1], counts[2], counts[3], report.indexQueries(), report.took().toMillis());
        return report;
    }

    /** Builds the digests of a batch of subscribers (outside any transaction), then records them in one. */
    private void record(YearMonth month, List<List<Subscription>> subscribers, Matching.Cached cache,
                        Map<Long, List<Digest.AlertItem>> alertsOf, Map<Long, List<Digest.DeadlineItem>> deadlinesOf,
                        Listener listener, int[] counts) {
        List<Digest> digests = new ArrayList<>(subscribers.size());
        for (List<Subscription> subs : subscribers) {
            List<Matched> sections = new ArrayList<>(subs.size());
            for (Subscription s : subs) {
                sections.add(cache.month(s, month));
            }
            Subscription first = subs.get(0);
            digests.add(new Digest(month.toString(), first.userName(), sections,
                    alertsOf.getOrDefault(first.enterpriseId(), List.of()),
                    deadlinesOf.computeIfAbsent(first.enterpriseId(), this::deadlines)));
        }
        Instant now = clock.instant();
        int[] batchCounts = new int[4];
        db.inTransaction(tx -> {
            for (int i = 0; i < digests.size(); i++) {
                Digest d = digests.get(i);
                Subscription owner = subscribers.get(i).get(0);
                String address = owner.userEmail() == null || owner.userEmail().isBlank() ? null : owner.userEmail();
                boolean send = !d.tellsNothing() && address != null;
                int inserted = tx.update("INSERT INTO digests (user_id, enterprise_id, month, articles, alerts, sent,"
                        + " content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, month) DO NOTHING",
                        owner.userId(), owner.enterpriseId(), d.month(), d.articles(), d.alerts().size(), send,
                        toJson(d), now);
                if (inserted == 0) {
                    continue; // another run recorded this subscriber meanwhile
                }
                batchCounts[0]++;
                if (send) {
                    notifier.send(tx, mail.notice(owner.enterpriseId(), owner.userId(), address, d));
                    batchCounts[1]++;
                } else if (d.tellsNothing()) {
                    batchCounts[2]++;
                } else {
                    batchCounts[3]++;
                }
                listener.recorded(owner.userId(), d);
            }
            return null;
        });
        for (int i = 0; i < counts.length; i++) {
            counts[i] += batchCounts[i];
        }
    }

    /** The enterprise's obligations as of now, in the home page's words (one query per enterprise and run). */
    private List<Digest.DeadlineItem> deadlines(long enterpriseId) {
        List<Digest.DeadlineItem> out = new ArrayList<>();
        for (Obligation o : obligations.apply(enterpriseId)) {
            out.add(new Digest.DeadlineItem(o.kind().name(), o.zh(), o.en(), o.overdue(), o.buyerCode(), o.buyerName(),
                    o.reference(), o.dueOn(), o.href()));
        }
        return out;
    }

    private String toJson(Digest d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing digest " + d.month() + " as JSON: " + e.getMessage(), e);
        }
    }
}
