package cn.creditwindow.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.config.Config;
import cn.creditwindow.search.ResultWindowException;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.LockedOutException;
import cn.creditwindow.validation.MalformedRequestException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotSignedInException;
import cn.creditwindow.validation.QuotaExhaustedException;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.TooLargeException;
import cn.creditwindow.validation.UnreadableException;
import cn.creditwindow.validation.UnsupportedTypeException;
import cn.creditwindow.web.Json;
import cn.creditwindow.web.Pages;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one error mapping, installed on a small Javalin on a loopback port with handlers that throw: each kind of
 * {@link Refusal} gets its status and an {@link ApiError} body on API paths, the error page elsewhere, and anything
 * unexpected a 500 that gives nothing away.
 */
class ErrorMappingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Each kind of refusal, by the path segment that throws it. */
    private static final Map<String, Supplier<RuntimeException>> THROWN = Map.ofEntries(
            Map.entry("not-signed-in", () -> new NotSignedInException("sign in first", "请先登录")),
            Map.entry("not-allowed", () -> new NotAllowedException("a reviewer may not do this", "审核人员无权进行此操作")),
            Map.entry("conflict", () -> new ConflictException("claim 3 is SUBMITTED", "索赔 3 已提交")),
            Map.entry("quota", () -> new QuotaExhaustedException("3 of 3 free reports used", "3 份免费报告已用完")),
            Map.entry("too-large", () -> new TooLargeException("the file is over 10 MB", "文件超过 10 MB")),
            Map.entry("unsupported", () -> new UnsupportedTypeException("not a PDF", "不是 PDF 文件")),
            Map.entry("unreadable", () -> new UnreadableException("the PDF cannot be read", "PDF 无法读取")),
            Map.entry("locked-out", () -> new LockedOutException("too many tries", "尝试次数过多")),
            Map.entry("malformed", () -> new MalformedRequestException("the body is not JSON", "请求体不是 JSON")),
            Map.entry("not-found", () -> new NotFoundException("claim 9 not found", "索赔 9 不存在")),
            Map.entry("invalid", () -> new InvalidInputException(List.of(
                    new FieldError("amount", "金额须大于 0", "the amount must be positive"),
                    new FieldError("currency", "币种不支持", "unknown currency")))),
            Map.entry("window", () -> new ResultWindowException(1000, 20)),
            Map.entry("bug", () -> new IllegalStateException("row 7 of table secrets is corrupt")),
            Map.entry("duplicate", () -> ConstraintViolationException.of(new SQLException(
                    "ERROR: duplicate key value violates unique constraint \"ux_secrets_name\"", "23505"), "insert")),
            Map.entry("null-column", () -> ConstraintViolationException.of(new SQLException(
                    "[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed (NOT NULL constraint failed: secrets.name)"),
                    "insert")));

    private Javalin server;

    @BeforeEach
    void start() {
        Pages pages = new Pages(Config.CHINA, ctx -> Optional.empty());
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            ErrorMapping.install(config, pages);
            config.routes.get("/api/throw/{kind}", ctx -> {
                throw THROWN.get(ctx.pathParam("kind")).get();
            });
            config.routes.get("/pages/throw/{kind}", ctx -> {
                throw THROWN.get(ctx.pathParam("kind")).get();
            });
            config.routes.post("/api/ignores-body", ctx -> ctx.result("ok"));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode apiError(String kind, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/throw/" + kind);
        assertThat(r.statusCode()).as(kind).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }

    @Test
    void eachKindOfRefusalHasItsStatusAndCode() throws Exception {
        record Expected(String kind, int status, String code) {
        }
        for (Expected e : List.of(new Expected("not-signed-in", 401, "unauthorized"),
                new Expected("not-allowed", 403, "forbidden"), new Expected("conflict", 409, "error"),
                new Expected("quota", 409, "error"), new Expected("too-large", 413, "too_large"),
                new Expected("unsupported", 415, "unsupported_media_type"),
                new Expected("unreadable", 422, "unprocessable"), new Expected("locked-out", 429, "error"),
                new Expected("malformed", 400, "invalid_input"), new Expected("not-found", 404, "not_found"))) {
            JsonNode body = apiError(e.kind(), e.status());
            assertThat(body.get("error").asText()).as(e.kind()).isEqualTo(e.code());
            assertThat(body.get("errors")).as(e.kind()).isEmpty();
        }
    }

    @Test
    void aRefusalCarriesItsMessageInBothLanguages() throws Exception {
        JsonNode body = apiError("conflict", 409);
        assertThat(body.get("message").asText()).isEqualTo("claim 3 is SUBMITTED");
        assertThat(body.get("messageZh").asText()).isEqualTo("索赔 3 已提交");
        assertThat(body.size()).isEqualTo(5);
        JsonNode missing = apiError("not-found", 404);
        assertThat(missing.get("messageZh").asText()).isEqualTo("索赔 9 不存在");
    }

    @Test
    void invalidInputNamesEveryBadFieldInBothLanguages() throws Exception {
        JsonNode body = apiError("invalid", 400);
        assertThat(body.get("error").asText()).isEqualTo("invalid_input");
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(body.get("errors").get(0).get("zh").asText()).isEqualTo("金额须大于 0");
        assertThat(body.get("errors").get(1).get("en").asText()).isEqualTo("unknown currency");
        assertThat(body.get("messageZh").asText()).isEqualTo("amount：金额须大于 0；currency：币种不支持");
    }

    @Test
    void aPageBeyondTheSearchWindowIsABadPageField() throws Exception {
        JsonNode body = apiError("window", 400);
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("page");
        assertThat(body.get("message").asText()).startsWith("page 1000 × size 20 reaches beyond");
    }

    @Test
    void anUnexpectedExceptionIsA500ThatGivesNothingAway() throws Exception {
        JsonNode body = apiError("bug", 500);
        assertThat(body.get("error").asText()).isEqualTo("internal_error");
        assertThat(body.get("message").asText()).isEqualTo("internal error; the request was logged");
        assertThat(body.toString()).doesNotContain("secrets").doesNotContain("IllegalStateException");
    }

    // #17: a unique index met in a race no row lock covers was a 500
    @Test
    void aUniqueIndexNoCodeExpectedIsAConflictToRetryAnyOtherBrokenConstraintA500() throws Exception {
        JsonNode body = apiError("duplicate", 409);
        assertThat(body.get("message").asText()).contains("reload and try again");
        assertThat(body.get("messageZh").asText()).contains("请刷新后重试");
        assertThat(body.toString()).doesNotContain("secrets");
        JsonNode bug = apiError("null-column", 500);
        assertThat(bug.get("error").asText()).isEqualTo("internal_error");
        assertThat(bug.toString()).doesNotContain("secrets");
    }

    // #15: Javalin's own "Endpoint GET /x not found" went out in both languages, the Chinese one included
    @Test
    void anUnknownApiPathIsAJson404NamingIt() throws Exception {
        HttpResponse<String> r = get("/api/no/such");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("not_found");
        assertThat(body.get("message").asText()).isEqualTo("no such page: /api/no/such");
        assertThat(body.get("messageZh").asText()).isEqualTo("页面不存在：/api/no/such");
    }

    @Test
    void onAPageTheSameRefusalIsTheErrorPageWithTheSameStatus() throws Exception {
        HttpResponse<String> r = get("/pages/throw/conflict");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Document zh = Jsoup.parse(r.body());
        assertThat(zh.text()).contains("索赔 3 已提交").doesNotContain("claim 3 is SUBMITTED");
        Document en = Jsoup.parse(get("/pages/throw/conflict?lang=en").body());
        assertThat(en.text()).contains("claim 3 is SUBMITTED");
        HttpResponse<String> unknown = get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).text()).contains("页面不存在：/no/such/page");
    }

    @Test
    void theInvalidFieldsAreListedOnTheErrorPage() throws Exception {
        HttpResponse<String> r = get("/pages/throw/invalid?lang=en");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).text()).contains("the amount must be positive").contains("unknown currency");
    }

    @Test
    void everyStatusTheWindowAnswersHasItsCode() {
        assertThat(ErrorMapping.code(400)).isEqualTo("invalid_input");
        assertThat(ErrorMapping.code(401)).isEqualTo("unauthorized");
        assertThat(ErrorMapping.code(403)).isEqualTo("forbidden");
        assertThat(ErrorMapping.code(404)).isEqualTo("not_found");
        assertThat(ErrorMapping.code(413)).isEqualTo("too_large");
        assertThat(ErrorMapping.code(414)).isEqualTo("uri_too_long");
        assertThat(ErrorMapping.code(415)).isEqualTo("unsupported_media_type");
        assertThat(ErrorMapping.code(422)).isEqualTo("unprocessable");
        assertThat(ErrorMapping.code(431)).isEqualTo("headers_too_large");
        assertThat(ErrorMapping.code(418)).isEqualTo("error");
    }
}
