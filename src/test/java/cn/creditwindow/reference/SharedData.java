package cn.creditwindow.reference;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public data sets in {@code ../shared/data} (see its SOURCES.md), read in place and never copied
 * into the repository. Tests that need them are skipped where the folder is absent, except on CI
 * ({@code CI=true}), where its absence is a failure.
 */
final class SharedData {
    private SharedData() {
    }

    /** The file at {@code relative} under the shared data folder, or a skip (a failure on CI) when absent. */
    static Path require(String relative) {
        Path file = Path.of(System.getProperty("user.dir")).resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isReadable(file)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("shared data file " + file + " is missing; CI=true requires it");
            }
            assumeTrue(false, "skipped: shared data file " + file + " is absent (only checked where ../shared/data exists)");
        }
        return file;
    }
}
