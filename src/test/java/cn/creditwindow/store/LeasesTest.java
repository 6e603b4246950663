package cn.creditwindow.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** #17: {@link LeasesContract} on the embedded SQLite file. */
class LeasesTest extends LeasesContract {
    @TempDir
    Path dir;

    @Override
    protected Database open() {
        return Database.openFile(dir.resolve("leases.db"));
    }
}
