package cn.creditwindow.accounts;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.NotFoundException;
import java.util.Objects;

/**
 * Whose records a principal may see: an enterprise's people only their enterprise's, an account
 * manager only the enterprises of their portfolio (its districts, by division-code prefix, and the
 * enterprises named in it), reviewers and administrators all. Every domain package asks here, so the
 * rule lives in one place; records of others answer not found, as if they did not exist.
 */
public final class Tenancy {
    private final Database db;

    public Tenancy(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** True if the principal may see the records of this enterprise. */
    public boolean canSee(Principal p, long enterpriseId) {
        return db.read(tx -> canSee(tx, p, enterpriseId));
    }

    /** {@link #canSee} with a database at hand. */
    public static boolean canSee(Database db, Principal p, long enterpriseId) {
        return db.read(tx -> canSee(tx, p, enterpriseId));
    }

    /** {@link #canSee} inside a transaction. */
    public static boolean canSee(Tx tx, Principal p, long enterpriseId) {
        return switch (p.role()) {
            case LEGAL_REPRESENTATIVE, OPERATOR -> p.enterpriseId() == enterpriseId;
            case ACCOUNT_MANAGER -> tx.number("SELECT COUNT(*) FROM enterprises e WHERE e.id = ? AND "
                    + portfolio("e.id"), enterpriseId, p.userId(), p.userId()) > 0;
            case REVIEWER, ADMIN -> true;
            case SYSTEM -> false;
        };
    }

    /**
     * Throws {@link NotFoundException} unless the principal may see this enterprise's records.
     *
     * @param what the record asked for, for the message, e.g. {@code "agreement 12"} / {@code "协议 12"}
     */
    public void check(Principal p, long enterpriseId, String what, String whatZh) {
        if (!canSee(p, enterpriseId)) {
            throw new NotFoundException(what + " not found", whatZh + " 不存在");
        }
    }

    /**
     * A SQL condition that keeps the rows whose {@code enterpriseColumn} the principal may see, with its
     * parameters; for list queries: {@code "SELECT … WHERE " + f.sql()} with {@code f.args()}.
     */
    public static Filter filter(Principal p, String enterpriseColumn) {
        return switch (p.role()) {
            case LEGAL_REPRESENTATIVE, OPERATOR -> new Filter(enterpriseColumn + " = ?", p.enterpriseId());
            case ACCOUNT_MANAGER -> new Filter(portfolio(enterpriseColumn), p.userId(), p.userId());
            case REVIEWER, ADMIN -> new Filter("1 = 1");
            case SYSTEM -> new Filter("1 = 0");
        };
    }

    /** A condition with its parameters. */
    public record Filter(String sql, Object... args) {
    }

    /** Portfolio membership of an enterprise id column, with two parameters: the manager's id twice. */
    private static String portfolio(String enterpriseColumn) {
        return "(" + enterpriseColumn + " IN (SELECT me.enterprise_id FROM manager_enterprises me WHERE me.manager_id = ?)"
                + " OR " + enterpriseColumn + " IN (SELECT pe.id FROM enterprises pe JOIN manager_districts md"
                + " ON pe.division_code LIKE md.division_code || '%' WHERE md.manager_id = ?))";
    }
}
