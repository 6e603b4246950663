package cn.creditwindow.store;

import java.io.InputStream;
import java.time.Clock;

/**
 * A process that starts writing a blob and never finishes (#17): it writes chunks in a transaction, prints
 * {@value #HALF_WAY} once some are written, then waits inside the transaction to be killed. For
 * {@link BlobsContract#aWriterKilledMidTransactionLeavesNothingAndHoldsNothing}.
 */
final class BlobWriter {
    static final String HALF_WAY = "half-way";

    private BlobWriter() {
    }

    public static void main(String[] args) {
        Database db = Database.open(args[0], TestPostgres.USER, null, 1);
        Blobs blobs = new Blobs(db, Clock.systemUTC());
        db.inTransaction(tx -> blobs.put(tx, new InputStream() {
            private long given;

            @Override
            public int read() {
                if (given++ == 3L * Blobs.CHUNK_BYTES) { // three chunks are written by now
                    System.out.println(HALF_WAY);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return 1;
            }
        }));
    }
}
