package cn.creditwindow.customs;

import cn.creditwindow.validation.CsvUploads;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customs data as CSV (UTF-8, RFC 4180 quoting, a header naming the columns in any order), one file per
 * {@link Kind}. A declaration takes one line per goods line: the lines of one number, in order, are its goods,
 * and their declaration columns must agree. Only the file's shape is checked here; the values are checked by
 * {@link CustomsImport}, which names a bad one by line and column.
 */
public final class CustomsCsv {
    static final int MAX_LINES = 20_000;

    /** The kinds of file, each with its columns (the first ones required). */
    public enum Kind {
        DECLARATIONS("declarations", List.of("number", "consignor_uscc", "trade_country", "export_date", "exit_office",
                "transport_mode", "hs_code", "goods_name", "quantity", "unit", "unit_price", "total", "currency"),
                List.of("bill_of_lading_no")),
        BILLS_OF_LADING("bills-of-lading", List.of("number", "consignor_uscc", "vessel", "shipper", "consignee", "date"),
                List.of("voyage")),
        CERTIFICATES("certificates", List.of("number", "exporter_uscc", "goods", "destination_country", "date"),
                List.of());

        private final String slug;
        private final List<String> required;
        private final List<String> optional;

        Kind(String slug, List<String> required, List<String> optional) {
            this.slug = slug;
            this.required = required;
            this.optional = optional;
        }

        public String slug() {
            return slug;
        }

        /** Every column, required first. */
        public List<String> columns() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }

        /** The kind of a slug ({@code declarations}, {@code bills-of-lading}, {@code certificates}), if it is one. */
        public static java.util.Optional<Kind> find(String slug) {
            return java.util.Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
        }

        /** The error for a slug that names no kind. */
        public static FieldError unknown() {
            return new FieldError("kind", "数据种类应为 declarations、bills-of-lading 或 certificates",
                    "kind must be declarations, bills-of-lading or certificates");
        }
    }

    /** A file read: the batch, and how to name its values by line and column. */
    record Parsed(CustomsBatch batch, CustomsImport.Locator locator) {
    }

    /** The JSON field a CSV column fills. */
    private static final Map<String, String> FIELD_COLUMN = Map.ofEntries(Map.entry("consignorUscc", "consignor_uscc"),
            Map.entry("billOfLadingNo", "bill_of_lading_no"), Map.entry("tradeCountry", "trade_country"),
            Map.entry("exportDate", "export_date"), Map.entry("exitOffice", "exit_office"),
            Map.entry("transportMode", "transport_mode"), Map.entry("hsCode", "hs_code"), Map.entry("name", "goods_name"),
            Map.entry("unitPrice", "unit_price"), Map.entry("exporterUscc", "exporter_uscc"),
            Map.entry("destinationCountry", "destination_country"));

    private CustomsCsv() {
    }

    static Parsed parse(Kind kind, byte[] content) {
        List<List<String>> records = CsvUploads.records(content, "file");
        String columns = String.join(",", kind.columns());
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "文件为空：第一行应为列名 " + columns,
                    "the file is empty: the first line must name the columns " + columns);
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = kind.required.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "第一行缺少列：" + String.join(", ", missing) + "（列名：" + columns + "）",
                    "the header lacks the columns " + String.join(", ", missing) + " (columns: " + columns + ")");
        }
        if (records.size() == 1 || records.size() - 1 > MAX_LINES) {
            throw new InvalidInputException("file", "文件应有 1–" + MAX_LINES + " 行数据", "the file must have 1-" + MAX_LINES
                    + " data lines");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() > header.size()) {
                errors.add(new FieldError("line " + (r + 1), "第 " + (r + 1) + " 行的字段比列名多",
                        "line " + (r + 1) + " has more fields than the header"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return switch (kind) {
            case DECLARATIONS -> declarations(records, at);
            case BILLS_OF_LADING -> new Parsed(new CustomsBatch(null, records.subList(1, records.size()).stream()
                    .map(rec -> new CustomsBatch.NewBillOfLading(v(rec, at, "number"), v(rec, at, "consignor_uscc"),
                            v(rec, at, "vessel"), v(rec, at, "voyage"), v(rec, at, "shipper"), v(rec, at, "consignee"),
                            v(rec, at, "date"))).toList(), null), (k, i, g, field, zh, en) -> at(i + 2, field, zh, en));
            case CERTIFICATES -> new Parsed(new CustomsBatch(null, null, records.subList(1, records.size()).stream()
                    .map(rec -> new CustomsBatch.NewCertificate(v(rec, at, "number"), v(rec, at, "exporter_uscc"),
                            v(rec, at, "goods"), v(rec, at, "destination_country"), v(rec, at, "date"))).toList()),
                    (k, i, g, field, zh, en) -> at(i + 2, field, zh, en));
        };
    }

    /** Groups the lines by number (in the order numbers first appear); a declaration's columns must agree. */
    private static Parsed declarations(List<List<String>> records, Map<String, Integer> at) {
        Map<String, List<Integer>> linesOf = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            String number = v(records.get(r), at, "number");
            linesOf.computeIfAbsent(number == null ? "line " + (r + 1) : number, n -> new ArrayList<>()).add(r);
        }
        List<String> heading = List.of("consignor_uscc", "bill_of_lading_no", "trade_country", "export_date",
                "exit_office", "transport_mode");
        List<FieldError> errors = new ArrayList<>();
        List<CustomsBatch.NewDeclaration> declarations = new ArrayList<>();
        List<List<Integer>> lineNumbers = new ArrayList<>();
        for (List<Integer> lines : linesOf.values()) {
            List<String> first = records.get(lines.get(0));
            for (int r : lines.subList(1, lines.size())) {
                for (String c : heading) {
                    if (!java.util.Objects.equals(v(first, at, c), v(records.get(r), at, c))) {
                        errors.add(new FieldError("line " + (r + 1) + ": " + c, "第 " + (r + 1) + " 行：" + c
                                + " 与同一报关单第 " + (lines.get(0) + 1) + " 行不一致", "line " + (r + 1) + ": " + c
                                + " differs from line " + (lines.get(0) + 1) + " of the same declaration"));
                    }
                }
            }
            List<CustomsBatch.NewGoods> goods = lines.stream().map(records::get).map(rec -> new CustomsBatch.NewGoods(
                    v(rec, at, "hs_code"), v(rec, at, "goods_name"), v(rec, at, "quantity"), v(rec, at, "unit"),
                    v(rec, at, "unit_price"), v(rec, at, "total"), v(rec, at, "currency"))).toList();
            declarations.add(new CustomsBatch.NewDeclaration(v(first, at, "number"), v(first, at, "consignor_uscc"),
                    v(first, at, "bill_of_lading_no"), v(first, at, "trade_country"), v(first, at, "export_date"),
                    v(first, at, "exit_office"), v(first, at, "transport_mode"), goods));
            lineNumbers.add(lines.stream().map(r -> r + 1).toList());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Parsed(new CustomsBatch(declarations, null, null),
                (k, i, g, field, zh, en) -> at(lineNumbers.get(i).get(Math.max(g, 0)), field, zh, en));
    }

    private static FieldError at(int line, String field, String zh, String en) {
        String column = FIELD_COLUMN.getOrDefault(field, field);
        return new FieldError("line " + line + ": " + column, "第 " + line + " 行：" + zh, "line " + line + ": " + en);
    }

    private static String v(List<String> rec, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        if (i == null || i >= rec.size()) {
            return null;
        }
        String s = rec.get(i).strip();
        return s.isEmpty() ? null : s;
    }


}
