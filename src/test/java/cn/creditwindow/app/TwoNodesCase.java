package cn.creditwindow.app;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code TwoNodes*IT} whose two nodes are started afresh for each test ({@link #nodes}, as {@link #start} makes
 * them, in {@link #dir}) and closed after it: {@link #a} and {@link #b} are its nodes.
 */
abstract class TwoNodesCase {
    @TempDir
    Path dir;
    TwoNodes nodes;
    TestServer a;
    TestServer b;

    /** The two nodes of one test, started in {@code dir} ({@link TwoNodes#withDemoWorld} or another start). */
    abstract TwoNodes start(Path dir) throws IOException;

    @BeforeEach
    final void startNodes() throws IOException {
        nodes = start(dir);
        a = nodes.a;
        b = nodes.b;
    }

    @AfterEach
    final void closeNodes() throws IOException {
        if (nodes != null) {
            nodes.close();
        }
    }
}
