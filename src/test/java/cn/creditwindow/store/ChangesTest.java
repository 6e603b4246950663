package cn.creditwindow.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** #17: {@link ChangesContract} on the embedded SQLite file. */
class ChangesTest extends ChangesContract {
    @TempDir
    Path dir;

    @Override
    protected Database open() {
        return Database.openFile(dir.resolve("changes.db"));
    }
}
