package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Leases} on each database (#17): SQLite runs these as {@link LeasesTest}, PostgreSQL as
 * {@link PostgresLeasesIT}. Two nodes are two {@link Leases} of different holders on one database, with one test
 * clock; the lease time is a minute, so the renewer threads never run during a test.
 */
abstract class LeasesContract {
    private static final Duration TIME = Duration.ofMinutes(1);
    private final TestClock clock = TestClock.at2026();
    private Database db;
    private Leases a;
    private Leases b;

    /** A fresh database of the kind under test, migrated. */
    protected abstract Database open();

    @BeforeEach
    void openDatabase() {
        db = open();
        a = new Leases(db, clock, "node-a", TIME);
        b = new Leases(db, clock, "node-b", TIME);
    }

    @AfterEach
    void closeDatabase() {
        a.close();
        b.close();
        db.close();
    }

    private String holderOf(String name) {
        return db.read(tx -> tx.one("SELECT holder FROM leases WHERE name = ?", r -> r.string("holder"), name))
                .orElse(null);
    }

    @Test
    void aFreeLeaseIsTakenByOneNodeAndRefusedToTheOther() { // #17
        Optional<Leases.Lease> digest = a.take("digest");
        assertThat(digest).isPresent();
        assertThat(holderOf("digest")).isEqualTo("node-a");
        assertThat(b.take("digest")).isEmpty();
        assertThat(a.take("digest")).as("held once per process too").isEmpty();
        assertThat(b.take("feeds")).as("another name is another lease").isPresent();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() { // #17
        a.take("digest").orElseThrow().close();
        assertThat(holderOf("digest")).isNull();
        assertThat(b.take("digest")).isPresent();
        assertThat(holderOf("digest")).isEqualTo("node-b");
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstExpiry() { // #17
        Leases.Lease lease = a.take("digest").orElseThrow();
        clock.advance(Duration.ofSeconds(40));
        assertThat(lease.renew()).isTrue();
        clock.advance(Duration.ofSeconds(40)); // 80 s after the take, 40 s after the renewal
        assertThat(b.take("digest")).isEmpty();
        assertThat(lease.held()).isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsFormerHolderLearnsSoAtItsNextRenewal() { // #17
        Leases.Lease lease = a.take("digest").orElseThrow();
        clock.advance(TIME.minusSeconds(1));
        assertThat(b.take("digest")).as("not yet expired").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        Leases.Lease taken = b.take("digest").orElseThrow();
        assertThat(holderOf("digest")).isEqualTo("node-b");

        assertThat(lease.renew()).isFalse();
        assertThat(lease.held()).isFalse();
        lease.close(); // the former holder's release must not free the new holder's lease
        assertThat(holderOf("digest")).isEqualTo("node-b");
        assertThat(taken.held()).isTrue();
        assertThat(a.take("digest")).isEmpty();
    }

    @Test
    void aHolderThatStartsAgainUnderItsOwnNameTakesBackWhatItLeft() { // #17: a release that failed
        a.take("digest").orElseThrow();
        Leases again = new Leases(db, clock, "node-a", TIME);
        try {
            assertThat(again.take("digest")).isPresent();
        } finally {
            again.close();
        }
    }

    @Test
    void nodesRacingForAFreeLeaseGiveItToExactlyOne() throws Exception { // #17
        int nodes = 8;
        List<Leases> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Callable<Boolean>> takers = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Leases node = new Leases(db, clock, "racer-" + i, TIME);
                all.add(node);
                takers.add(() -> node.take("digest").isPresent());
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(takers)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
            all.forEach(Leases::close);
        }
    }
}
