package cn.creditwindow.reference;

import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import io.javalin.http.Context;

/**
 * {@code GET /api/regions} and {@code GET /api/regions/{code}/children}: the administrative divisions the cascading
 * address selects choose from. Public, like the other reference lists: they are the state's published codes, and the
 * forms' script fetches them level by level.
 */
public record RegionHandlers(Regions regions) {
    /** The lists change with a new edition of the codes only, i.e. with a new release. */
    private static final String CACHE = "public, max-age=86400";

    /** The province-level units. */
    public void provinces(Context ctx) {
        ctx.header("Cache-Control", CACHE).json(regions.provinces());
    }

    /** The divisions directly under one: a province's cities, a city's districts; a district has none. */
    public void children(Context ctx) {
        String code = ctx.pathParam("code");
        if (!code.matches("\\d{6}")) {
            throw new InvalidInputException("code", "区划代码应为 6 位数字，例如 440300",
                    "a division code has 6 digits, e.g. 440300");
        }
        regions.find(code).orElseThrow(() -> new NotFoundException("no administrative division " + code,
                "区划代码 " + code + " 不存在"));
        ctx.header("Cache-Control", CACHE).json(regions.children(code));
    }
}
