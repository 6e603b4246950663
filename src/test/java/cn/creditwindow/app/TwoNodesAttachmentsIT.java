package cn.creditwindow.app;

import static cn.creditwindow.app.ClaimAttachmentsIT.FILE_LIMIT;
import static cn.creditwindow.app.ClaimAttachmentsIT.MIB;
import static cn.creditwindow.app.ClaimAttachmentsIT.pdf;
import static org.assertj.core.api.Assertions.assertThat;

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
 * Uploads to one claim arriving at two app nodes at the same moment near the claim's 40 MiB (#17): never over, the
 * running total equal to the attachments' sizes. Runs in the build's cluster run (PostgreSQL and SolrCloud).
 */
class TwoNodesAttachmentsIT extends TwoNodesCase {
    @Override
    TwoNodes start(Path dir) throws IOException {
        return TwoNodes.withDemoPolicy(dir);
    }

    @Test
    void racingUploadsOnBothNodesNeverPassTheClaimsLimit() throws Exception { // #17
        ApiClient onA = ApiClient.demo(a, "szt-legal");
        ApiClient onB = onA.on(b);
        long claim = ClaimAttachmentImportIT.newClaim(a, onA);
        for (int i = 0; i < 9; i++) {
            assertThat(upload(i % 2 == 0 ? onA : onB, claim, "s" + i + ".pdf", pdf(FILE_LIMIT, 200 + i)).status())
                    .isEqualTo(201);
        }
        // 36 MiB used, 4 MiB left: eight uploads of 1.5 MiB race for it on both nodes; two fit
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                ApiClient c = i % 2 == 0 ? onA : onB;
                byte[] content = pdf(3 * MIB / 2, 300 + i);
                String name = "race" + i + ".pdf";
                results.add(pool.submit(() -> {
                    go.await();
                    return upload(c, claim, name, content).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 413);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        long total = a.app().database().read(tx -> tx.number("SELECT attachment_bytes FROM claims WHERE id = ?", claim));
        long sum = a.app().database().read(tx -> tx.number(
                "SELECT COALESCE(SUM(size_bytes), 0) FROM claim_attachments WHERE claim_id = ?", claim));
        assertThat(total).isEqualTo(sum).isEqualTo(39L * MIB).isLessThanOrEqualTo(40L * MIB);
        assertThat(onB.json("/api/claims/" + claim + "/attachments").get("items")).hasSize(11);
    }

    private static TestServer.Response upload(ApiClient c, long claim, String name, byte[] content) {
        return c.post("/api/claims/" + claim + "/attachments?name=" + TestServer.enc(name), content,
                "application/octet-stream");
    }
}
