package cn.creditwindow.web;

import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies into records, strictly: a body that is not JSON, has a property the record does not
 * know, or has a value of the wrong type is a 400 naming the field, in both languages. Each property is read on its
 * own, so every such field is named at once; {@link #input} hands them to the domain with the rest of the body,
 * for it to name with its own checks of the values (which are the domain's), after the state checks.
 */
public final class JsonBodies {
    private static final String NOT_JSON_ZH = "请以 JSON 提交（Content-Type: application/json）";
    private static final String NOT_JSON_EN = "send the body as JSON (Content-Type: application/json)";
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        // numbers stay exact decimals in the tree (1e400 is a number too large, not Infinity) until a field reads them
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The body as a record; 400 naming every field that could not be read, or an empty body. */
    public <T extends Record> T read(Context ctx, Class<T> type) {
        if (ctx.body().isBlank()) {
            throw isJson(ctx.contentType())
                    ? new InvalidInputException(Input.WHOLE_BODY, "请求体为空", "the request body is empty")
                    : new InvalidInputException(Input.WHOLE_BODY, NOT_JSON_ZH, NOT_JSON_EN);
        }
        Input<T> in = input(ctx, type);
        if (!in.unreadable().isEmpty()) {
            throw new InvalidInputException(in.unreadable());
        }
        return in.value();
    }

    /**
     * The body as a record, with the fields that could not be read left null and named (see {@link Input}); an
     * empty body, of whatever type, is a record of nulls (every field not given), for the domain to refuse field by
     * field once it has seen that the request can apply at all.
     */
    public <T extends Record> Input<T> input(Context ctx, Class<T> type) {
        return input(ctx.contentType(), ctx.body(), type);
    }

    /** {@link #input(Context, Class)} of a body of this content type. */
    <T extends Record> Input<T> input(String contentType, String body, Class<T> type) {
        List<FieldError> unreadable = new ArrayList<>();
        ObjectNode object = object(contentType, body, unreadable);
        return object == null ? new Input<>(construct(type, defaults(type)), unreadable)
                : new Input<>(record(type, object, "", unreadable), unreadable);
    }

    /**
     * A body of one text field, such as {@code {"answer": "…"}}, read as strictly as a record's (see
     * {@link #input(Context, Class)}): the text, or null with what was wrong named.
     */
    public Input<String> text(Context ctx, String field) {
        List<FieldError> unreadable = new ArrayList<>();
        ObjectNode object = object(ctx.contentType(), ctx.body(), unreadable);
        if (object == null) {
            return new Input<>(null, unreadable);
        }
        object.fieldNames().forEachRemaining(name -> {
            if (!name.equals(field)) {
                unreadable.add(unknown(name));
            }
        });
        return new Input<>((String) value(String.class, object.get(field), field, unreadable), unreadable);
    }

    /** The body's JSON object; null for an empty body, or for one that is not an object, with that said. */
    private ObjectNode object(String contentType, String body, List<FieldError> unreadable) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (!isJson(contentType)) {
            unreadable.add(new FieldError(Input.WHOLE_BODY, NOT_JSON_ZH, NOT_JSON_EN));
            return null;
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            unreadable.add(new FieldError(Input.WHOLE_BODY, "请求体不是有效的 JSON",
                    "the body is not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (!(tree instanceof ObjectNode object)) {
            unreadable.add(new FieldError(Input.WHOLE_BODY, "请求体应为 JSON 对象", "the body must be a JSON object"));
            return null;
        }
        return object;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.startsWith("application/json");
    }

    /** A record of {@code type} from {@code node}, property by property; {@code prefix} names the enclosing field. */
    private <T> T record(Class<T> type, ObjectNode node, String prefix, List<FieldError> unreadable) {
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!shape.names().contains(name)) {
                unreadable.add(unknown(prefix + name));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = component(components[i], node.get(components[i].getName()),
                    prefix + components[i].getName(), unreadable);
        }
        return construct(type, args);
    }

    private Object component(RecordComponent c, JsonNode v, String field, List<FieldError> unreadable) {
        if (v != null && v.isNull() && c.getType().isPrimitive()) {
            unreadable.add(wrongType(field));
        }
        return value(c.getGenericType(), v, field, unreadable);
    }

    /**
     * A value of {@code type} from {@code v}: records property by property, maps entry by entry and lists element by
     * element (so that one bad entry is named and the others kept), anything else by the mapper. What cannot be read
     * is named in {@code unreadable} and left null (a map leaves the entry out).
     */
    private Object value(Type type, JsonNode v, String field, List<FieldError> unreadable) {
        Class<?> raw = mapper.getTypeFactory().constructType(type).getRawClass();
        if (v == null || v.isNull()) {
            return defaultOf(raw);
        }
        if (raw.isRecord() && v instanceof ObjectNode object) {
            return record(raw, object, field + ".", unreadable);
        }
        if (type instanceof ParameterizedType pt && Map.class.isAssignableFrom(raw) && v instanceof ObjectNode object
                && pt.getActualTypeArguments()[0] == String.class) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int before = unreadable.size();
                Object x = value(pt.getActualTypeArguments()[1], e.getValue(), field + "." + e.getKey(), unreadable);
                if (unreadable.size() == before) {
                    out.put(e.getKey(), x);
                }
            }
            return out;
        }
        if (type instanceof ParameterizedType pt && (raw == List.class || raw == Collection.class || raw == Set.class)
                && v instanceof ArrayNode array) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String element = field + "[" + i + "]";
                if (array.get(i).isNull()) { // no nulls in a list or set: List.copyOf, Set.contains… fail on one
                    unreadable.add(wrongType(element));
                    continue;
                }
                int before = unreadable.size();
                Object x = value(pt.getActualTypeArguments()[0], array.get(i), element, unreadable);
                if (unreadable.size() == before || x != null) {
                    out.add(x);
                }
            }
            return raw == Set.class ? new java.util.LinkedHashSet<>(out) : out;
        }
        try {
            return mapper.readerFor(mapper.getTypeFactory().constructType(type)).readValue(v);
        } catch (UnrecognizedPropertyException e) {
            unreadable.add(unknown(field + path(e) + e.getPropertyName()));
        } catch (MismatchedInputException e) {
            String inner = path(e);
            unreadable.add(wrongType(inner.isEmpty() ? field : field + inner.substring(0, inner.length() - 1)));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a conversion the reader does not wrap (a number out of a type's range)
            unreadable.add(wrongType(field));
        }
        return defaultOf(raw);
    }

    /** Where inside a component the reader stopped, as {@code .name} and {@code [i]} steps ending in a dot. */
    private static String path(MismatchedInputException e) {
        List<String> steps = new ArrayList<>();
        for (var r : e.getPath()) {
            if (r.getFieldName() != null) {
                steps.add("." + r.getFieldName());
            } else if (r.getIndex() >= 0) {
                steps.add("[" + r.getIndex() + "]");
            }
        }
        if (e instanceof UnrecognizedPropertyException && !steps.isEmpty()) {
            steps.remove(steps.size() - 1); // the unknown property itself, named by the caller
        }
        return steps.isEmpty() ? "" : String.join("", steps) + ".";
    }

    private static FieldError unknown(String field) {
        return new FieldError(field, "未知字段“" + field + "”", "unknown field '" + field + "'");
    }

    private static FieldError wrongType(String field) {
        return new FieldError(field, "字段“" + field + "”的值类型不正确", "field '" + field + "' has a value of the wrong type");
    }

    private static Object[] defaults(Class<?> type) {
        return Arrays.stream(SHAPES.get(type).components()).map(c -> defaultOf(c.getType())).toArray();
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return type == long.class ? 0L : type == double.class ? 0d : type == float.class ? 0f : type == int.class ? 0
                : type == short.class ? (short) 0 : (byte) 0;
    }

    /** A record type's components, their names and its canonical constructor, looked up once per type. */
    private record Shape(RecordComponent[] components, Set<String> names, Constructor<?> canonical) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(components)
                        .map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return new Shape(components, Arrays.stream(components).map(RecordComponent::getName)
                        .collect(Collectors.toUnmodifiableSet()), canonical);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    };

    private static <T> T construct(Class<T> type, Object[] args) {
        try {
            return type.cast(SHAPES.get(type).canonical().newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("constructing " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("constructing " + type.getName() + " from a request body", e);
        }
    }
}
