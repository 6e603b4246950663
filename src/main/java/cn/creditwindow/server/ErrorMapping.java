package cn.creditwindow.server;

import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Uploads;

import cn.creditwindow.search.ResultWindowException;
import cn.creditwindow.search.SearchUnavailableException;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.web.Statuses;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into a status and an answer: the only place that does. API paths (see
 * {@link Routes#isApi}) get an {@link ApiError} JSON body; pages get the error page, in the page's
 * language, with the same status.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String WINDOW_ZH = "页码过大：只能翻到前 10000 条结果，请缩小查询范围";
    static final String SEARCH_DOWN_ZH = "检索服务暂时不可用，请稍后再试";
    static final String SEARCH_DOWN_EN = "search is unavailable for the moment; please try again shortly";
    static final String CLASH_ZH = "与已保存的记录冲突（可能有其他请求同时提交），请刷新后重试";
    static final String CLASH_EN = "this conflicts with a record already saved, perhaps by another request at the same"
            + " moment; please reload and try again";

    private ErrorMapping() {
    }

    /** The most of a refused body read before answering 413 (a larger one is cut off by closing the connection). */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    static void install(JavalinConfig config, Pages pages) {
        Answer answer = new Answer(pages);
        // A handler may answer without reading the body it was sent (an accept or a claim drafted from a report,
        // sent {}): Jetty then closes the connection when the body had not all arrived with the headers, without
        // saying so, and a client that keeps connections open sends its next request into the closed one. What is
        // left is read before the answer goes out, as for a refusal (#14: found by InputFuzzIT).
        config.routes.after(ctx -> {
            if (ctx.statusCode() < 400 && hasBody(ctx) && !drain(ctx)) {
                ctx.header("Connection", "close");
            }
        });
        config.routes.exception(InvalidInputException.class, (e, ctx) ->
                answer.send(ctx, 400, "invalid_input", e.getMessage(), zh(e.errors()), e.errors()));
        config.routes.exception(ResultWindowException.class, (e, ctx) ->
                answer.send(ctx, 400, "invalid_input", e.getMessage(), WINDOW_ZH,
                        List.of(new FieldError("page", WINDOW_ZH, e.getMessage()))));
        // the search cluster is down or slow: the user is told to try again, the log says which nodes failed how
        config.routes.exception(SearchUnavailableException.class, (e, ctx) -> {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            answer.send(ctx, 503, "search_unavailable", SEARCH_DOWN_EN, SEARCH_DOWN_ZH, List.of());
        });
        // #17: a unique index or foreign key that no domain code expected to meet: another request saved the same
        // record at the same moment (a race no row lock covers), or the record was there before. The user is asked to
        // reload and try again, the log names the constraint; any other broken constraint is a bug, a 500.
        config.routes.exception(ConstraintViolationException.class, (e, ctx) -> {
            if (e.kind() == ConstraintViolationException.Kind.UNIQUE
                    || e.kind() == ConstraintViolationException.Kind.FOREIGN_KEY) {
                log.warn("{} {}: {} constraint {} met, answered 409", ctx.method(), ctx.path(), e.kind(),
                        e.constraint());
                answer.send(ctx, 409, code(409), CLASH_EN, CLASH_ZH, List.of());
            } else {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                answer.send(ctx, 500, "internal_error", "internal error; the request was logged", "服务器内部错误，已记录",
                        List.of());
            }
        });
        config.routes.exception(Refusal.class, (e, ctx) ->
                answer.send(ctx, Statuses.of(e), code(Statuses.of(e)), e.getMessage(), e.zh(), List.of()));
        // Javalin answers an unmatched route by throwing EndpointNotFound ("Endpoint GET /x not found", English
        // only): it is said in the window's words here, as the most specific handler, before the one below.
        config.routes.exception(EndpointNotFound.class, (e, ctx) -> notFound(answer, ctx));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                answer.send(ctx, e.getStatus(), code(e.getStatus()), e.getMessage(), e.getMessage(), List.of()));
        // uploads: a multipart form Jetty refused to read (over the limits of Uploads: 413; malformed: 400)
        config.routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
            var refusal = Uploads.refusal(e);
            if (refusal.isPresent()) {
                // Jetty gave up the form half-read and closes the connection after this answer: say so
                ctx.header("Connection", "close");
                int status = Statuses.of(refusal.get());
                answer.send(ctx, status, code(status), refusal.get().getMessage(),
                        refusal.get().zh(), List.of());
                return;
            }
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer.send(ctx, 500, "internal_error", "internal error; the request was logged", "服务器内部错误，已记录",
                    List.of());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer.send(ctx, 500, "internal_error", "internal error; the request was logged", "服务器内部错误，已记录",
                    List.of());
        });
        config.routes.error(404, ctx -> {
            // a bare 404 (no answer yet) gets ours, in the page's language; a 404 a handler already answered is left
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                notFound(answer, ctx);
            }
        });
        config.routes.error(405, ctx -> answer.send(ctx, 405, "method_not_allowed",
                ctx.method() + " is not allowed on " + ctx.path(), "不支持该请求方法", List.of()));
    }

    private static void notFound(Answer answer, Context ctx) {
        answer.send(ctx, 404, "not_found", "no such page: " + ctx.path(), "页面不存在：" + ctx.path(), List.of());
    }

    /** Sends an error as JSON or as a page, by the kind of path. */
    private record Answer(Pages pages) {
        void send(Context ctx, int status, String code, String en, String zh, List<FieldError> errors) {
            // A refusal may come before the body was read (413, and 401, 403, 404 from the guards): Jetty then closes
            // the connection once it has answered, and a client still sending gets a reset instead of the answer, or
            // one that keeps connections open sends its next request into the closed one. What is left of the body is
            // read first; when too much is left, or it cannot be read (a multipart form Jetty gave up parsing at its
            // limits), the answer says the connection closes.
            if (hasBody(ctx) && !drain(ctx)) {
                ctx.header("Connection", "close");
            }
            if (Routes.isApi(ctx.path())) {
                ctx.status(status).json(new ApiError(status, code, en, zh, errors));
                return;
            }
            try {
                pages.renderError(ctx, status, zh, en, errors);
            } catch (Exception e) {
                // The error page itself failed (a template bug): still answer, in plain words.
                log.error("error page for {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(status).contentType("text/plain; charset=utf-8")
                        .result(status + " " + zh + "\n" + en + "\n");
            }
        }
    }

    /**
     * Reads and drops what is left of a refused body (up to {@link #DRAIN_LIMIT}): a client still sending when the
     * server answers and closes gets a connection reset instead of the refusal and its message. True when the body
     * was read to its end.
     */
    private static boolean drain(Context ctx) {
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < DRAIN_LIMIT; read += n) {
                n = in.read(buffer);
                if (n == -1) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException | IllegalStateException e) {
            return false; // the body is gone or was read as a form: the answer goes out as it is, and closes
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static String zh(List<FieldError> errors) {
        return String.join("；", errors.stream().map(e -> e.field() + "：" + e.zh()).toList());
    }

    /** The machine-readable code of an error answer's status ({@link ApiError#error()}). */
    static String code(int status) {
        return switch (status) {
            case 400 -> "invalid_input";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 410 -> "gone";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 431 -> "headers_too_large";
            default -> "error";
        };
    }
}
