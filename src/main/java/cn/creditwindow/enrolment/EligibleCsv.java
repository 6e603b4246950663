package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.Uscc;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.CsvUploads;
import cn.creditwindow.validation.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an eligible-enterprise list: UTF-8 (a byte-order mark is allowed), a header row, then one row per
 * enterprise with four columns: USCC, company name, last-year exports in USD (digits, at most two decimals),
 * district code (6 digits of a province that exists). Fields may be quoted ("…", with "" for a quote).
 * Every bad row and field is reported at once (field {@code line<N>.<column>}); nothing is returned then.
 */
final class EligibleCsv {
    static final int MAX_ROWS = 20_000;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    /** The province-level prefixes of GB/T 2260. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private EligibleCsv() {
    }

    /** One row: its line number in the file (the header is line 1). */
    record Row(int line, String uscc, String name, BigDecimal exports, String district) {
    }

    static List<Row> parse(byte[] content) {
        List<List<String>> records = CsvUploads.records(content, "file");
        List<FieldError> errors = new ArrayList<>();
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "文件为空：第一行应为表头（统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码）",
                    "the file is empty: the first line must be the header (USCC, company name, last-year exports USD, district code)");
        }
        List<String> header = records.get(0);
        if (header.size() != 4 || Uscc.isValid(Uscc.normalise(header.get(0)))) {
            throw new InvalidInputException("line1", "第 1 行应为 4 列的表头（统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码）",
                    "line 1 must be the header of 4 columns (USCC, company name, last-year exports USD, district code)");
        }
        if (records.size() == 1) {
            throw new InvalidInputException("file", "文件中没有企业数据行", "the file has no enterprise rows");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行", "at most " + MAX_ROWS
                    + " rows can be imported at once");
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            int line = i + 1;
            List<String> r = records.get(i);
            String at = "line" + line;
            if (r.size() != 4) {
                errors.add(new FieldError(at, "第 " + line + " 行应有 4 列，实有 " + r.size() + " 列",
                        "line " + line + " must have 4 columns, it has " + r.size()));
                continue;
            }
            int before = errors.size();
            String uscc = Uscc.normalise(r.get(0));
            Uscc.check(at + ".uscc", uscc).ifPresentOrElse(e -> errors.add(new FieldError(e.field(),
                    "第 " + line + " 行：" + e.zh(), "line " + line + ": " + e.en())), () -> {
                        Integer first = seen.putIfAbsent(uscc, line);
                        if (first != null) {
                            errors.add(new FieldError(at + ".uscc", "第 " + line + " 行：统一社会信用代码 " + uscc
                                    + " 与第 " + first + " 行重复", "line " + line + ": USCC " + uscc + " repeats line " + first));
                        }
                    });
            String name = r.get(1).strip();
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError(at + ".name", "第 " + line + " 行：请填写企业名称（不超过 100 字）",
                        "line " + line + ": the company name is required (at most 100 characters)"));
            }
            String amount = r.get(2).strip();
            BigDecimal exports = null;
            if (!AMOUNT.matcher(amount).matches()) {
                errors.add(new FieldError(at + ".exports", "第 " + line + " 行：上年出口额“" + amount
                        + "”不是有效金额（美元，数字，最多两位小数，不带千位分隔符）", "line " + line + ": last-year exports '"
                        + amount + "' is not an amount (USD, digits with at most two decimals, no separators)"));
            } else {
                exports = new BigDecimal(amount).setScale(2);
            }
            String district = r.get(3).strip();
            if (!DISTRICT.matcher(district).matches() || !PROVINCES.contains(district.substring(0, 2))
                    || district.endsWith("0000")) {
                errors.add(new FieldError(at + ".district", "第 " + line + " 行：行政区划代码“" + district
                        + "”无效（应为 6 位区县或地市代码，前两位为省级代码）", "line " + line + ": district code '" + district
                        + "' is not valid (6 digits of a city or district, starting with a province code)"));
            }
            if (errors.size() == before) {
                rows.add(new Row(line, uscc, name, exports, district));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return rows;
    }



}
