package cn.creditwindow.calendar;

import cn.creditwindow.validation.NotAllowedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.config.Config;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar on a real SQLite file: which years it holds and needs, and loading a year (all or nothing). */
class HolidayCalendarTest {
    @TempDir
    Path dir;
    Database db;
    TestClock clock;
    HolidayCalendar calendar;
    Principal admin;
    Principal reviewer;

    @BeforeEach
    void setUp() {
        db = Database.openFile(dir.resolve("calendar.db"));
        clock = new TestClock(Instant.parse("2026-12-04T02:00:00Z"));
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        admin = principal(accounts, "admin", Role.ADMIN);
        reviewer = principal(accounts, "reviewer", Role.REVIEWER);
        calendar = new HolidayCalendar(db, HolidayCalendar.bundled(), clock, Config.CHINA);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Principal principal(Accounts accounts, String name, Role role) {
        User u = accounts.createUser(new Accounts.NewUser(name, "test-pass-2026", "测试" + name, role, null,
                "13800000001", name + "@example.com"));
        return new Principal(u.id(), u.username(), u.displayName(), role, null, Set.of(), null);
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = HolidayCalendarTest.class.getResourceAsStream("/calendar/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theNextYearIsNeededFromSixtyDaysBeforeItBegins() {
        assertThat(HolidayCalendar.neededYears(LocalDate.of(2026, 11, 1))).containsExactly(2026);
        assertThat(HolidayCalendar.neededYears(LocalDate.of(2026, 11, 2))).containsExactly(2026, 2027);
        assertThat(HolidayCalendar.neededYears(LocalDate.of(2027, 1, 1))).containsExactly(2027);
    }

    @Test
    void onTheFourthOfDecember2026TheMissingYearIs2027UntilItIsLoaded() throws IOException { // #13
        assertThat(calendar.missingYears()).containsExactly(2027);
        HolidayCalendar.Overview before = calendar.overview();
        assertThat(before.needed()).containsExactly(2026, 2027);
        assertThat(before.missing()).containsExactly(2027);
        assertThat(before.years().get(0).year()).isEqualTo(2026);
        assertThat(before.years().get(0).source()).isEqualTo(HolidayCalendar.Source.BUNDLED);
        assertThat(before.years().get(0).dataset()).isEqualTo("chinese-days 1.5.7");

        HolidayCalendar.Loaded loaded = calendar.load(admin, 2027, "C:\\schedules\\2027-invented.csv",
                fixture("2027-invented.csv"));
        assertThat(loaded.schedule()).isEqualTo(new HolidayCalendar.Year(2027, HolidayCalendar.Source.UPLOADED, null,
                ScheduleFiles.Format.CSV, "2027-invented.csv", "测试admin (admin)", clock.instant(), 10, 1));
        assertThat(loaded.days()).hasSize(11);
        assertThat(calendar.missingYears()).isEmpty();
        assertThat(calendar.overview().years().get(0)).isEqualTo(loaded.schedule());
        assertThat(calendar.workingDays().after(LocalDate.of(2026, 12, 14), 15))
                .isEqualTo(new Deadline(LocalDate.of(2027, 1, 5), List.of()));
    }

    @Test
    void loadingAYearAgainReplacesItAndALoadedYearTakesThePlaceOfABundledOne() throws IOException {
        calendar.load(admin, 2027, "2027-invented.csv", fixture("2027-invented.csv"));
        clock.advance(java.time.Duration.ofHours(1));
        HolidayCalendar.Loaded again = calendar.load(admin, 2027, "2027-invented-corrected.ics",
                fixture("2027-invented-corrected.ics"));
        assertThat(again.schedule().format()).isEqualTo(ScheduleFiles.Format.ICS);
        assertThat(again.schedule().holidays()).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM calendar_years")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM calendar_days")).isEqualTo(13);
        assertThat(calendar.workingDays().after(LocalDate.of(2026, 12, 14), 15).date())
                .isEqualTo(LocalDate.of(2027, 1, 6));
        // 2026 again, from the package's own ICS: it replaces the bundled year (same days), now shown as loaded
        calendar.load(admin, 2026, "2026.ics", fixture("chinese-days-2026.ics"));
        HolidayCalendar.Year y2026 = calendar.overview().years().get(1);
        assertThat(y2026.source()).isEqualTo(HolidayCalendar.Source.UPLOADED);
        assertThat(y2026.holidays()).isEqualTo(33);
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    }

    @Test
    void aRefusedFileOrYearSavesNothingAndTellsNobody() throws IOException { // #13
        List<Integer> told = new ArrayList<>();
        calendar.onLoaded((tx, cal, year) -> told.add(year));
        byte[] bad = "date,kind,name\n2027-01-01,holiday,元旦\n2027-01-06,workday,元旦\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> calendar.load(admin, 2027, "bad.csv", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("line 3"));
        assertThatThrownBy(() -> calendar.load(admin, 2028, "2027.csv", fixture("2027-invented.csv")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).en())
                        .isEqualTo("the year is 2000 to 2027 (the State Council publishes next year's schedule each year)"));
        assertThatThrownBy(() -> calendar.load(admin, 2026, "2027.csv", fixture("2027-invented.csv")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.load(reviewer, 2027, "2027.csv", fixture("2027-invented.csv")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(count("SELECT COUNT(*) FROM calendar_years")).isZero();
        assertThat(told).isEmpty();
        assertThat(calendar.missingYears()).containsExactly(2027);
    }

    @Test
    void aListenerThatFailsRollsTheLoadBack() throws IOException {
        calendar.onLoaded((tx, cal, year) -> {
            assertThat(cal.covers(year)).isTrue();
            throw new IllegalStateException("recount failed");
        });
        assertThatThrownBy(() -> calendar.load(admin, 2027, "2027.csv", fixture("2027-invented.csv")))
                .hasMessage("recount failed");
        assertThat(count("SELECT COUNT(*) FROM calendar_days")).isZero();
    }
}
