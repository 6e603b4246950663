package cn.creditwindow.reference;

import cn.creditwindow.search.Module;
import io.javalin.http.Context;
import java.util.Arrays;

/** {@code GET /api/reference/…}: the lists the search filters choose from, in Chinese and English. */
public record ReferenceHandlers(Countries countries, Industries industries) {
    public void countries(Context ctx) {
        ctx.json(countries.all());
    }

    public void industries(Context ctx) {
        ctx.json(industries.all());
    }

    public void modules(Context ctx) {
        ctx.json(Arrays.stream(Module.values()).map(ModuleInfo::of).toList());
    }

    /** A module as the API lists it. */
    record ModuleInfo(String id, String nameZh, String nameEn, String folder) {
        static ModuleInfo of(Module m) {
            return new ModuleInfo(m.id(), m.nameZh(), m.nameEn(), m.folder());
        }
    }
}
