package cn.creditwindow.buyers;

import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.CsvUploads;
import cn.creditwindow.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The insurer's buyer directory as CSV (UTF-8, RFC 4180 quoting, a header line naming the columns in any order):
 * {@code code} (optional: a new code is given when empty or absent), {@code name_en}, {@code name_zh},
 * {@code country} (code or name), {@code address}, {@code registration_no}. Only the file's shape is checked
 * here; the values are checked by {@link Buyers} like a buyer added by hand.
 */
final class BuyerCsv {
    /** Rows one file may hold. */
    static final int MAX_ROWS = 50_000;
    static final List<String> COLUMNS = List.of("code", "name_en", "name_zh", "country", "address", "registration_no");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("nameEn", "name_en", "nameZh", "name_zh",
            "country", "country", "address", "address", "registrationNo", "registration_no");

    private BuyerCsv() {
    }

    /** One data line: its line number in the file (the header is line 1), the code if given, the buyer. */
    record Line(int number, String code, Buyers.NewBuyer buyer) {
    }

    /** The CSV column a field of {@link Buyers.NewBuyer} comes from. */
    static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    static List<Line> parse(byte[] content) {
        List<List<String>> records = CsvUploads.records(content, "file");
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "文件为空：第一行应为列名 " + String.join(",", COLUMNS),
                    "the file is empty: the first line must name the columns " + String.join(",", COLUMNS));
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("name_en", "country")) {
            if (!at.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "第一行缺少列：" + String.join(", ", missing) + "（列名："
                    + String.join(",", COLUMNS) + "）", "the header lacks the columns " + String.join(", ", missing)
                    + " (columns: " + String.join(",", COLUMNS) + ")");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行，请分批导入",
                    "at most " + MAX_ROWS + " lines per file: split it");
        }
        if (records.size() == 1) {
            throw new InvalidInputException("file", "文件中没有买方", "the file has no buyers");
        }
        List<Line> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > header.size()) {
                errors.add(new FieldError("line " + (r + 1), "第 " + (r + 1) + " 行的字段比列名多",
                        "line " + (r + 1) + " has more fields than the header"));
                continue;
            }
            lines.add(new Line(r + 1, value(rec, at, "code"), new Buyers.NewBuyer(value(rec, at, "name_en"),
                    value(rec, at, "name_zh"), value(rec, at, "country"), value(rec, at, "address"),
                    value(rec, at, "registration_no"))));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return lines;
    }

    private static String value(List<String> rec, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        if (i == null || i >= rec.size()) {
            return null;
        }
        String v = rec.get(i).strip();
        return v.isEmpty() ? null : v;
    }



}
