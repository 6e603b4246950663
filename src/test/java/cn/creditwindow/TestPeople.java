package cn.creditwindow;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import java.util.Set;

/** People for tests of the domain classes: a user created through {@link Accounts}, as its principal. */
public final class TestPeople {
    /** Every test user's password. */
    public static final String PASSWORD = "test-pass-2026";

    private TestPeople() {
    }

    /** A user named {@code name}, shown as 测试{@code name}, with the contacts given (null for none). */
    public static Principal create(Accounts accounts, String name, Role role, Long enterpriseId, String mobile,
                                   String email) {
        User u = accounts.createUser(new Accounts.NewUser(name, PASSWORD, "测试" + name, role, enterpriseId, mobile,
                email));
        return new Principal(u.id(), u.username(), u.displayName(), role, enterpriseId, Set.of(), null);
    }
}
