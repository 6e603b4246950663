package cn.creditwindow.buyers;

import java.time.Instant;

/**
 * An overseas buyer of the directory.
 *
 * @param code                the buyer code (买方代码): country and a 7-digit number, e.g. {@code AE0000012}
 * @param countryCode         ISO 3166-1 alpha-2
 * @param addedByEnterpriseId the enterprise that added it, or null for the insurer's own entries
 * @param possibleDuplicateOf an existing buyer it looks like, flagged when it was added, or null
 */
public record Buyer(long id, String code, String nameEn, String nameZh, String countryCode, String address,
                    String registrationNo, Long addedByEnterpriseId, Long possibleDuplicateOf, Instant createdAt) {
    /** True for the insurer's own entries (visible to everyone signed in). */
    public boolean fromInsurer() {
        return addedByEnterpriseId == null;
    }
}
