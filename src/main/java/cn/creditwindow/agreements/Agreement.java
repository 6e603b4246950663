package cn.creditwindow.agreements;

import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A service agreement as its parties see it: the enterprise (name, USCC), the text version, where it stands,
 * the seal it was signed with, who signed and countersigned it and when.
 *
 * @param endedAt when it stopped being live (refused or terminated), else null
 */
public record Agreement(long id, long enterpriseId, String enterpriseName, String enterpriseNameEn, String uscc,
                        String textVersion, AgreementState state, Seal seal, long signedBy, String signerName,
                        Instant signedAt, Long countersignedBy, String countersignerName, Instant countersignedAt,
                        Instant endedAt) {

    /** The columns {@link #of} reads, for {@code SELECT … FROM agreements a} + {@link #JOINS}. */
    static final String COLUMNS = "a.*, e.name_zh AS e_name_zh, e.name_en AS e_name_en, e.uscc AS e_uscc,"
            + " su.display_name AS signer_name, cu.display_name AS countersigner_name,"
            + " s.id AS s_id, s.enterprise_id AS s_enterprise_id, s.kind AS s_kind, s.holder AS s_holder,"
            + " s.valid_from AS s_valid_from, s.valid_until AS s_valid_until, s.created_by AS s_created_by,"
            + " s.created_at AS s_created_at";
    static final String JOINS = " JOIN enterprises e ON e.id = a.enterprise_id JOIN seals s ON s.id = a.seal_id"
            + " JOIN users su ON su.id = a.signed_by LEFT JOIN users cu ON cu.id = a.countersigned_by";

    static Agreement of(Row r) throws SQLException {
        Seal seal = new Seal(r.longValue("s_id"), r.longValue("s_enterprise_id"), r.enumValue("s_kind", SealKind.class),
                r.string("s_holder"), r.date("s_valid_from"), r.date("s_valid_until"), r.longValue("s_created_by"),
                r.instant("s_created_at"));
        return new Agreement(r.longValue("id"), r.longValue("enterprise_id"), r.string("e_name_zh"),
                r.string("e_name_en"), r.string("e_uscc"), r.string("text_version"),
                r.enumValue("state", AgreementState.class), seal, r.longValue("signed_by"), r.string("signer_name"),
                r.instant("signed_at"), r.nullableLong("countersigned_by"), r.string("countersigner_name"),
                r.instant("countersigned_at"), r.instant("ended_at"));
    }
}
