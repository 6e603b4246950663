package cn.creditwindow.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * What {@link Blobs} costs for a 4 MiB and a 40 MiB file on each database (#17, figures in the README): the time a
 * put holds its transaction (on SQLite, the write lock) copying from a local file, the time to read it back, and the
 * bytes the thread allocated for each (the heap a request needs; one chunk, not the file). Not a test: run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> cn.creditwindow.store.BlobsBench}.
 */
final class BlobsBench {
    private BlobsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("blobs-bench");
        try (Database sqlite = Database.openFile(dir.resolve("bench.db"));
             Database pg = Database.open(TestPostgres.newDatabase(), TestPostgres.USER, null, 4)) {
            for (int mib : new int[]{4, 40}) {
                Path file = dir.resolve(mib + ".bin");
                write(file, mib * 1024L * 1024);
                for (int round = 0; round < 3; round++) { // the first rounds warm up; the last is reported
                    boolean report = round == 2;
                    measure("SQLite", sqlite, file, mib, report);
                    measure("PostgreSQL", pg, file, mib, report);
                }
            }
        }
        System.exit(0);
    }

    private static void measure(String name, Database db, Path file, int mib, boolean report) throws IOException {
        Blobs blobs = new Blobs(db, Clock.systemUTC());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        Blobs.Blob b = db.inTransaction(tx -> {
            try (InputStream in = Files.newInputStream(file)) {
                return blobs.put(tx, in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long t1 = System.nanoTime();
        long a1 = threads.getCurrentThreadAllocatedBytes();
        long read = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = blobs.open(b.id())) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
            }
        }
        long t2 = System.nanoTime();
        long a2 = threads.getCurrentThreadAllocatedBytes();
        db.inTransaction(tx -> {
            blobs.delete(tx, b.id());
            return null;
        });
        if (report) {
            System.out.printf("%-10s %2d MiB  put %6.0f ms (%5.0f MiB/s, %6.1f MiB allocated)   read %6.0f ms"
                            + " (%5.0f MiB/s, %6.1f MiB allocated)%n", name, mib, (t1 - t0) / 1e6,
                    mib / ((t1 - t0) / 1e9), (a1 - a0) / 1048576.0, (t2 - t1) / 1e6, read / 1048576.0 / ((t2 - t1) / 1e9),
                    (a2 - a1) / 1048576.0);
        }
    }

    private static void write(Path file, long size) throws IOException {
        Random random = new Random(size);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }
}
