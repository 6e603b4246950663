package cn.creditwindow.accounts;

import java.time.Instant;

/**
 * An exporting enterprise.
 *
 * @param divisionCode the 6-digit administrative division of registration (decides its account managers
 *                     and its region's schemes)
 */
public record Enterprise(long id, String uscc, String nameZh, String nameEn, String divisionCode, Instant createdAt) {
    /** The organisation code (组织机构代码) derived from the USCC. */
    public String organisationCode() {
        return Uscc.organisationCode(uscc);
    }
}
