package cn.creditwindow.schemes;

import cn.creditwindow.web.Json;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a scheme data file: UTF-8 JSON, an array of scheme objects in the format of
 * {@code schemes/README.md}, each bound to a {@link Scheme} by the strict data-file reader ({@link Json#dataFiles()}).
 * Every field must be present (nullable ones may be {@code null}) and no other field may be, so a typo fails instead
 * of silently dropping a rule. Numbers are read as exact decimals. Errors are {@link SchemeDataException}s that name
 * the file, the scheme and the field.
 */
final class SchemeJson {
    /**
     * The data-file reader with what only schemes need: an aggregate limit's class chosen by its {@code kind}, and
     * no nulls but for amounts and fractions, whose constructors say which of them may be null ({@code premium.rate},
     * {@code premium.minimum} and the eligibility bounds).
     */
    private static final ObjectMapper READER = Json.dataFiles().rebuild()
            .addMixIn(AggregateLimit.class, Kinds.class)
            .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
            .withConfigOverride(BigDecimal.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SET)))
            .build();

    /** How the data files name the kinds of {@link AggregateLimit} ({@link AggregateLimit#KINDS}). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = AggregateLimit.AsOnPolicy.class, name = "asOnPolicy"),
        @JsonSubTypes.Type(value = AggregateLimit.MultipleOfPremium.class, name = "multipleOfPremium"),
        @JsonSubTypes.Type(value = AggregateLimit.MaxOfMultipleAndPerBuyer.class, name = "maxOfMultipleAndPerBuyer"),
        @JsonSubTypes.Type(value = AggregateLimit.Fixed.class, name = "fixed")})
    private interface Kinds {
    }

    private SchemeJson() {
    }

    /** Reads a classpath resource such as {@code /schemes/henan-2024.json}. */
    static List<Scheme> readResource(String resource) {
        try (InputStream in = SchemeJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("scheme file " + resource + " not found on the classpath");
            }
            return read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** Reads one file's content; {@code file} names it in error messages. */
    static List<Scheme> read(String file, InputStream in) throws IOException {
        JsonNode root = tree(file, in);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": must be a JSON array of schemes, [ {…}, … ]");
        }
        List<Scheme> schemes = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            schemes.add(scheme(file, i + 1, root.get(i)));
        }
        return schemes;
    }

    /**
     * Reads one scheme object, as an administrator sends it ({@code { … }}, the format of an entry of a file); {@code
     * where} names it in error messages.
     *
     * @throws SchemeDataException naming the field of the first broken rule (an empty field for bad JSON)
     */
    static Scheme readOne(String where, InputStream in) throws IOException {
        JsonNode root = tree(where, in);
        if (root == null || !root.isObject()) {
            throw new SchemeDataException(where + ": must be one JSON object, { … }, in the format of an entry of a"
                    + " scheme file", "", "must be one JSON object, { … }, in the format of an entry of a scheme file",
                    null);
        }
        return scheme(where, 1, root);
    }

    /** The file as a tree, read first so that an entry's errors can name its scheme by the id written in it. */
    private static JsonNode tree(String where, InputStream in) throws IOException {
        try {
            return READER.readTree(in);
        } catch (JsonProcessingException e) {
            String rule = "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
            throw new SchemeDataException(where + ": " + rule, "", rule, e);
        }
    }

    private static Scheme scheme(String file, int entry, JsonNode node) {
        JsonNode id = node.path("id");
        String scheme = id.isTextual() ? "scheme " + id.textValue() : "entry " + entry;
        if (!node.isObject()) {
            throw error(file, scheme, "", "must be a JSON object");
        }
        try {
            return READER.treeToValue(node, Scheme.class);
        } catch (ValueInstantiationException e) {
            throw refused(file, scheme, path(e), e.getCause());
        } catch (InvalidTypeIdException e) {
            String kinds = "; the kinds are " + String.join(", ", AggregateLimit.KINDS);
            throw error(file, scheme, path(e) + ".kind", e.getTypeId() == null ? "is missing" + kinds
                    : "unknown kind '" + e.getTypeId() + "'" + kinds);
        } catch (JsonMappingException e) {
            throw error(file, scheme, path(e), rule(e, node.at(pointer(e))));
        } catch (JsonProcessingException e) {
            // A tree holds no malformed JSON; Jackson's other complaints are reported as it words them.
            throw error(file, scheme, "", e.getOriginalMessage());
        }
    }

    /** A constructor refused the values: its message names the rule; the scheme's own ones name the scheme too. */
    private static SchemeDataException refused(String file, String scheme, String path, Throwable cause) {
        if (cause instanceof SchemeDataException e) {
            return new SchemeDataException(file + ": " + e.getMessage(), e.field(), e.rule(), e);
        }
        if (path.isEmpty()) {
            return new SchemeDataException(file + ": " + cause.getMessage(), "", cause.getMessage(), cause);
        }
        return error(file, scheme, path, cause.getMessage());
    }

    private static SchemeDataException error(String file, String scheme, String field, String rule) {
        return new SchemeDataException(file + ": " + scheme + ": " + (field.isEmpty() ? "" : field + ": ") + rule,
                field, rule, null);
    }

    /** The broken rule, worded for whoever writes the file; {@code value} is the JSON at the field. */
    private static String rule(JsonMappingException e, JsonNode value) {
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(p -> known.add(p.toString()));
            if (AggregateLimit.class.isAssignableFrom(u.getReferringClass())) {
                known.add("kind");
            }
            return "unknown field; the fields here are " + String.join(", ", known);
        }
        if (value.isMissingNode()) {
            return "is missing (every field must be written; nullable ones as null)";
        }
        if (value.isNull()) {
            return "must not be null";
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e.getCause() instanceof InputCoercionException c ? c.getTargetType() : null;
        boolean element = !e.getPath().isEmpty() && e.getPath().get(e.getPath().size() - 1).getFieldName() == null;
        if (element) {
            return "must be an array of strings but holds " + value;
        }
        if (target == String.class) {
            return "must be a string but was " + value;
        }
        if (target == BigDecimal.class) {
            return "must be a number (written without quotes) but was " + value;
        }
        if (target == int.class || target == Integer.class) {
            return "must be a whole number but was " + value;
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false but was " + value;
        }
        if (target != null && target.isEnum()) {
            return value.isTextual() ? "'" + value.textValue() + "' is " + noneOf(target.getEnumConstants())
                    : "must be a string but was " + value;
        }
        if (target == LocalDate.class) {
            return value.isTextual() ? "'" + value.textValue() + "' is not a date written YYYY-MM-DD"
                    : "must be a date written \"YYYY-MM-DD\" but was " + value;
        }
        if (target != null && List.class.isAssignableFrom(target)) {
            return "must be an array of strings but was " + value;
        }
        return "must be a JSON object but was " + value;
    }

    /** "neither A nor B", or "none of A, B, C". */
    private static String noneOf(Object[] constants) {
        List<String> names = Arrays.stream(constants).map(String::valueOf).toList();
        return names.size() == 2 ? "neither " + names.get(0) + " nor " + names.get(1)
                : "none of " + String.join(", ", names);
    }

    /** The field's path in the entry, dot-separated ({@code premium.rate}); an array's items are their array. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer = r.getFieldName() != null ? pointer.appendProperty(r.getFieldName())
                    : pointer.appendIndex(r.getIndex());
        }
        return pointer;
    }
}
