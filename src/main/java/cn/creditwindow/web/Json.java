package cn.creditwindow.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The application's JSON mappers: {@link #mapper()} for the API (ISO-8601 times; a type that speaks by another name
 * says so itself) and
 * {@link #dataFiles()} for reading the data files bundled with it.
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * The strict reader of the data files bundled with the application (report types, financing products, service
     * lines, schemes), bound to records. A data file is written by hand, so what Jackson would otherwise guess at
     * fails and names the field instead: a field the record does not have, a missing one, a null for a number or a
     * boolean, a number or a boolean in quotes (or a string for a number), a fraction for a whole number, a key
     * written twice, anything after the value. Numbers read into a tree keep their exact decimal digits; dates are
     * ISO-8601 ({@code 2024-06-30}).
     */
    public static JsonMapper dataFiles() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /**
     * Reads the bundled data file {@code resource} (a class-path name such as {@code /credit/report-types.json})
     * with {@link #dataFiles()}.
     *
     * @throws IllegalStateException when there is no such file
     * @throws UncheckedIOException  naming the file, with Jackson's account of the field as its cause, when the file
     *                               cannot be read or does not bind
     */
    public static <T> T readDataFile(String resource, TypeReference<T> type) {
        try (InputStream in = Json.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found on the class path");
            }
            return dataFiles().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
