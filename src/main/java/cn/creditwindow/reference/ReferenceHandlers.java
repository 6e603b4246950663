package cn.creditwindow.reference;

import cn.creditwindow.search.Module;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Objects;

/** {@code GET /api/reference/…}: the lists the search filters choose from, in Chinese and English. */
public final class ReferenceHandlers {
    private final Countries countries;
    private final Industries industries;

    public ReferenceHandlers(Countries countries, Industries industries) {
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
    }

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
