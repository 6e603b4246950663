package cn.creditwindow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a year's official schedule from an uploaded CSV or ICS file: good files, and every bad line named. */
class ScheduleFilesTest {
    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ScheduleFilesTest.class.getResourceAsStream("/calendar/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<FieldError> refused(int year, String text) {
        return refused(year, utf8(text));
    }

    private static List<FieldError> refused(int year, byte[] content) {
        try {
            ScheduleFiles.read(year, content);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("the file was taken");
    }

    private static YearSchedule bundled(int year) {
        return HolidayCalendar.bundled().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    @Test
    void readsTheCsvColumnsOfTheBundledFile() throws IOException { // #13
        ScheduleFiles.Read read = ScheduleFiles.read(2027, fixture("2027-invented.csv"));
        assertThat(read.format()).isEqualTo(ScheduleFiles.Format.CSV);
        assertThat(read.schedule().year()).isEqualTo(2027);
        assertThat(read.schedule().holidays()).isEqualTo(10);
        assertThat(read.schedule().workdays()).isEqualTo(1);
        assertThat(read.schedule().days().get(0)).isEqualTo(new ScheduleDay(LocalDate.of(2027, 1, 1),
                ScheduleDay.Kind.HOLIDAY, "元旦"));
    }

    @Test
    void takesACsvWithoutHeaderWithABomAndSpreadsheetDates() {
        YearSchedule y = ScheduleFiles.read(2027, utf8("\uFEFF2027/1/1,Holiday,元旦\r\n\r\n2027-2-14, WORKDAY ,\"春节\"\r\n"))
                .schedule();
        assertThat(y.days()).containsExactly(new ScheduleDay(LocalDate.of(2027, 1, 1), ScheduleDay.Kind.HOLIDAY, "元旦"),
                new ScheduleDay(LocalDate.of(2027, 2, 14), ScheduleDay.Kind.WORKDAY, "春节"));
    }

    @Test
    void aBadCsvNamesEveryBadLineAndWhatIsWrong() { // #13
        List<FieldError> errors = refused(2027, String.join("\n",
                "date,kind,name",
                "2027-01-01,holiday,元旦",
                "2026-12-31,holiday,元旦",
                "2027-02-30,holiday,春节",
                "2027-02-10,off,春节",
                "2027-02-10,workday,春节",
                "2027-01-01,holiday,元旦",
                "2027-02-11,holiday,",
                "2027-02-12,holiday",
                "2027-02-13,holiday,春节,extra"));
        assertThat(errors).extracting(FieldError::en).containsExactly(
                "line 3: 2026-12-31 is not in 2027",
                "line 4: '2027-02-30' is not a date yyyy-MM-dd",
                "line 5: unknown kind 'off': holiday (a day off) or workday (a weekend day worked)",
                "line 6: workday 2027-02-10 is a Wednesday: a day worked in lieu is a Saturday or Sunday",
                "line 7: 2027-01-01 is given twice (also on line 2)",
                "line 8: the holiday's name is missing",
                "line 9: expected 3 columns (date,kind,name), found 2",
                "line 10: expected 3 columns (date,kind,name), found 4");
        assertThat(errors).extracting(FieldError::field).containsExactly("line 3", "line 4", "line 5", "line 6",
                "line 7", "line 8", "line 9", "line 10");
        assertThat(errors).extracting(FieldError::zh).contains("第 3 行：2026-12-31 不在 2027 年内",
                "第 6 行：调休上班日 2027-02-10 是周三：调休上班日应为周六或周日", "第 7 行：2027-01-01 重复（第 2 行已有）");
    }

    @Test
    void aScheduleNeedsAHolidayOfItsYear() {
        assertThat(refused(2027, "date,kind,name\n2027-02-14,workday,春节\n")).extracting(FieldError::field, FieldError::en)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("file", "the file has no holiday in 2027"));
    }

    @Test
    void theFileIsGivenNotTooLargeAndUtf8() {
        assertThat(refused(2027, new byte[0])).extracting(FieldError::field).containsExactly("file");
        assertThat(refused(2027, new byte[ScheduleFiles.MAX_BYTES + 1])).extracting(FieldError::en)
                .containsExactly("the file is too large: a holiday schedule is at most 64 KB");
        assertThat(refused(2027, "2027-01-01,holiday,元旦\n".getBytes(Charset.forName("GBK"))))
                .extracting(FieldError::en).allMatch(m -> m.contains("UTF-8"));
    }

    @Test
    void theChineseDaysIcsOf2026IsTheBundled2026() throws IOException { // #13
        ScheduleFiles.Read zh = ScheduleFiles.read(2026, fixture("chinese-days-2026.ics"));
        assertThat(zh.format()).isEqualTo(ScheduleFiles.Format.ICS);
        assertThat(zh.schedule()).isEqualTo(bundled(2026));
        // the English file: the same days, English names
        YearSchedule en = ScheduleFiles.read(2026, fixture("chinese-days-2026.en.ics")).schedule();
        assertThat(en.days()).extracting(ScheduleDay::date, ScheduleDay::kind)
                .containsExactlyElementsOf(bundled(2026).days().stream()
                        .map(d -> org.assertj.core.groups.Tuple.tuple(d.date(), d.kind())).toList());
        assertThat(en.days().get(0).name()).isEqualTo("New Year's Day");
    }

    @Test
    void readsFoldedLinesAndTheSummaryAloneAndLeavesOutCancelledEvents() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20270104", "SUMMARY:元",
                " 旦（休）", "BEGIN:VALARM", "SUMMARY:提醒(班)", "END:VALARM", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART:20270214", "SUMMARY:春节 (Workday)", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270301", "SUMMARY:作废(休)", "STATUS:CANCELLED", "END:VEVENT",
                "END:VCALENDAR", "");
        YearSchedule y = ScheduleFiles.read(2027, utf8(ics)).schedule();
        assertThat(y.days()).extracting(ScheduleDay::date, ScheduleDay::kind, ScheduleDay::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 1), ScheduleDay.Kind.HOLIDAY, "元旦"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 2), ScheduleDay.Kind.HOLIDAY, "元旦"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 3), ScheduleDay.Kind.HOLIDAY, "元旦"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 14), ScheduleDay.Kind.WORKDAY, "春节"));
    }

    @Test
    void aBadIcsNamesEachLine() { // #13
        String ics = String.join("\n", "BEGIN:VCALENDAR",                         // 1
                "BEGIN:VEVENT", "DTSTART:20270101T090000", "SUMMARY:元旦(休)", "END:VEVENT",     // 2-5
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270101", "RRULE:FREQ=YEARLY", "SUMMARY:元旦(休)", "END:VEVENT", // 6-10
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270206", "SUMMARY:春节", "END:VEVENT",     // 11-14
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270207", "SUMMARY:春节(班)",               // 15-17
                "X-APPLE-SPECIAL-DAY:WORK-HOLIDAY", "END:VEVENT",                               // 18-19
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270102", "SUMMARY:元旦(休)",
                "END:VEVENT",                                                                    // 20-24
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270301", "SUMMARY:x(休)",
                "END:VEVENT",                                                                    // 25-29
                "this line is not iCalendar",                                                    // 30
                "END:VCALENDAR");
        assertThat(refused(2027, ics)).extracting(FieldError::en).containsExactly(
                "line 3: DTSTART 20270101T090000 has a time of day: use all-day dates (DTSTART;VALUE=DATE:yyyyMMdd)",
                "line 8: repeating events (RRULE) are not supported: list each day or range",
                "line 13: cannot tell whether '春节' is days off or days worked: end SUMMARY with (休) or (班)",
                "line 17: SUMMARY and X-APPLE-SPECIAL-DAY disagree (one says off, the other worked)",
                "line 21: 2026-12-31 is not in 2027",
                "line 27: DTEND 2027-03-01 must be after DTSTART 2027-03-01 and within a year of it",
                "line 30: not an iCalendar content line (NAME:value)");
        assertThat(refused(2027, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:元旦(休)\n"))
                .extracting(FieldError::en).containsExactly("line 2: BEGIN:VEVENT is never ended (no END)",
                        "the file has no holiday in 2027");
    }
}
