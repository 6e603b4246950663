package cn.creditwindow.financing;

import cn.creditwindow.web.Json;
import com.fasterxml.jackson.core.type.TypeReference;
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
        List<Product> products = Json.readDataFile(RESOURCE, new TypeReference<>() { });
        try {
            return new Products(products);
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
