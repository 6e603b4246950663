package cn.creditwindow.web;

import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import io.javalin.http.Context;

/**
 * The request parameters every domain reads the same way, read once here with Javalin's validators: a record's id
 * in the path, an optional id in the query.
 */
public final class Params {
    private Params() {
    }

    /** A numeric path parameter, or not found (an id that cannot exist is a page that does not). */
    public static long pathId(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).check(id -> id > 0, "positive")
                .getOrThrow(e -> new NotFoundException(name + " '" + ctx.pathParam(name) + "' not found",
                        "编号“" + ctx.pathParam(name) + "”不存在"));
    }

    /**
     * An optional positive id in the query, e.g. {@code ?enterpriseId=3}: null when absent or blank, an invalid
     * input naming the parameter when it is not a positive whole number.
     *
     * @param zh the parameter's name in Chinese, e.g. {@code 企业编号}
     * @param en the same in English, e.g. {@code enterprise id}
     */
    public static Long queryId(Context ctx, String name, String zh, String en) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return ctx.queryParamAsClass(name, Long.class).check(id -> id > 0, "positive")
                .getOrThrow(e -> new InvalidInputException(name, zh + "“" + raw + "”应为正整数",
                        en + " '" + raw + "' must be a positive whole number"));
    }
}
