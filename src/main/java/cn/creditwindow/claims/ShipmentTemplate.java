package cn.creditwindow.claims;

import cn.creditwindow.validation.CsvUploads;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The shipment import template (出运信息导入模板), as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs
 * read the Chinese) and as XLSX, and the reading of a filled-in file back into shipment forms. The first row names
 * the columns; each further non-blank row is a shipment. Reading checks the file's shape only: the rows' values
 * are checked by {@link ClaimShipments#importTemplate} like any other shipment.
 */
final class ShipmentTemplate {
    /** The columns, in order: the header's texts. */
    static final List<String> HEADER = List.of("发票号 Invoice no.", "海关商品编号 HS code",
            "出运日期 Shipment date (YYYY-MM-DD)", "支付方式 Payment method", "支付期限（天）Term (days)",
            "发票金额（美元）Invoice amount (USD)", "索赔金额（美元）Claimed amount (USD)", "收汇状态 Collection status",
            "运输方式 Transport mode", "报关单号 Customs declarations", "原产地证书号 Certificate of origin no.");
    static final int MAX_ROWS = 1000;
    /** A larger file is refused before it is read. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private ShipmentTemplate() {
    }

    /** The empty template as CSV. */
    public static byte[] csv() {
        return ("\uFEFF" + String.join(",", HEADER) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The empty template as XLSX, every column formatted as text (so long numbers keep their digits). */
    public static byte[] xlsx() {
        return xlsx(List.of());
    }

    /** A template with rows filled in (for tests and the demo). */
    static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "CreditWindow", "1.0");
            Worksheet ws = wb.newWorksheet("shipments");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));
                ws.width(c, 24);
                ws.range(1, c, MAX_ROWS, c).style().format("@").set();
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    ws.value(r + 1, c, rows.get(r).get(c));
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the shipment template", e);
        }
        return out.toByteArray();
    }

    /** A filled-in row, with the line number people see in their spreadsheet. */
    record Line(int number, Claims.ShipmentForm form) {
    }

    /** The rows of a CSV or XLSX file (told apart by content: XLSX is a zip); invalid input when its shape is wrong. */
    static List<Line> read(byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "文件为空", "the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "文件不能超过 2 MB", "the file must be at most 2 MB");
        }
        // fastexcel's check throws on fewer bytes than a zip header; so short a file is no workbook anyway
        boolean xlsx = content.length >= 8 && ReadableWorkbook.isOOXMLZipHeader(content);
        List<List<String>> records = xlsx ? xlsxRecords(content)
                : CsvUploads.lines(decode(content), "file").stream().map(CsvUploads.Line::values).toList();
        if (records.isEmpty() || !header(records.get(0))) {
            throw new InvalidInputException("file", "第一行应为模板的列名：" + String.join(",", HEADER)
                    + "，请下载模板后填写", "the first row must be the template's header: " + String.join(",", HEADER)
                    + "; download the template and fill it in");
        }
        if (records.size() == 1) {
            throw new InvalidInputException("file", "文件中没有出运信息", "the file has no shipments");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行", "at most " + MAX_ROWS
                    + " rows per file");
        }
        List<Line> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > HEADER.size()) {
                errors.add(new FieldError("row " + (r + 1), "第 " + (r + 1) + " 行的列比模板多",
                        "row " + (r + 1) + " has more columns than the template"));
                continue;
            }
            List<String> v = new ArrayList<>(rec);
            while (v.size() < HEADER.size()) {
                v.add("");
            }
            lines.add(new Line(r + 1, new Claims.ShipmentForm(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4),
                    v.get(5), v.get(6), v.get(7), v.get(8), v.get(9), v.get(10))));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return lines;
    }

    private static boolean header(List<String> row) {
        if (row.size() < HEADER.size()) {
            return false;
        }
        for (int i = 0; i < HEADER.size(); i++) {
            if (!row.get(i).strip().equals(HEADER.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> xlsxRecords(byte[] content) {
        List<List<String>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            for (Row row : (Iterable<Row>) wb.getFirstSheet().openStream()::iterator) {
                List<String> rec = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    rec.add(text(row.getOptionalCell(c)));
                }
                while (!rec.isEmpty() && rec.get(rec.size() - 1).isBlank()) {
                    rec.remove(rec.size() - 1);
                }
                if (!rec.isEmpty()) {
                    out.add(rec);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fastexcel reports a damaged workbook with its own unchecked exception; the file is the user's
            throw new InvalidInputException("file", "无法读取 XLSX 文件，请使用下载的模板",
                    "the XLSX file cannot be read; use the downloaded template");
        }
        return out;
    }

    /** A cell as text: dates typed in a spreadsheet become YYYY-MM-DD, numbers lose the ".0" spreadsheets add. */
    private static String text(Optional<Cell> cell) {
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return "";
        }
        Cell c = cell.get();
        if (c.getType() == CellType.NUMBER) {
            String format = c.getDataFormatString();
            if (format != null && (format.contains("yy") || format.contains("d/") || format.contains("m/"))) {
                return c.asDate().toLocalDate().toString();
            }
            BigDecimal n = c.asNumber();
            return n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
        }
        return c.getText() == null ? "" : c.getText();
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "文件不是 UTF-8 编码：请另存为“CSV UTF-8”或 XLSX 后再导入",
                    "the file is not UTF-8: save it as 'CSV UTF-8' or XLSX and import it again");
        }
    }
}
