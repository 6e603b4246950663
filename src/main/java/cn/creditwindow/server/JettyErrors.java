package cn.creditwindow.server;

import cn.creditwindow.web.Pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself, before any route runs: a request it cannot take (an illegal or ambiguous path
 * such as {@code /api/claims/%00}, a request line or header too long, a malformed header). Jetty's own page is
 * English HTML without the window's headers; this one says what is wrong in Chinese and English, as JSON (the
 * {@link ApiError} shape: such a request's path and headers are not known here, so the answer cannot tell a page
 * from the API), with the headers every answer has. Jetty closes the
 * connection after such a refusal, and this answer says so ({@code Connection: close}), so a client that keeps
 * connections open does not send its next request into a closed one.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper mapper;

    JettyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        String zh = switch (status) {
            case 400 -> "请求无法解析（地址、请求行或请求头不合规范）";
            case 414 -> "请求地址过长";
            case 431 -> "请求头过大";
            case 413 -> "请求体过大";
            case 404 -> "页面不存在";
            default -> "请求未能处理（" + status + "）";
        };
        String en = (status == 400 ? "the request could not be read (address, request line or headers): " : "")
                + reason;
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(new ApiError(status, ErrorMapping.code(status), en, zh, List.of()));
        } catch (JsonProcessingException e) {
            body = (status + " " + zh + " / " + en).getBytes(StandardCharsets.UTF_8);
        }
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONNECTION, "close");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
