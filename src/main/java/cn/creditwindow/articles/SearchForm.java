package cn.creditwindow.articles;

import java.util.List;

/**
 * The search form of the query page and of the module lists, filled in with the current conditions.
 *
 * @param action     where the form submits to: {@code /search} or {@code /search/{module}}
 * @param q          the keyword input's value
 * @param country    the country input's value: the chosen countries' names in the page's language
 * @param industry   the industry input's value: the chosen industries' names (or codes)
 * @param countries  the suggestions of the country input, those with matches first
 * @param industries the suggestions of the industry input, those with matches first
 * @param active     the conditions that are set, each with a link that drops it
 * @param resetHref  {@code action} without any condition
 */
public record SearchForm(String action, String q, String country, String industry, List<Option> countries,
                         List<Option> industries, List<ActiveCondition> active, String resetHref) {

    /**
     * One suggestion of a type-to-filter input.
     *
     * @param value what the input gets: a name in the page's language (or a code where the name has a comma)
     * @param label what else helps to find it: the other language's name, the code, the number of matches
     */
    public record Option(String value, String label) {
    }

    /**
     * A condition that is set.
     *
     * @param field      {@code q}, {@code country} or {@code industry}
     * @param value      what it is, as shown
     * @param removeHref the same page without it
     */
    public record ActiveCondition(String field, String value, String removeHref) {
    }

    public SearchForm {
        countries = List.copyOf(countries);
        industries = List.copyOf(industries);
        active = List.copyOf(active);
    }
}
