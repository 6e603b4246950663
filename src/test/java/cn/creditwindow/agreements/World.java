package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.config.Config;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.Input;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * A fresh store with two fictional enterprises (Shenzhen and Zhengzhou), each with a legal representative and an
 * operator, an account manager for Shenzhen (4403), a reviewer, and the agreement components on a clock fixed at
 * {@link #TODAY} (China).
 */
final class World implements AutoCloseable {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final ZoneId ZONE = Config.CHINA;

    final Database db;
    final Clock clock;
    final Accounts accounts;
    final Seals seals;
    final Agreements agreements;
    final DataAuthorisations authorisations;
    final AuthorisedData data;
    final Enterprise shenzhen;
    final Enterprise zhengzhou;
    final Principal szLegal;
    final Principal szOperator;
    final Principal hnLegal;
    final Principal manager;
    final Principal reviewer;

    World(Path dir) {
        this.db = Database.openFile(dir.resolve("t.db"));
        this.clock = at(TODAY);
        this.accounts = new Accounts(db, new Passwords(4), clock);
        this.seals = new Seals(db, clock, ZONE);
        this.agreements = new Agreements(db, seals, clock);
        this.authorisations = new DataAuthorisations(db, clock, ZONE);
        this.data = new AuthorisedData(db, clock);
        shenzhen = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司",
                "Shenzhen Test Electronics", null));
        zhengzhou = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司",
                "Zhengzhou Test Textiles", null));
        szLegal = user("sz-legal", "测试法人甲", Role.LEGAL_REPRESENTATIVE, shenzhen.id());
        szOperator = user("sz-op", "测试操作员甲", Role.OPERATOR, shenzhen.id());
        hnLegal = user("hn-legal", "测试法人乙", Role.LEGAL_REPRESENTATIVE, zhengzhou.id());
        manager = user("manager", "测试客户经理", Role.ACCOUNT_MANAGER, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        reviewer = user("reviewer", "测试审核员", Role.REVIEWER, null);
    }

    /** A clock at noon of the day, China time. */
    static Clock at(LocalDate day) {
        return Clock.fixed(ZonedDateTime.of(day.atTime(12, 0), ZONE).toInstant(), ZONE);
    }

    private Principal user(String username, String name, Role role, Long enterpriseId) {
        User u = accounts.createUser(new Accounts.NewUser(username, "test-pass-2026", name, role, enterpriseId,
                null, null));
        return new Principal(u.id(), u.username(), u.displayName(), role, enterpriseId, Set.of(), null);
    }

    /** A company seal valid for the year around {@link #TODAY}. */
    Seal companySeal(Principal legal) {
        return seals.create(legal, new Seals.NewSeal("COMPANY", legal.displayName(), "2026-01-01", "2026-12-31"));
    }

    /** Signs and has the reviewer countersign. */
    Agreement signed(Principal legal) {
        Agreement a = agreements.sign(legal, Input.of(new Agreements.SignRequest(companySeal(legal).id(), true)));
        return agreements.countersign(reviewer, a.id());
    }

    @Override
    public void close() {
        db.close();
    }
}
