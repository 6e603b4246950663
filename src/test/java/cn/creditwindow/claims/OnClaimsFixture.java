package cn.creditwindow.claims;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the claims tests share: a fresh {@link ClaimsFixture} on its own database file for each test, closed after. */
abstract class OnClaimsFixture {
    @TempDir
    Path dir;
    ClaimsFixture w;

    @BeforeEach
    void openFixture() {
        w = new ClaimsFixture(dir);
    }

    @AfterEach
    void closeFixture() {
        w.close();
    }
}
