package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Role;
import cn.creditwindow.store.Row;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One step in an agreement's history: when, who (name and role), what, from which state to which, and why.
 *
 * @param id        the event's id; 0 for {@link AgreementAction#DATA_AUTHORISED}, which is not an event of its own
 *                  (the authorisation is kept in its own table)
 * @param fromState the state before, or null for the signature that created it
 * @param reason    the reason given (refusals, terminations), or null
 */
public record AgreementEvent(long id, long agreementId, Instant at, long actorId, String actorName, Role actorRole,
                             AgreementAction action, AgreementState fromState, AgreementState toState, String reason) {

    static AgreementEvent of(Row r) throws SQLException {
        return new AgreementEvent(r.longValue("id"), r.longValue("agreement_id"), r.instant("at"),
                r.longValue("actor_id"), r.string("actor_name"), r.enumValue("actor_role", Role.class),
                r.enumValue("action", AgreementAction.class), r.enumValue("from_state", AgreementState.class),
                r.enumValue("to_state", AgreementState.class), r.string("reason"));
    }
}
