package cn.creditwindow.app;

import static cn.creditwindow.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.subscriptions.Subscriptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits that a read, a check and a write keep, under requests that arrive at the same moment (#17): on SQLite
 * (the single writer) and, in the build's PostgreSQL run, at READ COMMITTED, where only the owner's row lock
 * ({@code Tx.lock}) keeps two requests from both reading "one left".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentLimitsIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2026-11-03T01:00:00Z")));
        server.app().domains().digestSchedule().close();
        DemoWorld.create(server.app());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void racingSubscriptionsNeverPassTheEnterprisesFifty() throws Exception { // #17
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        ApiClient operator = ApiClient.demo(server, "sz-operator");
        for (int i = 1; i < Subscriptions.MAX_PER_ENTERPRISE; i++) {
            assertThat(legal.post("/api/subscriptions", Map.of("name", "订阅" + i)).status()).isEqualTo(201);
        }
        List<Callable<?>> last = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApiClient c = i % 2 == 0 ? legal : operator;
            String name = "最后" + i;
            last.add(() -> c.post("/api/subscriptions", Map.of("name", name)).status());
        }
        List<Object> statuses = race(last);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s.equals(201)).hasSize(1);
        long kept = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM subscriptions WHERE"
                + " enterprise_id = (SELECT enterprise_id FROM users WHERE username = 'sz-legal')"));
        assertThat(kept).isEqualTo(Subscriptions.MAX_PER_ENTERPRISE);
    }
}
