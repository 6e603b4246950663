package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Credit orders of one enterprise arriving at two app nodes of one deployment at the same moment (#17): the
 * enterprise's row lock makes them take its free reports one after the other across nodes, as SQLite's single
 * writer does on one machine. Runs in the build's cluster run (PostgreSQL and SolrCloud).
 */
class TwoNodesCreditIT extends TwoNodesCase {
    @Override
    TwoNodes start(Path dir) throws IOException {
        return TwoNodes.withDemoPolicy(dir);
    }

    @Test
    void twoHundredOrdersOnBothNodesTakeExactlyThreeFreeReportsAndTheWalletAgrees() throws Exception { // #17
        long gulf = a.app().database().read(tx -> tx.number("SELECT id FROM buyers WHERE name_en = ?",
                "Gulf Star General Trading LLC"));
        ApiClient legal = ApiClient.demo(a, "szt-legal");
        ApiClient operator = ApiClient.demo(b, "szt-operator");
        List<ApiClient> clients = List.of(legal, operator, legal.on(b), operator.on(a));
        int orders = 200;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> placed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            ApiClient c = clients.get(i % clients.size());
            placed.add(pool.submit(() -> {
                go.await();
                return CreditApiIT.orderAtQuotedCharge(c, gulf);
            }));
        }
        go.countDown();
        int free = 0;
        int charged = 0;
        for (Future<JsonNode> f : placed) {
            JsonNode o = f.get(300, TimeUnit.SECONDS);
            if (o.get("free").asBoolean()) {
                free++;
            } else if (!o.get("charge").asText().equals("0.00")) {
                charged++;
            }
        }
        pool.shutdown();
        assertThat(free).isEqualTo(3);
        assertThat(charged).isEqualTo(orders - 3);
        for (TestServer node : List.of(a, b)) {
            JsonNode wallet = legal.on(node).json("/api/credit/wallet");
            assertThat(wallet.get("freeUsed").asInt()).as(wallet.toString()).isEqualTo(3);
            assertThat(wallet.get("freeLeft").asInt()).isZero();
            assertThat(wallet.get("uses").size()).isEqualTo(3);
        }
        long usedInRow = a.app().database().read(tx -> tx.number("SELECT SUM(free_used) FROM credit_quotas"));
        long freeOrders = a.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM credit_orders WHERE free = 1"));
        assertThat(usedInRow).isEqualTo(3);
        assertThat(freeOrders).isEqualTo(3);
    }
}
