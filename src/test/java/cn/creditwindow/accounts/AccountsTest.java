package cn.creditwindow.accounts;

import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.NotSignedInException;
import cn.creditwindow.validation.LockedOutException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.Race;
import cn.creditwindow.TestClock;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, signing in, sessions and tenancy against a real database file. */
class AccountsTest {
    static final String SHENZHEN = "914403065X7D8E2A1J";
    static final String ZHENGZHOU = "914101007Q3R8K2M4G";

    @TempDir
    Path dir;
    private Database db;
    private final TestClock clock = TestClock.at2026();
    private final Passwords passwords = new Passwords(4);
    private Accounts accounts;

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("t.db"));
        accounts = new Accounts(db, passwords, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(String sql, Object... args) {
        return db.read(tx -> tx.number(sql, args));
    }

    private Enterprise enterprise(String uscc) {
        return accounts.createEnterprise(new Accounts.NewEnterprise(uscc, "示例企业" + uscc.substring(14), null, null));
    }

    private User user(String name, Role role, Long enterpriseId) {
        return accounts.createUser(new Accounts.NewUser(name, "correct-horse", "某人", role, enterpriseId, null, null));
    }

    @Test
    void anEnterpriseTakesItsDistrictFromTheUsccAndIsRegisteredOnce() {
        Enterprise e = enterprise(SHENZHEN);
        assertThat(e.divisionCode()).isEqualTo("440306");
        assertThatThrownBy(() -> enterprise(SHENZHEN)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1K", "", null, "12")))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.errors())
                        .extracting(f -> f.field()).containsExactly("uscc", "nameZh", "divisionCode"));
    }

    @Test
    void usersAreCheckedAndAnEnterpriseHasOneLegalRepresentative() {
        Enterprise e = enterprise(SHENZHEN);
        user("legal1", Role.LEGAL_REPRESENTATIVE, e.id());
        assertThatThrownBy(() -> user("legal2", Role.LEGAL_REPRESENTATIVE, e.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.zh()).contains("法人"));
        assertThatThrownBy(() -> user("legal1", Role.OPERATOR, e.id()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.createUser(new Accounts.NewUser("x", "short", " ", Role.OPERATOR, null,
                "123", "a@b"))).isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.errors())
                .extracting(f -> f.field())
                .containsExactly("username", "password", "displayName", "enterpriseId", "mobile", "email"));
        assertThat(accounts.usersOf(e.id())).extracting(User::username).containsExactly("legal1");
    }

    @Test
    void wrongPasswordsAtOnceLockAfterExactlyFiveAndTheRestFindItLocked() throws Exception { // #17
        user("manager1", Role.ACCOUNT_MANAGER, null);
        SignIn signIn = new SignIn(db, passwords, clock);
        List<Callable<?>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(() -> signIn.authenticate("manager1", "wrong"));
        }
        List<Object> outcomes = Race.race(guesses);
        assertThat(outcomes).hasOnlyElementsOfTypes(NotSignedInException.class, LockedOutException.class)
                .filteredOn(NotSignedInException.class::isInstance).hasSize(4);
        // the lock set by the fifth stands as it was: the tries after it counted nothing
        assertThatThrownBy(() -> signIn.authenticate("manager1", "correct-horse")).isInstanceOf(LockedOutException.class);
        long failures = db.read(tx -> tx.number("SELECT failed_logins FROM users WHERE username = 'manager1'"));
        assertThat(failures).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn.authenticate("manager1", "correct-horse").username()).isEqualTo("manager1");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        user("manager1", Role.ACCOUNT_MANAGER, null);
        SignIn signIn = new SignIn(db, passwords, clock);
        assertThat(signIn.authenticate("manager1", "correct-horse").role()).isEqualTo(Role.ACCOUNT_MANAGER);
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> signIn.authenticate("manager1", "wrong"))
                    .isInstanceOf(NotSignedInException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate("manager1", "wrong"))
                .isInstanceOfSatisfying(LockedOutException.class, r -> {
                    assertThat(r.zh()).contains("15 分钟");
                });
        // locked: even the right password is refused, until the lock runs out
        assertThatThrownBy(() -> signIn.authenticate("manager1", "correct-horse"))
                .isInstanceOf(LockedOutException.class);
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn.authenticate("manager1", "correct-horse").username()).isEqualTo("manager1");
        // and the count starts again
        assertThatThrownBy(() -> signIn.authenticate("manager1", "wrong"))
                .isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> signIn.authenticate("nobody", "wrong"))
                .isInstanceOf(NotSignedInException.class);
    }

    // #13: bcrypt reads 72 bytes and the library refused more with an exception (a 500 at sign-in)
    @Test
    void passwordsOfAnyScriptUpTo128CharactersAreSetAndSignInAndEveryCharacterCounts() {
        SignIn signIn = new SignIn(db, passwords, clock);
        String latin73 = "a".repeat(73);
        String chinese30 = "我们公司的出口信用保险保单密码是一句很长的中文短语共三十个字"; // 30 characters, 90 bytes
        String emoji128 = "\uD83D\uDE00".repeat(128); // 128 characters, 256 UTF-16 units, 512 bytes
        String chinese128 = "出口信用保险".repeat(20) + "单一窗口服务平台";
        assertThat(chinese30.codePointCount(0, chinese30.length())).isEqualTo(30);
        assertThat(chinese128.length()).isEqualTo(128);
        int n = 0;
        for (String pw : List.of(latin73, chinese30, emoji128, chinese128)) {
            String name = "long" + n++;
            accounts.createUser(new Accounts.NewUser(name, pw, "某人", Role.REVIEWER, null, null, null));
            assertThat(signIn.authenticate(name, pw).username()).isEqualTo(name);
            // a password that differs only after bcrypt's 72 bytes is a different password
            String other = pw.substring(0, pw.offsetByCodePoints(pw.length(), -1)) + "b";
            assertThatThrownBy(() -> signIn.authenticate(name, other))
                    .isInstanceOf(NotSignedInException.class);
        }
        String tooLong = "出".repeat(Passwords.MAX_LENGTH + 1);
        assertThatThrownBy(() -> accounts.createUser(new Accounts.NewUser("long9", tooLong, "某人", Role.REVIEWER, null,
                null, null))).isInstanceOfSatisfying(InvalidInputException.class, x -> {
                    assertThat(x.errors()).extracting(f -> f.field()).containsExactly("password");
                    assertThat(x.errors().get(0).zh()).contains("128");
                });
        assertThatThrownBy(() -> signIn.authenticate("long0", tooLong))
                .isInstanceOfSatisfying(InvalidInputException.class, x ->
                        assertThat(x.errors()).extracting(f -> f.field()).containsExactly("password"));
        assertThatThrownBy(() -> signIn.authenticate("long0", "x".repeat(1_000_000)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void hashesStoredBeforeLongPasswordsStillVerify() {
        String legacy = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, "correct-horse-1".toCharArray());
        assertThat(passwords.verify("correct-horse-1", legacy)).isTrue();
        assertThat(passwords.verify("correct-horse-2", legacy)).isFalse();
    }

    @Test
    void changingAPasswordNeedsTheCurrentOneNamesEveryBadFieldAndCountsWrongTries() {
        User u = user("changer", Role.REVIEWER, null);
        SignIn signIn = new SignIn(db, passwords, clock);
        assertThatThrownBy(() -> signIn.changePassword(u.id(), "", "short", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("newPassword", "currentPassword"));
        assertThatThrownBy(() -> signIn.changePassword(u.id(), "wrong-horse", "short", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("newPassword", "currentPassword"));
        assertThatThrownBy(() -> signIn.changePassword(u.id(), "correct-horse", "correct-horse", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.errors())
                        .extracting(f -> f.field()).containsExactly("newPassword"));
        String passphrase = "我们公司的出口信用保险保单密码是一句很长的中文短语共三十个字";
        signIn.changePassword(u.id(), "correct-horse", passphrase, List.of());
        assertThat(signIn.authenticate("changer", passphrase).id()).isEqualTo(u.id());
        assertThatThrownBy(() -> signIn.authenticate("changer", "correct-horse"))
                .isInstanceOf(NotSignedInException.class);
        // wrong current passwords lock the account like wrong sign-ins (the wrong sign-in above, 3 here, then the fifth)
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.changePassword(u.id(), "guess-guess", "another-one", List.of()))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> signIn.changePassword(u.id(), "guess-guess", "another-one", List.of()))
                .isInstanceOf(LockedOutException.class);
    }

    @Test
    void sessionsEndWhenIdleWhenOldAndWhenClosedAndStoreNoToken() {
        User u = user("reviewer1", Role.REVIEWER, null);
        Sessions sessions = new Sessions(db, clock);
        Sessions.Opened s = sessions.open(u);
        assertThat(sessions.resolve(s.token())).hasValueSatisfying(p -> {
            assertThat(p.role()).isEqualTo(Role.REVIEWER);
            assertThat(Sessions.csrfMatches(p, s.principal().csrfToken())).isTrue();
            assertThat(Sessions.csrfMatches(p, "forged")).isFalse();
        });
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", s.token())).isZero();
        assertThat(sessions.resolve(s.token() + "x")).isEmpty();
        clock.advance(Duration.ofMinutes(119));
        assertThat(sessions.resolve(s.token())).isPresent();
        clock.advance(Duration.ofMinutes(121));
        assertThat(sessions.resolve(s.token())).isEmpty();

        Sessions.Opened busy = sessions.open(u);
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofMinutes(100));
            assertThat(sessions.resolve(busy.token())).as("after %d minutes", (i + 1) * 100).isPresent();
        }
        clock.advance(Duration.ofMinutes(100)); // 800 minutes: past the 12-hour limit however active
        assertThat(sessions.resolve(busy.token())).isEmpty();

        Sessions.Opened closed = sessions.open(u);
        sessions.close(closed.token());
        assertThat(sessions.resolve(closed.token())).isEmpty();
    }

    @Test
    void tenancyFollowsRolesDistrictsAndNamedEnterprises() {
        Enterprise sz = enterprise(SHENZHEN);
        Enterprise zz = enterprise(ZHENGZHOU);
        User legal = user("legal1", Role.LEGAL_REPRESENTATIVE, sz.id());
        User shenzhenManager = user("manager1", Role.ACCOUNT_MANAGER, null);
        User namedManager = user("manager2", Role.ACCOUNT_MANAGER, null);
        User reviewer = user("reviewer1", Role.REVIEWER, null);
        accounts.addToPortfolio(shenzhenManager.id(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        accounts.addToPortfolio(namedManager.id(), Input.of(new Accounts.Portfolio(List.of(), List.of(zz.id()))));
        Tenancy tenancy = new Tenancy(db);
        assertThat(tenancy.canSee(legal.principal(), sz.id())).isTrue();
        assertThat(tenancy.canSee(legal.principal(), zz.id())).isFalse();
        assertThat(tenancy.canSee(shenzhenManager.principal(), sz.id())).isTrue();
        assertThat(tenancy.canSee(shenzhenManager.principal(), zz.id())).isFalse();
        assertThat(tenancy.canSee(namedManager.principal(), zz.id())).isTrue();
        assertThat(tenancy.canSee(namedManager.principal(), sz.id())).isFalse();
        assertThat(tenancy.canSee(reviewer.principal(), zz.id())).isTrue();
        assertThat(accounts.managersOf(sz.id())).extracting(User::username).containsExactly("manager1");
        for (User u : List.of(legal, shenzhenManager, namedManager, reviewer)) {
            Tenancy.Filter f = Tenancy.filter(u.principal(), "e.id");
            List<Long> visible = db.read(tx -> tx.list("SELECT e.id FROM enterprises e WHERE " + f.sql() + " ORDER BY e.id",
                    r -> r.longValue("id"), f.args()));
            List<Long> expected = List.of(sz.id(), zz.id()).stream().filter(id -> tenancy.canSee(u.principal(), id)).toList();
            assertThat(visible).as(u.username()).isEqualTo(expected);
        }
        assertThatThrownBy(() -> accounts.addToPortfolio(shenzhenManager.id(), Input.of(new Accounts.Portfolio(List.of("44030"), List.of()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.addToPortfolio(legal.id(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of()))))
                .isInstanceOf(InvalidInputException.class);
    }
}
