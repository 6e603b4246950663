package cn.creditwindow.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Two app nodes of one deployment for the {@code TwoNodes*IT} tests (#17): node {@link #a} started as a test server,
 * node {@link #b} its {@link TestServer#secondNode}, the same records and Solr collection on their own ports. They run
 * in the build's cluster run (PostgreSQL and SolrCloud); started anywhere else, the test is skipped. Closing closes both.
 */
final class TwoNodes implements AutoCloseable {
    final TestServer a;
    final TestServer b;

    private TwoNodes(TestServer a, TestServer b) {
        this.a = a;
        this.b = b;
    }

    /** Both nodes on {@code clock}, with the settings {@code customise} makes; no demo world. */
    static TwoNodes start(Path dir, Clock clock, UnaryOperator<Config> customise) throws IOException {
        assumeTrue(TestSearch.onSolr(), "two nodes share a search cluster: this runs in the on-cluster run");
        TestServer a = TestServer.start(dir.resolve("a"), null, null, clock, customise);
        try {
            return new TwoNodes(a, TestServer.secondNode(a, dir.resolve("b")));
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
    }

    /** Both nodes on the real clock, with the demo world. */
    static TwoNodes withDemoWorld(Path dir) throws IOException {
        TwoNodes nodes = start(dir, Clock.systemUTC(), UnaryOperator.identity());
        DemoWorld.create(nodes.a.app());
        return nodes;
    }

    /**
     * Both nodes in June 2024, when the demo scheme the claims' and credit reports' policy comes from is open, with the
     * demo world and the credit enterprise's policy in effect.
     */
    static TwoNodes withDemoPolicy(Path dir) throws IOException {
        TwoNodes nodes = start(dir, new TestClock(Instant.parse("2024-06-17T01:00:00Z")), UnaryOperator.identity());
        DemoWorld.create(nodes.a.app()).effectiveCreditPolicy(nodes.a.app(), Config.CHINA);
        return nodes;
    }

    @Override
    public void close() throws IOException {
        try {
            b.close();
        } finally {
            a.close();
        }
    }
}
