package cn.creditwindow.agreements;

import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A seal of an enterprise, valid from one day to another (both inclusive, China dates).
 *
 * @param holder the person it was made for (the operator chosen when making it)
 */
public record Seal(long id, long enterpriseId, SealKind kind, String holder, LocalDate validFrom,
                   LocalDate validUntil, long createdBy, Instant createdAt) {

    /** True on the days the seal may be used. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** True if it may sign the service agreement on {@code day}: a company seal within its period. */
    public boolean canSignOn(LocalDate day) {
        return kind.signsAgreements() && validOn(day);
    }

    static Seal of(Row r) throws SQLException {
        return new Seal(r.longValue("id"), r.longValue("enterprise_id"), r.enumValue("kind", SealKind.class),
                r.string("holder"), r.date("valid_from"), r.date("valid_until"), r.longValue("created_by"),
                r.instant("created_at"));
    }
}
