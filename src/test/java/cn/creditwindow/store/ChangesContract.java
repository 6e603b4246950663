package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Changes} on each database (#17): SQLite runs these as {@link ChangesTest}, PostgreSQL as
 * {@link PostgresChangesIT}. What the copies in memory rely on: a generation counts committed changes only, and a
 * change waits for the one before it to end.
 */
abstract class ChangesContract {
    private static final Changes BUYERS = Changes.of("buyers_test");
    private Database db;

    /** A fresh database of the kind under test, migrated. */
    protected abstract Database open();

    @BeforeEach
    void openDatabase() {
        db = open();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void theGenerationIsZeroUntilTheFirstChangeThenTheNumberOfTheLast() { // #17
        assertThat(BUYERS.generation(db)).isZero();
        assertThat(db.inTransaction(BUYERS::record)).isEqualTo(1);
        assertThat(db.inTransaction(BUYERS::record)).isEqualTo(2);
        assertThat(BUYERS.generation(db)).isEqualTo(2);
        assertThat(Changes.of("watches_test").generation(db)).as("another topic").isZero();
    }

    @Test
    void aRolledBackChangeLeavesTheGenerationAndItsNumberIsGivenAgain() { // #17
        db.inTransaction(BUYERS::record);
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            BUYERS.record(tx);
            throw new IllegalStateException("half-way");
        })).hasMessage("half-way");
        assertThat(BUYERS.generation(db)).isEqualTo(1);
        assertThat(db.inTransaction(BUYERS::record)).isEqualTo(2);
    }

    @Test
    void aChangeCountsOnlyOnceCommittedAndTheNextWaitsForIt() throws Exception { // #17
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = pool.submit(() -> db.inTransaction(tx -> {
                long n = BUYERS.record(tx);
                tx.update("INSERT INTO counters (name, value) VALUES ('row_of_change_1', 1)");
                recorded.countDown();
                await(commit);
                return n;
            }));
            assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
            // a node reading now sees neither the change nor its row
            assertThat(BUYERS.generation(db)).isZero();
            Future<Long> second = pool.submit(() -> db.inTransaction(BUYERS::record));
            Thread.sleep(200); // time enough to take the counter if nothing held it
            assertThat(second.isDone()).as("the second change waits for the first").isFalse();
            commit.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(BUYERS.generation(db)).isEqualTo(2);
            long row = db.read(tx -> tx.number("SELECT COUNT(*) FROM counters WHERE name = 'row_of_change_1'"));
            assertThat(row).isOne();
        } finally {
            commit.countDown();
            pool.shutdown();
        }
    }

    @Test
    void aTopicIsAPlainLowerCaseName() {
        assertThatThrownBy(() -> Changes.of("Buyers; DROP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Buyers; DROP");
        assertThat(Changes.of("buyers")).hasToString("changes:buyers");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
