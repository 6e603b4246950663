package cn.creditwindow.alarm;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;

/** Whose watch lists and alerts a request is about, decided by {@link Tenancy}. */
final class EnterpriseScope {
    private EnterpriseScope() {
    }

    /**
     * The SQL condition on {@code column} for a list: the one enterprise asked for (not found unless the principal may
     * see it, as if it did not exist), else every enterprise the principal may see.
     */
    static Tenancy.Filter of(Tx tx, Principal who, Long enterpriseId, String column) {
        if (enterpriseId == null) {
            return Tenancy.filter(who, column);
        }
        if (!Tenancy.canSee(tx, who, enterpriseId)) {
            throw new NotFoundException("enterprise " + enterpriseId + " not found", "企业 " + enterpriseId + " 不存在");
        }
        return new Tenancy.Filter(column + " = ?", enterpriseId);
    }

    /** The principal's own enterprise; only an enterprise's people act on its watch list and inbox. */
    static long own(Principal who) {
        if (!who.role().isEnterpriseUser()) {
            throw new NotAllowedException("only the enterprise's people change its watch list and alerts",
                    "只有企业用户可以管理本企业的关注列表和报警");
        }
        return who.enterpriseId();
    }
}
