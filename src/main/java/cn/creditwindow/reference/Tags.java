package cn.creditwindow.reference;

import java.util.List;

/**
 * What the {@link Gazetteer} found in a text, each list in order of first mention and without duplicates.
 *
 * @param countries  ISO 3166-1 alpha-2 codes; never {@code CN}
 * @param industries industry codes as assigned by keywords, without their ancestors (see
 *                   {@link Industries#withAncestors})
 */
public record Tags(List<String> countries, List<String> industries) {
    public Tags {
        countries = List.copyOf(countries);
        industries = List.copyOf(industries);
    }
}
