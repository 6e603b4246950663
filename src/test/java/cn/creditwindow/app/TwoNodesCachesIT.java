package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a node keeps in memory follows changes made through the other (#17): the buyer directory's search index, the
 * credit alarm's watched names and the scheme catalogue catch up through the database's change counters before they
 * answer, and the sign-in lockout is counted in the database. Both nodes started before the changes, so neither
 * built its copy after them. Runs in the build's cluster run (PostgreSQL and SolrCloud).
 */
class TwoNodesCachesIT extends TwoNodesCase {
    @Override
    TwoNodes start(Path dir) throws IOException {
        return TwoNodes.withDemoWorld(dir);
    }

    @Test
    void aBuyerAddedOnOneNodeIsFoundOnTheOther() { // #17
        ApiClient onA = ApiClient.demo(a, "sz-operator");
        ApiClient onB = onA.on(b);
        TestServer.Response added = onA.post("/api/buyers", Map.of("nameEn", "Andes Copper Traders SAC",
                "nameZh", "安第斯铜业贸易公司", "country", "PE"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        JsonNode found = onB.json("/api/buyers?q=" + TestServer.enc("andes coper traders"));
        assertThat(found.get("items")).extracting(h -> h.at("/buyer/code").asText())
                .containsExactly(added.json().at("/buyer/code").asText());
        assertThat(onB.json("/api/buyers?q=" + TestServer.enc("安第斯铜业")).get("total").asLong()).isOne();
    }

    @Test
    void aWatchAddedOnOneNodeAlertsOnTheOthersNextArticle() { // #17
        ApiClient onA = ApiClient.demo(a, "sz-operator");
        long falcon = onA.json("/api/buyers?q=" + TestServer.enc("Falcon Crest Electronics") + "&country=AE")
                .at("/items/0/buyer/id").asLong();
        TestServer.Response watch = onA.post("/api/watches", Map.of("buyerId", falcon));
        assertThat(watch.status()).as(watch.body()).isEqualTo(201);

        TestServer.Response pushed = b.post("/api/feeds?module=country-alert", AlarmIT.rss("two-nodes-alarm-1",
                "Sharjah: Falcon Crest Electronics stops payments to suppliers", "<p>Creditors met on Monday.</p>"),
                "application/rss+xml", TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);

        JsonNode alerts = onA.on(b).json("/api/alerts?unread=true");
        assertThat(alerts.get("items")).extracting(n -> n.get("buyerId").asLong()).containsExactly(falcon);
        // ended on B: A's next article alerts nobody
        assertThat(onA.on(b).delete("/api/watches/" + falcon).status()).isEqualTo(204);
        a.post("/api/feeds?module=country-alert", AlarmIT.rss("two-nodes-alarm-2",
                "Falcon Crest Electronics: creditors meet again", "<p>No agreement.</p>"), "application/rss+xml",
                TestServer.PUSH);
        assertThat(onA.json("/api/alerts").get("items")).hasSize(1);
    }

    @Test
    void aSchemeAddedOnOneNodeIsOfferedOnTheOther() throws IOException { // #17
        String demo;
        try (InputStream in = TwoNodesCachesIT.class.getResourceAsStream("/demo/shenzhen-demo-2026.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String next = demo.replace("shenzhen-demo-2026", "shenzhen-demo-2027").replace("2027-06-30", "2028-06-30")
                .replace("2026-07-01", "2027-07-01").replace("2026-06-30", "2027-06-30")
                .replace("\"exportsYear\": 2025", "\"exportsYear\": 2026");
        assertThat(b.get("/api/schemes/shenzhen-demo-2027").status()).isEqualTo(404);

        TestServer.Response added = ApiClient.demo(a, "admin").post("/api/admin/schemes",
                next.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        assertThat(b.get("/api/schemes/shenzhen-demo-2027").status()).isEqualTo(200);
        assertThat(b.get("/api/schemes").json().toString()).contains("shenzhen-demo-2027");
    }

    @Test
    void aLockoutReachedThroughOneNodeHoldsOnTheOther() { // #17
        ApiClient onA = ApiClient.anonymous(a);
        for (int i = 0; i < 4; i++) {
            assertThat(onA.post("/api/session", Map.of("username", "hn-operator", "password", "nope-nope")).status())
                    .isEqualTo(401);
        }
        assertThat(onA.post("/api/session", Map.of("username", "hn-operator", "password", "nope-nope")).status())
                .isEqualTo(429);
        TestServer.Response onB = ApiClient.anonymous(b).post("/api/session", Map.of("username", "hn-operator",
                "password", DemoWorld.PASSWORD));
        assertThat(onB.status()).as(onB.body()).isEqualTo(429);
    }
}
