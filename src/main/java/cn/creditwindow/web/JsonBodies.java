package cn.creditwindow.web;

import cn.creditwindow.validation.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies into records, strictly: a body that is not JSON, has a property the record
 * does not know, or has a value of the wrong type is a 400 naming the field, in both languages. Checks of
 * the values themselves are the domain's.
 */
public final class JsonBodies {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public <T> T read(Context ctx, Class<T> type) {
        String type0 = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type0.startsWith("application/json")) {
            throw new InvalidInputException("body", "请以 JSON 提交（Content-Type: application/json）",
                    "send the body as JSON (Content-Type: application/json)");
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("body", "请求体为空", "the request body is empty");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("body", "请求体应为 JSON 对象", "the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(e.getPropertyName(), "未知字段“" + e.getPropertyName() + "”",
                    "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String f = field.isEmpty() ? "body" : field;
            throw new InvalidInputException(f, "字段“" + f + "”的值类型不正确", "field '" + f + "' has a value of the wrong type");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "请求体不是有效的 JSON", "the body is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }
}
