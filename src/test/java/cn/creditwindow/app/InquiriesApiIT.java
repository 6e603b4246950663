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
 * Insurance inquiries (投保咨询) and the administrative divisions over HTTP against the real server: the cascade's
 * lists; an enterprise submits (serial number of the day, 我要投保 by default), the inquiry is read-only, another
 * enterprise gets 404, the Shenzhen account manager and a reviewer see it, the reviewer answers (state and answer
 * shown to the enterprise, the contact notified), a second answer is refused; every bad field is named with nothing
 * saved; municipalities, directly administered counties and cities without districts work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InquiriesApiIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        // 2024-06-17 09:00 in China
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

    private static Map<String, Object> inquiry() {
        Map<String, Object> m = new HashMap<>();
        m.put("companyName", "深圳市示例电子科技有限公司");
        m.put("province", "440000");
        m.put("city", "440300");
        m.put("district", "440303");
        m.put("address", "深南东路 5001 号 12 楼");
        m.put("contactName", "李经理");
        m.put("mobile", "138 0013 8000");
        m.put("email", "li_jing-li@example.com");
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> m = new HashMap<>(base);
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

    private static String zh(TestServer.Response r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("zh").asText() + " / " + e.get("en").asText();
            }
        }
        throw new AssertionError("no error on " + field + ": " + r.body());
    }

    @Test
    void theCascadeListsComeFromTheRealDivisionCodes() {
        ApiClient anyone = ApiClient.anonymous(server);
        JsonNode provinces = anyone.json("/api/regions");
        assertThat(provinces).hasSize(31);
        assertThat(provinces.toString()).contains("{\"code\":\"440000\",\"name\":\"广东省\",\"parent\":null}");
        assertThat(anyone.json("/api/regions/440300/children").toString()).contains("\"440303\"", "罗湖区", "南山区");
        assertThat(anyone.json("/api/regions/110000/children").toString()).contains("110100", "市辖区");
        assertThat(anyone.json("/api/regions/110100/children").toString()).contains("110101", "东城区");
        assertThat(anyone.json("/api/regions/410000/children").toString()).contains("410300", "洛阳市", "419000");
        assertThat(anyone.json("/api/regions/419000/children").toString()).contains("419001", "济源市");
        assertThat(anyone.json("/api/regions/441900/children")).isEmpty();
        assertThat(anyone.json("/api/regions/440303/children")).isEmpty();
        TestServer.Response bad = anyone.get("/api/regions/4403/children");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("code");
        assertThat(anyone.get("/api/regions/999999/children").status()).isEqualTo(404);
    }

    @Test
    void submittedReadOnlyAnsweredOnceAndNotifiedWhileOthersSeeNothing() {
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        ApiClient operator = ApiClient.demo(server, "sz-operator");
        ApiClient other = ApiClient.demo(server, "hn-legal");
        ApiClient manager = ApiClient.demo(server, "manager");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");

        TestServer.Response created = legal.post("/api/inquiries", inquiry());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode i = created.json();
        long id = i.get("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/inquiries/" + id);
        assertThat(i.get("serial").asText()).matches("ZX20240617\\d{4}");
        assertThat(i.get("inquiryType").asText()).as("我要投保 by default").isEqualTo("INSURE");
        assertThat(i.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(i.get("mobile").asText()).isEqualTo("13800138000");
        assertThat(i.at("/province/name").asText()).isEqualTo("广东省");
        assertThat(i.at("/city/name").asText()).isEqualTo("深圳市");
        assertThat(i.at("/district/code").asText()).isEqualTo("440303");
        assertThat(i.at("/district/name").asText()).isEqualTo("罗湖区");
        assertThat(i.get("answer").isNull()).isTrue();
        // the next one the same day takes the next number
        TestServer.Response second = operator.post("/api/inquiries", with(inquiry(), "inquiryType", "BUYER_RESOURCES"));
        assertThat(second.status()).isEqualTo(201);
        long serial1 = Long.parseLong(i.get("serial").asText().substring(10));
        assertThat(second.json().get("serial").asText()).isEqualTo(String.format("ZX20240617%04d", serial1 + 1));
        assertThat(second.json().get("inquiryType").asText()).isEqualTo("BUYER_RESOURCES");

        // the enterprise's people see both; another enterprise sees neither, and gets 404 for the id
        assertThat(operator.json("/api/inquiries").get("items").toString()).contains(i.get("serial").asText());
        assertThat(operator.json("/api/inquiries/" + id).get("companyName").asText()).isEqualTo("深圳市示例电子科技有限公司");
        assertThat(other.json("/api/inquiries").get("items").toString()).doesNotContain(i.get("serial").asText());
        assertThat(other.get("/api/inquiries/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/inquiries/" + id + "/answer", Map.of("answer", "x")).status()).isEqualTo(403);
        // the Shenzhen account manager (portfolio 4403) and the reviewer see it
        assertThat(manager.json("/api/inquiries?state=SUBMITTED").get("items").toString()).contains(i.get("serial").asText());
        assertThat(reviewer.json("/api/inquiries").get("items").toString()).contains(i.get("serial").asText());
        // #13: paged; the reviewer counts every inquiry, another enterprise none of Shenzhen's
        assertThat(PagedLists.readAll(reviewer, "/api/inquiries", 1)).contains(String.valueOf(id))
                .hasSize((int) count("SELECT COUNT(*) FROM inquiries"));
        assertThat(PagedLists.readAll(other, "/api/inquiries", 1)).doesNotContain(String.valueOf(id));
        assertThat(PagedLists.readAll(manager, "/api/inquiries?state=SUBMITTED", 1)).contains(String.valueOf(id));

        // read-only: nothing changes a submitted inquiry, and the enterprise cannot answer it
        String before = legal.json("/api/inquiries/" + id).toString();
        TestServer.Response put = legal.put("/api/inquiries/" + id, with(inquiry(), "companyName", "改名公司"));
        assertThat(put.status()).isIn(404, 405);
        assertThat(legal.delete("/api/inquiries/" + id).status()).isIn(404, 405);
        assertThat(legal.post("/api/inquiries/" + id + "/answer", Map.of("answer", "自问自答")).status()).isEqualTo(403);
        assertThat(legal.json("/api/inquiries/" + id).toString()).isEqualTo(before);

        // the reviewer answers: the state changes, the enterprise sees the answer, the contact is told
        long notices = count("SELECT COUNT(*) FROM outbox WHERE address IN (?, ?)", "li_jing-li@example.com", "13800138000");
        TestServer.Response empty = reviewer.post("/api/inquiries/" + id + "/answer", Map.of("answer", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("answer");
        TestServer.Response answered = reviewer.post("/api/inquiries/" + id + "/answer",
                Map.of("answer", "您好，贵司符合小微企业统保条件，客户经理将于三个工作日内联系您。"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("state").asText()).isEqualTo("ANSWERED");
        JsonNode seen = legal.json("/api/inquiries/" + id);
        assertThat(seen.get("state").asText()).isEqualTo("ANSWERED");
        assertThat(seen.get("answer").asText()).contains("客户经理将于三个工作日内联系您");
        assertThat(seen.get("answeredByName").asText()).isNotBlank();
        assertThat(seen.get("answeredAt").asText()).startsWith("2024-06-17T01:00");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE address IN (?, ?)", "li_jing-li@example.com", "13800138000"))
                .isEqualTo(notices + 2);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'EMAIL' AND address = ? AND body LIKE ?",
                "li_jing-li@example.com", "%" + i.get("serial").asText() + "%客户经理将于三个工作日内联系您%")).isEqualTo(1);
        assertThat(legal.json("/api/outbox").toString()).contains("投保咨询已答复 " + i.get("serial").asText());
        // once only: a second answer is refused and the first stands
        TestServer.Response again = manager.post("/api/inquiries/" + id + "/answer", Map.of("answer", "另一个答复"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("messageZh").asText()).contains("已答复");
        assertThat(legal.json("/api/inquiries/" + id).get("answer").asText()).contains("三个工作日");
        assertThat(legal.json("/api/inquiries?state=ANSWERED").get("items")).hasSize(1);
    }

    @Test
    void aManagerAnswersOnlyTheirPortfoliosInquiries() {
        ApiClient henan = ApiClient.demo(server, "hn-legal");
        TestServer.Response created = henan.post("/api/inquiries", with(inquiry(), "companyName", "郑州示例纺织品有限公司",
                "province", "410000", "city", "410100", "district", "410102"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        ApiClient manager = ApiClient.demo(server, "manager");
        assertThat(manager.get("/api/inquiries/" + id).status()).isEqualTo(404);
        assertThat(manager.post("/api/inquiries/" + id + "/answer", Map.of("answer", "不是我的客户")).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM inquiries WHERE id = ? AND state = 'SUBMITTED'", id)).isEqualTo(1);
        assertThat(ApiClient.demo(server, "admin").post("/api/inquiries/" + id + "/answer", Map.of("answer", "已收到"))
                .status()).isEqualTo(200);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        long before = count("SELECT COUNT(*) FROM inquiries");

        TestServer.Response empty = legal.post("/api/inquiries", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("companyName", "province", "city", "address", "contactName", "mobile",
                "email"); // #13: the city with the province
        assertThat(zh(empty, "province")).contains("请选择省");
        assertThat(zh(empty, "mobile")).contains("请填写手机号码");

        TestServer.Response mobile = legal.post("/api/inquiries", with(inquiry(), "mobile", "12800138000"));
        assertThat(fields(mobile)).containsExactly("mobile");
        assertThat(zh(mobile, "mobile")).contains("手机号码格式不正确", "not a valid mobile number");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "mobile", "1380013800")))).containsExactly("mobile");

        TestServer.Response luoyangInShenzhen = legal.post("/api/inquiries", with(inquiry(), "district", "410302"));
        assertThat(luoyangInShenzhen.status()).isEqualTo(400);
        assertThat(fields(luoyangInShenzhen)).containsExactly("district");
        assertThat(zh(luoyangInShenzhen, "district")).contains("所选区县不属于广东省深圳市", "not in 深圳市 (440300)");

        TestServer.Response cityElsewhere = legal.post("/api/inquiries", with(inquiry(), "city", "410300"));
        assertThat(fields(cityElsewhere)).containsExactly("city");
        assertThat(zh(cityElsewhere, "city")).contains("不属于广东省");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "district", null)))).containsExactly("district");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "province", "999999")))).containsExactly("province");

        TestServer.Response email = legal.post("/api/inquiries", with(inquiry(), "email", "li@example", "companyName", " "));
        assertThat(fields(email)).containsExactly("companyName", "email");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "inquiryType", "BUY")))).containsExactly("inquiryType");
        TestServer.Response other = legal.post("/api/inquiries", with(inquiry(), "inquiryType", "OTHER"));
        assertThat(fields(other)).containsExactly("otherNeeds");
        assertThat(zh(other, "otherNeeds")).contains("我有其他需求");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "companyName", "公".repeat(101)))))
                .containsExactly("companyName");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "address", "路".repeat(201))))).containsExactly("address");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "otherNeeds", "需".repeat(501)))))
                .containsExactly("otherNeeds");
        assertThat(fields(legal.post("/api/inquiries", with(inquiry(), "serial", "ZX202406179999")))).containsExactly("serial");
        assertThat(legal.post("/api/inquiries", "not json").status()).isEqualTo(400);
        assertThat(legal.withoutCsrf().post("/api/inquiries", inquiry()).status()).isEqualTo(403);
        assertThat(ApiClient.demo(server, "reviewer").post("/api/inquiries", inquiry()).status()).isEqualTo(403);
        assertThat(legal.get("/api/inquiries?state=DONE").status()).isEqualTo(400);

        assertThat(count("SELECT COUNT(*) FROM inquiries")).isEqualTo(before);
    }

    @Test
    void municipalitiesDirectlyAdministeredCountiesAndCitiesWithoutDistrictsWork() {
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        TestServer.Response beijing = legal.post("/api/inquiries", with(inquiry(), "province", "110000", "city", "110100",
                "district", "110101"));
        assertThat(beijing.status()).as(beijing.body()).isEqualTo(201);
        assertThat(beijing.json().at("/district/name").asText()).isEqualTo("东城区");
        TestServer.Response jiyuan = legal.post("/api/inquiries", with(inquiry(), "province", "410000", "city", "419000",
                "district", "419001", "inquiryType", "OTHER", "otherNeeds", "了解出口信用保险融资"));
        assertThat(jiyuan.status()).as(jiyuan.body()).isEqualTo(201);
        assertThat(jiyuan.json().at("/district/name").asText()).isEqualTo("济源市");
        assertThat(jiyuan.json().get("otherNeeds").asText()).isEqualTo("了解出口信用保险融资");
        TestServer.Response dongguan = legal.post("/api/inquiries", with(inquiry(), "city", "441900", "district", null));
        assertThat(dongguan.status()).as(dongguan.body()).isEqualTo(201);
        assertThat(dongguan.json().get("district").isNull()).isTrue();
        assertThat(dongguan.json().at("/city/name").asText()).isEqualTo("东莞市");
        TestServer.Response dongguanWithDistrict = legal.post("/api/inquiries", with(inquiry(), "city", "441900"));
        assertThat(fields(dongguanWithDistrict)).containsExactly("district");
    }

    @Test
    void inquiriesSubmittedAtOnceGetTheDaysNextSerialsEachOnce() throws Exception { // #17
        // MAX()+1 gave two writers on PostgreSQL the same number (one failed); the day's counter queues them
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        ApiClient operator = ApiClient.demo(server, "sz-operator");
        long before = count("SELECT COUNT(*) FROM inquiries WHERE serial_day = '20240617'");
        int threads = 8;
        int each = 3;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<TestServer.Response> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<java.util.concurrent.Callable<Void>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ApiClient who = t % 2 == 0 ? legal : operator;
                senders.add(() -> {
                    for (int i = 0; i < each; i++) {
                        answers.add(who.post("/api/inquiries", inquiry()));
                    }
                    return null;
                });
            }
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(senders)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> serials = new ArrayList<>();
        for (TestServer.Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            serials.add(r.json().get("serial").asText());
        }
        List<String> expected = new ArrayList<>();
        for (long n = before + 1; n <= before + threads * each; n++) {
            expected.add(String.format("ZX20240617%04d", n));
        }
        assertThat(serials).containsExactlyInAnyOrderElementsOf(expected);
    }
}
