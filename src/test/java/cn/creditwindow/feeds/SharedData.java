package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public documents in {@code ../shared/data} (see its SOURCES.md), read in place and never
 * copied into the repository. When the folder is absent, tests that need it are skipped, except on CI
 * ({@code CI=true}), where a missing folder fails them: there it means a broken checkout, not a
 * developer machine without the data.
 */
final class SharedData {

    private SharedData() {
    }

    /** The file at {@code relative} under the shared data folder, or a skip (a failure on CI). */
    static Path file(String relative) {
        Path root = Path.of(System.getProperty("user.dir")).resolve("../shared/data").normalize();
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            String message = "shared data file " + file + " not found (expected the shared data folder at " + root + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(message + "; skipping");
        }
        return file;
    }
}
