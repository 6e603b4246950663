package cn.creditwindow.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A form's values as strings by field name, to show the form again as it was typed, or prefilled from a record. */
public final class FormValues {
    private FormValues() {
    }

    /** The form's values as typed (the first of each field; not the anti-forgery token), in the order sent. */
    public static Map<String, String> typed(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                v.put(name, values.get(0));
            }
        });
        return v;
    }

    /** Puts {@code value} as text under {@code field}, unless it is null (the field then shows empty). */
    public static void put(Map<String, String> values, String field, Object value) {
        if (value != null) {
            values.put(field, value.toString());
        }
    }
}
