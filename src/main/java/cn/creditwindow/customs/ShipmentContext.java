package cn.creditwindow.customs;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The shipment a declaration check is for, so the check can flag what a claim should not take as it is.
 *
 * @param buyerCountry    the buyer's ISO alpha-2 country, or null not to compare
 * @param from            the first day of the period (the policy's) the export date must fall in, or null
 * @param to              the last day of that period, or null
 * @param alreadyClaimed  true for a declaration number another claim already names (claims owns those tables)
 */
public record ShipmentContext(String buyerCountry, LocalDate from, LocalDate to, Predicate<String> alreadyClaimed) {
    public ShipmentContext {
        Objects.requireNonNull(alreadyClaimed, "alreadyClaimed");
    }
}
