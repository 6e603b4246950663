package cn.creditwindow.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link BlobsContract} on the embedded SQLite file. */
class BlobsTest extends BlobsContract {
    @TempDir
    Path dir;

    @Override
    protected Database open() {
        return Database.openFile(dir.resolve("t.db"));
    }

    @Override
    protected String url() {
        return "jdbc:sqlite:" + dir.resolve("t.db");
    }
}
