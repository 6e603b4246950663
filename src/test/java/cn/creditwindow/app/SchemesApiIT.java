package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The schemes and quotes over HTTP, with the seeds' own numbers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemesApiIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void listsTheSeedsSchemes() {
        JsonNode items = server.get("/api/schemes").json().get("items");
        assertThat(items).extracting(s -> s.get("id").asText())
                .contains("shenzhen-2023", "henan-2024-small", "henan-2024-medium");
        JsonNode sz = server.get("/api/schemes/shenzhen-2023").json();
        assertThat(sz.at("/perBuyerLimit").decimalValue()).isEqualByComparingTo("150000");
        assertThat(sz.at("/policyYear/start").asText()).isEqualTo("2023-07-01");
        assertThat(sz.at("/freeCreditReports").asInt()).isEqualTo(3);
        assertThat(server.get("/api/schemes/mars-2099").status()).isEqualTo(404);
    }

    @Test
    void quotesWithTheMinimumPremiumAndTheAggregateRule() {
        JsonNode big = server.get("/api/schemes/henan-2024-small/quote?exports=5000000").json();
        assertThat(big.at("/eligible").asBoolean()).isTrue();
        assertThat(big.at("/premium/total").decimalValue()).isEqualByComparingTo("4000");
        assertThat(big.at("/premium/enterprisePart").decimalValue()).isEqualByComparingTo("0");
        assertThat(big.at("/aggregateLimit").decimalValue()).isEqualByComparingTo("240000");
        JsonNode small = server.get("/api/schemes/henan-2024-small/quote?exports=150000").json();
        assertThat(small.at("/premium/total").decimalValue()).isEqualByComparingTo("200");
        assertThat(small.at("/aggregateLimit").decimalValue()).isEqualByComparingTo("100000");
        JsonNode medium = server.get("/api/schemes/henan-2024-medium/quote?exports=10,000,000").json();
        assertThat(medium.at("/premium/enterprisePart").decimalValue()).isEqualByComparingTo("2400");
        assertThat(medium.at("/premium/subsidyPart").decimalValue()).isEqualByComparingTo("9600");
        assertThat(server.get("/api/schemes/henan-2024-small/quote?exports=5000000.01").json().at("/eligible").asBoolean())
                .isFalse();
        TestServer.Response bad = server.get("/api/schemes/henan-2024-small/quote?exports=-5");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("exports");
        assertThat(server.get("/api/schemes/henan-2024-small/quote").status()).isEqualTo(400);
    }
}
