package cn.creditwindow.financing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The financing products of {@code /financing/products.json}, in the file's order. Immutable. */
public final class Products {
    static final String RESOURCE = "/financing/products.json";

    private final Map<String, Product> byId = new LinkedHashMap<>();

    public Products(List<Product> products) {
        for (Product p : products) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("financing product " + p.id() + " is listed twice");
            }
        }
    }

    /** The bundled products; fails at start-up, naming the file and the field, when the file is broken. */
    public static Products load() {
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
        try (InputStream in = Products.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not found on the class path");
            }
            return new Products(mapper.readValue(in, new TypeReference<List<Product>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public List<Product> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Product> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The banks of the products, each once, in the file's order (the staff's export is per bank). */
    public List<String> banks() {
        return byId.values().stream().map(Product::bankZh).distinct().toList();
    }
}
