package cn.creditwindow;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public data the team keeps beside the project ({@code ../shared/data}), read in place.
 * Tests that need it are skipped with a message when it is absent, except on CI ({@code CI=true}),
 * where its absence is a failure.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The data folder, or the test is skipped (locally) / failed (CI) when it is missing. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../shared/data").normalize();
        if (!Files.isDirectory(dir)) {
            String message = "shared test data not found at " + dir + " (the folder ../shared/data beside the project)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + "; on CI it is required");
            }
            Assumptions.abort(message + "; skipping");
        }
        return dir;
    }

    /** A file of the data folder; missing = skipped locally, failed on CI. */
    public static Path require(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError("shared data file missing: " + file);
        }
        return file;
    }
}
