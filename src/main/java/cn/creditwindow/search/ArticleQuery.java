package cn.creditwindow.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to look for, already validated and resolved to codes: the index does no parsing of user input.
 *
 * @param keywords   each must occur in the title (or, with {@link Scope#ALL}, in title or body);
 *                   empty = no keyword condition
 * @param countries  ISO alpha-2 codes, any of them (empty = any country)
 * @param industries industry codes, any of them (empty = any industry)
 * @param modules    any of them (empty = all modules)
 * @param from       published at or after, or null
 * @param to         published before, or null (exclusive)
 * @param scope      where keywords are looked for
 * @param order      newest first, or best match first
 * @param page       1-based
 * @param size       items per page, 1 to {@link #MAX_SIZE}
 * @param facets     whether to count countries and industries over all matches (module counts are
 *                   always there); counting is most of what a search costs beyond matching
 */
public record ArticleQuery(
        List<String> keywords,
        Set<String> countries,
        Set<String> industries,
        Set<Module> modules,
        Instant from,
        Instant to,
        Scope scope,
        Order order,
        int page,
        int size,
        boolean facets) {

    public static final int DEFAULT_SIZE = 15;
    public static final int MAX_SIZE = 100;

    /** Where keywords are looked for. */
    public enum Scope { TITLE, ALL }

    /** How results are ordered. */
    public enum Order { DATE, RELEVANCE }

    public ArticleQuery {
        keywords = List.copyOf(keywords);
        countries = Set.copyOf(new TreeSet<>(countries));
        industries = Set.copyOf(new TreeSet<>(industries));
        modules = modules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modules));
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(order, "order");
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", was " + size);
        }
    }

    /** Everything, newest first, first page. */
    public static ArticleQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This query without its module condition (the overview makes one list per module). */
    ArticleQuery withoutModules() {
        return new ArticleQuery(keywords, countries, industries, Set.of(), from, to, scope, order, page, size, facets);
    }

    /** Builds an {@link ArticleQuery}; every setting is optional. */
    public static final class Builder {
        private final List<String> keywords = new ArrayList<>();
        private final Set<String> countries = new TreeSet<>();
        private final Set<String> industries = new TreeSet<>();
        private final Set<Module> modules = EnumSet.noneOf(Module.class);
        private Instant from;
        private Instant to;
        private Scope scope = Scope.TITLE;
        private Order order = Order.DATE;
        private int page = 1;
        private int size = DEFAULT_SIZE;
        private boolean facets = true;

        private Builder() {
        }

        public Builder keywords(Collection<String> values) {
            keywords.addAll(values);
            return this;
        }

        public Builder keyword(String value) {
            keywords.add(value);
            return this;
        }

        public Builder countries(Collection<String> codes) {
            countries.addAll(codes);
            return this;
        }

        public Builder industries(Collection<String> codes) {
            industries.addAll(codes);
            return this;
        }

        public Builder modules(Collection<Module> values) {
            modules.addAll(values);
            return this;
        }

        public Builder from(Instant value) {
            from = value;
            return this;
        }

        public Builder to(Instant value) {
            to = value;
            return this;
        }

        public Builder scope(Scope value) {
            scope = value;
            return this;
        }

        public Builder order(Order value) {
            order = value;
            return this;
        }

        public Builder page(int value) {
            page = value;
            return this;
        }

        public Builder size(int value) {
            size = value;
            return this;
        }

        public Builder facets(boolean value) {
            facets = value;
            return this;
        }

        public ArticleQuery build() {
            return new ArticleQuery(keywords, countries, industries, modules, from, to, scope, order, page, size,
                    facets);
        }
    }
}
