package cn.creditwindow.app;

import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's Shenzhen scheme, moved to the policy year of the demo's day: the demo runs on the real date, and the
 * historic {@code shenzhen-2023} is over.
 */
final class DemoScheme {
    private DemoScheme() {
    }

    /**
     * The fictional Shenzhen scheme of the demo ({@code demo/shenzhen-demo-2026.json}: the 2023 notice's terms moved
     * to 2026, named as demo data): the historic {@code shenzhen-2023} is over, and the demo's Shenzhen enterprises need
     * a policy of the current year. {@link #add} moves it to the policy year of the demo's day and adds it as
     * an administrator adds next year's scheme.
     */
    static final String DEMO_SCHEME = "/demo/shenzhen-demo-2026.json";
    /** The year the {@link #DEMO_SCHEME} file is written for. */
    private static final int DEMO_SCHEME_YEAR = 2026;

    /**
     * The demo's Shenzhen scheme for the policy year (1 July to 30 June) in force on {@code today}: the file's, its
     * dates, exports year and the year in its id and names moved by whole years.
     */
    static String json(LocalDate today) {
        int year = year(today);
        int shift = year - DEMO_SCHEME_YEAR;
        try (java.io.InputStream in = DemoScheme.class.getResourceAsStream(DEMO_SCHEME)) {
            var json = cn.creditwindow.web.Json.dataFiles();
            var s = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
            for (String field : List.of("id", "nameZh", "nameEn")) {
                s.put(field, s.get(field).asText().replace(String.valueOf(DEMO_SCHEME_YEAR), String.valueOf(year)));
            }
            for (String range : List.of("policyYear", "validity")) {
                var r = (com.fasterxml.jackson.databind.node.ObjectNode) s.get(range);
                r.put("start", LocalDate.parse(r.get("start").asText()).plusYears(shift).toString());
                r.put("end", LocalDate.parse(r.get("end").asText()).plusYears(shift).toString());
            }
            s.put("collectBy", LocalDate.parse(s.get("collectBy").asText()).plusYears(shift).toString());
            var eligibility = (com.fasterxml.jackson.databind.node.ObjectNode) s.get("eligibility");
            eligibility.put("exportsYear", eligibility.get("exportsYear").asInt() + shift);
            return json.writeValueAsString(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading " + DEMO_SCHEME, e);
        }
    }

    /** The year the demo's Shenzhen policy year in force on {@code today} starts in (1 July). */
    static int year(LocalDate today) {
        return today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
    }

    /**
     * Adds the demo's Shenzhen scheme of the current policy year ({@link #json}) through the administrator's
     * add-scheme path, unless it is there.
     *
     * @return its id
     */
    static String add(App app, LocalDate today) {
        String id = "shenzhen-demo-" + year(today);
        if (app.domains().schemes().current().byId(id).isEmpty()) {
            Principal admin = DemoWorld.principal(app.domains().accounts().userByName("admin").orElseThrow());
            app.domains().schemes().add(admin, json(today).getBytes(StandardCharsets.UTF_8));
        }
        return id;
    }

    /**
     * The scheme a demo enterprise's list names on the app's day: the one of its region and exports that day (the
     * demo's Shenzhen scheme once added; {@code shenzhen-2023} on a test's 2024 day), else the one it was given.
     */
    static String schemeOn(App app, DemoWorld.DemoEnterprise d, Enterprise e, long exportsCents, LocalDate today) {
        return app.domains().schemes().current().schemeFor(e.divisionCode(), java.math.BigDecimal.valueOf(exportsCents, 2), today)
                .map(cn.creditwindow.schemes.Scheme::id).orElse(d.scheme());
    }
}
