package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enterprise's customs declarations over HTTP: imported by insurer staff as CSV and pushed by a system with
 * a {@code customs:push} token; checked per number (✓ 数据正常 / ✗ 未查询到符合条件的数据), another consignor's
 * number answering exactly like an unknown one; the shipment data report with one set per page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomsApiIT {
    static final String SZ_USCC = "914403065X7D8E2A1J";
    static final String HN_USCC = "914101007Q3R8K2M4G";
    static final String SZ_FIRST = "530120260000012345";
    static final String SZ_SECOND = "530120260000012346";
    static final String HN_ONLY = "460120260000000777";
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null);
        DemoWorld.create(server.app());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private static String csvLine(String number, String country, String hs, String goods) {
        return number + "," + SZ_USCC + ",COSU" + number.substring(14) + "," + country + ",2026-03-02,5316,2," + hs + ","
                + goods + ",10,台,5.00,50.00,USD\n";
    }

    @Test
    void importedAndPushedDeclarationsAreCheckedOnlyForTheirConsignor() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        String header = "number,consignor_uscc,bill_of_lading_no,trade_country,export_date,exit_office,transport_mode,"
                + "hs_code,goods_name,quantity,unit,unit_price,total,currency\n";
        byte[] bad = (header + csvLine(SZ_FIRST, "AE", "8516500000", "微波炉") + csvLine("53012026000001234X", "AE",
                "8516500000", "烤箱")).getBytes(StandardCharsets.UTF_8);
        TestServer.Response refused = reviewer.post("/api/customs/import?kind=declarations", bad, "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).startsWith("line 3");
        assertThat(reviewer.get("/api/customs/declarations").json().get("items").size()).as("nothing half-saved").isZero();

        byte[] good = (header + csvLine(SZ_FIRST, "AE", "8516500000", "微波炉") + csvLine(SZ_SECOND, "DE", "8509400000",
                "破壁料理机")).getBytes(StandardCharsets.UTF_8);
        TestServer.Response imported = reviewer.post("/api/customs/import?kind=declarations", good, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(ApiClient.demo(server, "sz-legal").post("/api/customs/import?kind=declarations", good, "text/csv")
                .status()).isEqualTo(403);

        ApiClient admin = ApiClient.demo(server, "admin");
        String token = admin.post("/api/admin/api-tokens", Map.of("name", "customs-feed", "scopes", List.of("customs:push")))
                .json().get("token").asText();
        Map<String, Object> push = Map.of("declarations", List.of(Map.of("number", HN_ONLY, "consignorUscc", HN_USCC,
                "billOfLadingNo", "MSKU777", "tradeCountry", "SA", "exportDate", "2026-04-01", "exitOffice", "4601",
                "transportMode", "2", "goods", List.of(Map.of("hsCode", "5208120000", "name", "棉布", "quantity", "100",
                        "unit", "米", "unitPrice", "3.00", "total", "300.00", "currency", "USD")))));
        TestServer.Response pushed = server.send("POST", "/api/customs/push",
                JsonBody.of(push), "application/json", "Bearer " + token);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        assertThat(server.send("POST", "/api/customs/push", JsonBody.of(push), "application/json", TestServer.PUSH)
                .status()).as("a feed-push token may not push customs data").isEqualTo(403);

        ApiClient sz = ApiClient.demo(server, "sz-legal");
        JsonNode checked = sz.post("/api/customs/declarations/check", Map.of("numbers", List.of(SZ_FIRST, HN_ONLY,
                "530120260000099999"))).json().get("declarations");
        assertThat(checked.get(0).get("ok").asBoolean()).isTrue();
        assertThat(checked.get(0).get("resultZh").asText()).isEqualTo("数据正常");
        assertThat(checked.get(0).get("country").asText()).isEqualTo("AE");
        assertThat(checked.get(1).get("resultZh").asText()).isEqualTo("未查询到符合条件的数据");
        // another consignor's number answers exactly like a number that does not exist
        JsonNode other = checked.get(1).deepCopy();
        JsonNode unknown = checked.get(2).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) other).remove("number");
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown).remove("number");
        assertThat(other).isEqualTo(unknown);
        assertThat(sz.get("/api/customs/declarations/" + HN_ONLY).status()).isEqualTo(404);
        assertThat(ApiClient.demo(server, "hn-legal").get("/api/customs/declarations/" + HN_ONLY).status()).isEqualTo(200);
        // #13: the declarations are paged; each consignor counts its own, the reviewer all of them
        assertThat(PagedLists.readAll(sz, "/api/customs/declarations", 1, "items", "number"))
                .containsExactlyInAnyOrder(SZ_FIRST, SZ_SECOND);
        assertThat(PagedLists.readAll(reviewer, "/api/customs/declarations", 2, "items", "number"))
                .hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM customs_declarations"));
        assertThat(sz.json("/api/customs/declarations?size=1").get("total").asLong()).isEqualTo(2);
        TestServer.Response badNumber = sz.post("/api/customs/declarations/check", Map.of("numbers", List.of("12345")));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().at("/errors/0/zh").asText()).isNotBlank();
        assertThat(badNumber.json().at("/errors/0/en").asText()).isNotBlank();

        TestServer.Response report = sz.post("/api/customs/shipment-report", Map.of("sets", List.of(
                Map.of("serial", "20260302000000000001", "invoiceNumber", "INV-001", "declarationNumbers", List.of(SZ_FIRST)),
                Map.of("serial", "20260302000000000002", "invoiceNumber", "INV-002", "declarationNumbers",
                        List.of(SZ_SECOND)))));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        byte[] pdf = report.raw().body();
        String first = PdfText.of(pdf, "-f", "1", "-l", "1").replaceAll("\\s+", "");
        String second = PdfText.of(pdf, "-f", "2", "-l", "2").replaceAll("\\s+", "");
        assertThat(first).contains("出运数据报告", "INV-001", SZ_FIRST, "微波炉").doesNotContain("INV-002");
        assertThat(second).contains("INV-002", SZ_SECOND, "破壁料理机").doesNotContain("INV-001");
    }

    /** JSON bytes of a value, for requests sent with an API token. */
    static final class JsonBody {
        static byte[] of(Object value) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(value);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
