package cn.creditwindow.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What {@link Changes#generation} costs on each database (#17, the figure in the README): the read every buyer search,
 * article batch and scheme lookup makes before it answers, on a pooled connection of its own, as {@code Buyers} does.
 * Not a test: run with {@code java -cp target/classes:target/test-classes:<dependencies> cn.creditwindow.store.ChangesBench}.
 */
final class ChangesBench {
    private static final int READS = 20_000;

    private ChangesBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("changes-bench");
        Changes topic = Changes.of("buyers");
        try (Database sqlite = Database.openFile(dir.resolve("bench.db"));
             Database pg = Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 4)) {
            for (Database db : new Database[]{sqlite, pg}) {
                db.inTransaction(topic::record);
                double[] rounds = new double[5]; // the first warms up
                for (int round = 0; round < rounds.length; round++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < READS; i++) {
                        topic.generation(db);
                    }
                    rounds[round] = (System.nanoTime() - t0) / 1000.0 / READS;
                }
                double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length);
                Arrays.sort(measured);
                System.out.printf("%-10s generation read: %.0f–%.0f µs (median %.0f µs) over %d reads a round%n",
                        db.dialect(), measured[0], measured[measured.length - 1], measured[measured.length / 2], READS);
            }
        }
        System.exit(0);
    }
}
