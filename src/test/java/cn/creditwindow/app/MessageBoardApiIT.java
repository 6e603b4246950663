package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message board (调查问卷) over HTTP against the real server: an enterprise leaves a message (e-mail optional),
 * it is read-only, another enterprise gets 404, the insurer's staff see it and reply once (the submitter sees the
 * reply, the contact is told), and every bad field is named with nothing saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageBoardApiIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        DemoWorld.create(server.app());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private long count(String sql, Object... args) {
        return server.app().database().read(tx -> tx.number(sql, args));
    }

    private static Map<String, Object> message(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        m.put("companyName", "洛阳示例机械制造有限公司");
        m.put("province", "410000");
        m.put("city", "410300");
        m.put("district", "410302");
        m.put("contactName", "王女士");
        m.put("mobile", "+86 139-0037-9000");
        m.put("subject", "关于保单续转");
        m.put("content", "请问明年的小微企业统保保单如何续转？需要准备哪些材料？");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                m.remove((String) pairs[i]);
            } else {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static List<String> fields(TestServer.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    @Test
    void leftReadOnlyRepliedOnceAndSeenByTheSubmitterOnly() {
        ApiClient luoyang = ApiClient.demo(server, "ly-legal");
        ApiClient shenzhen = ApiClient.demo(server, "sz-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient manager = ApiClient.demo(server, "manager");

        TestServer.Response left = luoyang.post("/api/message-board", message());
        assertThat(left.status()).as(left.body()).isEqualTo(201);
        JsonNode m = left.json();
        long id = m.get("id").asLong();
        assertThat(m.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(m.get("mobile").asText()).isEqualTo("13900379000");
        assertThat(m.get("email").isNull()).as("the e-mail is optional").isTrue();
        assertThat(m.at("/city/name").asText()).isEqualTo("洛阳市");
        assertThat(m.at("/district/name").asText()).isEqualTo("老城区");

        // another enterprise and the Shenzhen manager (not Luoyang's) see nothing; the insurer's reviewer sees it
        assertThat(shenzhen.get("/api/message-board/" + id).status()).isEqualTo(404);
        assertThat(shenzhen.json("/api/message-board").get("items").toString()).doesNotContain("关于保单续转");
        assertThat(manager.get("/api/message-board/" + id).status()).isEqualTo(404);
        assertThat(manager.post("/api/message-board/" + id + "/reply", Map.of("reply", "x")).status()).isEqualTo(404);
        assertThat(reviewer.json("/api/message-board?state=SUBMITTED").get("items").toString()).contains("关于保单续转");
        // #13: paged; the reviewer counts every message, Shenzhen none of Luoyang's
        assertThat(PagedLists.readAll(reviewer, "/api/message-board", 1)).contains(String.valueOf(id))
                .hasSize((int) count("SELECT COUNT(*) FROM board_messages"));
        assertThat(PagedLists.readAll(shenzhen, "/api/message-board", 1)).doesNotContain(String.valueOf(id));

        // read-only for the enterprise
        String before = luoyang.json("/api/message-board/" + id).toString();
        assertThat(luoyang.put("/api/message-board/" + id, message("subject", "改")).status()).isIn(404, 405);
        assertThat(luoyang.post("/api/message-board/" + id + "/reply", Map.of("reply", "自己回复")).status()).isEqualTo(403);
        assertThat(luoyang.json("/api/message-board/" + id).toString()).isEqualTo(before);

        // the reviewer replies once; the submitter sees it; the contact gets an SMS (no e-mail was given)
        long sms = count("SELECT COUNT(*) FROM outbox WHERE channel = 'SMS' AND address = '13900379000'");
        assertThat(fields(reviewer.post("/api/message-board/" + id + "/reply", Map.of()))).containsExactly("reply");
        TestServer.Response replied = reviewer.post("/api/message-board/" + id + "/reply",
                Map.of("reply", "保单到期前一个月，系统会推送新的待确认保单，届时在线确认即可。"));
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        JsonNode seen = luoyang.json("/api/message-board/" + id);
        assertThat(seen.get("state").asText()).isEqualTo("REPLIED");
        assertThat(seen.get("reply").asText()).contains("推送新的待确认保单");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'SMS' AND address = '13900379000'")).isEqualTo(sms + 1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'EMAIL' AND subject LIKE '%关于保单续转%'")).isZero();
        assertThat(reviewer.post("/api/message-board/" + id + "/reply", Map.of("reply", "再次回复")).status()).isEqualTo(409);
        assertThat(luoyang.json("/api/message-board/" + id).get("reply").asText()).contains("推送新的待确认保单");

        // with an e-mail, the reply is e-mailed too
        TestServer.Response withEmail = luoyang.post("/api/message-board", message("email", "wang_nv-shi@example.com",
                "subject", "发票问题"));
        assertThat(withEmail.status()).isEqualTo(201);
        assertThat(reviewer.post("/api/message-board/" + withEmail.json().get("id").asLong() + "/reply",
                Map.of("reply", "请联系客户经理。")).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'EMAIL' AND address = 'wang_nv-shi@example.com'"
                + " AND body LIKE '%请联系客户经理%'")).isEqualTo(1);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        ApiClient luoyang = ApiClient.demo(server, "ly-legal");
        long before = count("SELECT COUNT(*) FROM board_messages");
        TestServer.Response empty = luoyang.post("/api/message-board", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("companyName", "province", "city", "contactName", "mobile", "subject",
                "content"); // #13: the city with the province
        assertThat(fields(luoyang.post("/api/message-board", message("mobile", "010-12345678")))).containsExactly("mobile");
        TestServer.Response wrongDistrict = luoyang.post("/api/message-board", message("district", "440303"));
        assertThat(fields(wrongDistrict)).containsExactly("district");
        assertThat(wrongDistrict.json().get("errors").get(0).get("zh").asText()).contains("不属于河南省洛阳市");
        assertThat(fields(luoyang.post("/api/message-board", message("city", "440300")))).containsExactly("city");
        assertThat(fields(luoyang.post("/api/message-board", message("district", null)))).containsExactly("district");
        assertThat(fields(luoyang.post("/api/message-board", message("email", "wang@@example.com")))).containsExactly("email");
        assertThat(fields(luoyang.post("/api/message-board", message("content", "问".repeat(2001))))).containsExactly("content");
        assertThat(fields(luoyang.post("/api/message-board", message("subject", "题".repeat(101))))).containsExactly("subject");
        assertThat(fields(luoyang.post("/api/message-board", message("state", "REPLIED")))).containsExactly("state");
        assertThat(ApiClient.demo(server, "admin").post("/api/message-board", message()).status()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM board_messages")).isEqualTo(before);
    }
}
