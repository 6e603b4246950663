package cn.creditwindow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled data file, calendar/holidays.csv (converted from chinese-days 1.5.7): complete years, real facts. */
class BundledSchedulesTest {
    private static final List<YearSchedule> YEARS = HolidayCalendar.bundled();

    @Test
    void everyYearFrom2008To2026IsThereOnce() { // #13
        assertThat(YEARS).extracting(YearSchedule::year)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2008, 2026).boxed().toList());
    }

    @Test
    void everyYearHasTheSevenHolidaysAndOnlyWeekendWorkdays() { // #13
        for (YearSchedule y : YEARS) {
            Set<String> names = y.days().stream().filter(d -> d.kind() == ScheduleDay.Kind.HOLIDAY)
                    .map(ScheduleDay::name).collect(Collectors.toSet());
            assertThat(names).as(String.valueOf(y.year())).contains("元旦", "春节", "清明", "劳动节", "端午", "国庆节");
            if (y.year() != 2020) { // 2020's 中秋 fell on 1 October, inside 国庆节
                assertThat(names).as(String.valueOf(y.year())).contains("中秋");
            }
            assertThat(y.days()).filteredOn(d -> d.kind() == ScheduleDay.Kind.WORKDAY)
                    .allSatisfy(d -> assertThat(d.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            assertThat(y.holidays()).as(String.valueOf(y.year())).isBetween(20, 40);
        }
    }

    @Test
    void holdsKnownPublishedDays() { // #13
        YearSchedule y2024 = year(2024);
        assertThat(kind(y2024, "2024-02-04")).isEqualTo(ScheduleDay.Kind.WORKDAY);
        assertThat(kind(y2024, "2024-02-18")).isEqualTo(ScheduleDay.Kind.WORKDAY);
        for (int d = 10; d <= 17; d++) {
            assertThat(kind(y2024, "2024-02-" + d)).isEqualTo(ScheduleDay.Kind.HOLIDAY);
        }
        YearSchedule y2026 = year(2026);
        for (int d = 15; d <= 23; d++) {
            assertThat(kind(y2026, "2026-02-" + d)).isEqualTo(ScheduleDay.Kind.HOLIDAY);
        }
        assertThat(kind(y2026, "2026-10-10")).isEqualTo(ScheduleDay.Kind.WORKDAY);
        assertThat(year(2015).days()).anyMatch(d -> d.date().equals(LocalDate.of(2015, 9, 3))
                && d.name().startsWith("中国人民抗日战争"));
    }

    private static YearSchedule year(int year) {
        return YEARS.stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    private static ScheduleDay.Kind kind(YearSchedule y, String date) {
        return y.days().stream().filter(d -> d.date().equals(LocalDate.parse(date))).map(ScheduleDay::kind)
                .findFirst().orElse(null);
    }
}
