package cn.creditwindow.web;

import io.javalin.http.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
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

    /**
     * A record of strings from the form's fields of the same names, null where a field was not sent; the record
     * checks nothing, the domain does.
     *
     * @throws IllegalArgumentException when a component of {@code type} is not a string
     */
    public static <R extends Record> R record(Context ctx, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != String.class) {
                throw new IllegalArgumentException(type.getName() + "." + components[i].getName()
                        + " is not a string: a form sends only strings");
            }
            values[i] = ctx.formParam(components[i].getName());
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("constructing " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("constructing " + type.getName(), e);
        }
    }
}
