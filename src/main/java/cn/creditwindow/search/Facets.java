package cn.creditwindow.search;

import java.util.Map;

/**
 * Counts of the matching articles per module id, country code and industry code, largest first.
 * An article tagged 光伏 counts for its ancestors too (新能源).
 */
public record Facets(Map<String, Long> module, Map<String, Long> country, Map<String, Long> industry) {
}
