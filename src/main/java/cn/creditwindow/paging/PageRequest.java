package cn.creditwindow.paging;

import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which page of a list to answer.
 *
 * @param page the page, from 1; a page past the last one is allowed and has no items
 * @param size items per page, from 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {
    /** Items per page when the request names no size. */
    public static final int DEFAULT_SIZE = 20;
    /** The largest page a request may ask for: a client wanting everything pages through. */
    public static final int MAX_SIZE = 100;
    /** The last page number one may ask for, so that the offset of any page fits an {@code int}. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageRequest {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page " + page + " is not from 1 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " is not from 1 to " + MAX_SIZE);
        }
    }

    /** The first page of {@link #DEFAULT_SIZE} items. */
    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /**
     * Reads {@code page} and {@code size} as a request gave them (null or blank: page 1, {@link #DEFAULT_SIZE}).
     *
     * @throws InvalidInputException naming {@code page} and/or {@code size} when not a whole number in range
     */
    public static PageRequest parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest request = parse(page, size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return request;
    }

    /**
     * {@link #parse(String, String)} for a handler that checks other fields too: each bad field is added to
     * {@code errors} (so that one invalid input names them all) and the default stands in for it.
     */
    public static PageRequest parse(String page, String size, List<FieldError> errors) {
        return new PageRequest(number("page", page, 1, MAX_PAGE, errors),
                number("size", size, DEFAULT_SIZE, MAX_SIZE, errors));
    }

    /**
     * The page of a second list on one page, read from the parameter {@code field} (its error names it), with the
     * size the first list was given, so that one {@code size} serves both and is reported at most once.
     */
    public static PageRequest parsePage(String field, String raw, int size, List<FieldError> errors) {
        return new PageRequest(number(field, raw, 1, MAX_PAGE, errors), size);
    }

    private static int number(String name, String raw, int fallback, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, name + " 必须是 1 到 " + max + " 之间的整数，不能是“" + raw + "”",
                name + " must be a whole number from 1 to " + max + ", was '" + raw + "'"));
        return fallback;
    }

    /** How many items come before this page. */
    public int offset() {
        return (page - 1) * size;
    }

    /**
     * This page of a query's rows, and how many rows the query has in all. The total is {@code SELECT COUNT(*)}
     * over {@code sql} itself, so it has the same joins and WHERE (the tenancy filter included) as the rows; the
     * page is {@code sql ORDER BY orderBy LIMIT ? OFFSET ?}. Run both in one {@code db.read} or transaction.
     *
     * @param sql     a SELECT without ORDER BY, LIMIT or OFFSET; its parameters are {@code args}
     * @param orderBy the order, which must end in a unique key (such as {@code o.id DESC}) so that no row is
     *                skipped or repeated from one page to the next
     */
    public <T> Paged<T> select(Tx tx, String sql, String orderBy, Tx.RowMapper<T> mapper, Object... args) {
        Objects.requireNonNull(orderBy, "orderBy");
        long total = tx.number("SELECT COUNT(*) FROM (" + sql + ") counted", args);
        if (offset() >= total) {
            return new Paged<>(total, page, size, List.of());
        }
        Object[] paged = new Object[args.length + 2];
        System.arraycopy(args, 0, paged, 0, args.length);
        paged[args.length] = size;
        paged[args.length + 1] = offset();
        return new Paged<>(total, page, size, tx.list(sql + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?", mapper, paged));
    }

    /** This page of a list already in memory (for a list that is small by nature, not one read from the store). */
    public <T> Paged<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), (long) offset());
        return new Paged<>(all.size(), page, size, all.subList(from, Math.min(all.size(), from + size)));
    }
}
