package cn.creditwindow.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the query part of a link, percent-encoding names and values (UTF-8, spaces as {@code %20})
 * and leaving out blank values, so a link carries only the conditions that are set.
 */
public final class QueryString {
    private final List<String> pairs = new ArrayList<>();

    private QueryString() {
    }

    public static QueryString of() {
        return new QueryString();
    }

    /** Adds {@code name=value}; does nothing when the value is null or blank. */
    public QueryString add(String name, String value) {
        if (value != null && !value.isBlank()) {
            pairs.add(encode(name) + "=" + encode(value));
        }
        return this;
    }

    /** Adds {@code name=value} for a number. */
    public QueryString add(String name, int value) {
        return add(name, Integer.toString(value));
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** {@code path} followed by {@code ?pairs}, or {@code path} alone when nothing was added. */
    public String appendTo(String path) {
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }

    /** {@code ?pairs}, or the empty string when nothing was added. */
    @Override
    public String toString() {
        return appendTo("");
    }

    /** Percent-encodes a query name, value or path segment. */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
