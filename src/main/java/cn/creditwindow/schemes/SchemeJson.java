package cn.creditwindow.schemes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a scheme data file: UTF-8 JSON, an array of scheme objects in the format of
 * {@code schemes/README.md}. Every field must be present (nullable ones may be {@code null}) and no other
 * field may be, so a typo fails instead of silently dropping a rule. Numbers are read as exact decimals.
 * Errors are {@link IllegalArgumentException}s that name the file, the scheme and the field.
 */
final class SchemeJson {
    private static final Set<String> SCHEME_FIELDS = Set.of("id", "nameZh", "nameEn", "enterpriseSize", "region", "eligibility",
            "premium", "indemnityRatio", "perBuyerLimit", "aggregateLimit", "policyYear", "collectBy",
            "validity", "renewsYearly", "freeCreditReports", "extraCreditReports", "effectiveOnEnterprisePayment", "lossDeadlines",
            "source", "assumptions");

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

    private static JsonNode tree(String where, InputStream in) throws IOException {
        try {
            return mapper().readTree(in);
        } catch (JsonProcessingException e) {
            String rule = "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
            throw new SchemeDataException(where + ": " + rule, "", rule, e);
        }
    }

    /** A mapper for exact reading only: decimals stay BigDecimal with their digits, duplicate keys fail. */
    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    private static Scheme scheme(String file, int entry, JsonNode node) {
        Obj unnamed = new Obj(file, "entry " + entry, "", node);
        if (!node.isObject()) {
            throw unnamed.error("", "must be a JSON object");
        }
        Obj o = new Obj(file, "scheme " + unnamed.text("id"), "", node);
        o.allowOnly(SCHEME_FIELDS);
        Obj region = o.object("region");
        Obj eligibility = o.object("eligibility");
        Obj premium = o.object("premium");
        Obj year = o.object("policyYear");
        Obj validity = o.object("validity");
        Obj deadlines = o.object("lossDeadlines");
        region.allowOnly(Set.of("divisionPrefix", "nameZh", "nameEn"));
        eligibility.allowOnly(Set.of("exportsYear", "exportsAbove", "exportsAtMost"));
        premium.allowOnly(Set.of("rate", "rateIsCeiling", "minimum", "enterpriseShare"));
        year.allowOnly(Set.of("start", "end"));
        validity.allowOnly(Set.of("start", "end"));
        deadlines.allowOnly(Set.of("reportDaysAfterDue", "claimDaysAfterReport"));
        try {
            return new Scheme(
                    o.text("id"),
                    o.text("nameZh"),
                    o.text("nameEn"),
                    o.oneOf("enterpriseSize", Scheme.EnterpriseSize.class,
                            "none of SMALL_MICRO, MEDIUM, SMALL_MEDIUM_MICRO"),
                    build(region, () -> new Region(
                            region.text("divisionPrefix"), region.text("nameZh"), region.text("nameEn"))),
                    build(eligibility, () -> new Eligibility(eligibility.integer("exportsYear"),
                            eligibility.decimalOrNull("exportsAbove"), eligibility.decimalOrNull("exportsAtMost"))),
                    build(premium, () -> new PremiumRule(premium.decimalOrNull("rate"), premium.bool("rateIsCeiling"),
                            premium.decimalOrNull("minimum"), premium.decimal("enterpriseShare"))),
                    o.decimal("indemnityRatio"),
                    o.decimal("perBuyerLimit"),
                    aggregateLimit(o.object("aggregateLimit")),
                    build(year, () -> new DateRange(year.date("start"), year.date("end"))),
                    o.date("collectBy"),
                    build(validity, () -> new DateRange(validity.date("start"), validity.date("end"))),
                    o.bool("renewsYearly"),
                    o.integer("freeCreditReports"),
                    o.oneOf("extraCreditReports", Scheme.ExtraCreditReports.class, "neither CHARGED nor REFUSED"),
                    o.bool("effectiveOnEnterprisePayment"),
                    build(deadlines, () -> new LossDeadlines(deadlines.integer("reportDaysAfterDue"),
                            deadlines.integer("claimDaysAfterReport"))),
                    o.text("source"),
                    o.strings("assumptions"));
        } catch (SchemeDataException e) {
            if (e.getMessage().startsWith(file + ": ")) {
                throw e;
            }
            // The scheme's own rules name the scheme and the field; add the file.
            throw new SchemeDataException(file + ": " + e.getMessage(), e.field(), e.rule(), e);
        } catch (IllegalArgumentException e) {
            throw new SchemeDataException(file + ": " + e.getMessage(), "", e.getMessage(), e);
        }
    }

    private static AggregateLimit aggregateLimit(Obj a) {
        String kind = a.text("kind");
        return build(a, () -> switch (kind) {
            case "asOnPolicy" -> {
                a.allowOnly(Set.of("kind"));
                yield new AggregateLimit.AsOnPolicy();
            }
            case "multipleOfPremium" -> {
                a.allowOnly(Set.of("kind", "multiple"));
                yield new AggregateLimit.MultipleOfPremium(a.integer("multiple"));
            }
            case "maxOfMultipleAndPerBuyer" -> {
                a.allowOnly(Set.of("kind", "multiple"));
                yield new AggregateLimit.MaxOfMultipleAndPerBuyer(a.integer("multiple"));
            }
            case "fixed" -> {
                a.allowOnly(Set.of("kind", "amount"));
                yield new AggregateLimit.Fixed(a.decimal("amount"));
            }
            default -> throw a.error("kind", "unknown kind '" + kind + "'; the kinds are "
                    + String.join(", ", AggregateLimit.KINDS));
        });
    }

    /** Builds a nested value; its constructor's complaint is reported against the object's path. */
    private static <T> T build(Obj o, Supplier<T> make) {
        try {
            return make.get();
        } catch (SchemeDataException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw o.error("", e.getMessage());
        }
    }

    /** One JSON object of a file, with where it is for messages. */
    private record Obj(String file, String scheme, String path, JsonNode node) {

        SchemeDataException error(String field, String message) {
            String where = path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
            return new SchemeDataException(file + ": " + scheme + ": " + (where.isEmpty() ? "" : where + ": ")
                    + message, where, message, null);
        }

        void allowOnly(Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw error(name, "unknown field; the fields here are "
                            + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }

        /** The field's node, or null for a JSON null; a missing field is an error. */
        private JsonNode present(String field) {
            if (!node.has(field)) {
                throw error(field, "is missing (every field must be written; nullable ones as null)");
            }
            JsonNode value = node.get(field);
            return value.isNull() ? null : value;
        }

        private JsonNode required(String field) {
            JsonNode value = present(field);
            if (value == null) {
                throw error(field, "must not be null");
            }
            return value;
        }

        Obj object(String field) {
            JsonNode value = required(field);
            if (!value.isObject()) {
                throw error(field, "must be a JSON object but was " + value);
            }
            return new Obj(file, scheme, path.isEmpty() ? field : path + "." + field, value);
        }

        String text(String field) {
            JsonNode value = required(field);
            if (!value.isTextual()) {
                throw error(field, "must be a string but was " + value);
            }
            return value.textValue();
        }

        BigDecimal decimal(String field) {
            required(field);
            return decimalOrNull(field);
        }

        BigDecimal decimalOrNull(String field) {
            JsonNode value = present(field);
            if (value == null) {
                return null;
            }
            if (!value.isNumber() || value.isDouble() || value.isFloat()) {
                throw error(field, "must be a number (written without quotes) but was " + value);
            }
            return value.decimalValue();
        }

        int integer(String field) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw error(field, "must be a whole number but was " + value);
            }
            return value.intValue();
        }

        boolean bool(String field) {
            JsonNode value = required(field);
            if (!value.isBoolean()) {
                throw error(field, "must be true or false but was " + value);
            }
            return value.booleanValue();
        }

        /** One of {@code type}'s constants by name; {@code allowed} says which in the error. */
        <E extends Enum<E>> E oneOf(String field, Class<E> type, String allowed) {
            String text = text(field);
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw error(field, "'" + text + "' is " + allowed);
            }
        }

        LocalDate date(String field) {
            String text = text(field);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error(field, "'" + text + "' is not a date written YYYY-MM-DD");
            }
        }

        List<String> strings(String field) {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw error(field, "must be an array of strings but was " + value);
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw error(field, "must be an array of strings but holds " + item);
                }
                items.add(item.textValue());
            }
            return items;
        }
    }
}
