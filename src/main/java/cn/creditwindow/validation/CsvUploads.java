package cn.creditwindow.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file (RFC 4180, as spreadsheets save it) into its records: UTF-8 only (with or
 * without a byte-order mark; anything else is refused with a message saying how to save the file), blank
 * lines skipped. Checking the columns is the caller's business.
 */
public final class CsvUploads {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvUploads() {
    }

    /**
     * The records of the file, each a list of its fields; a record holding only blanks is left out.
     *
     * @param field the request field the file came in, named in the errors
     */
    public static List<List<String>> records(byte[] content, String field) {
        return lines(content, field).stream().map(Line::values).toList();
    }

    /** A record with the line of the file it starts on (1 for the first), for errors that name the line. */
    public record Line(int number, List<String> values) {
    }

    /**
     * {@link #records} with the line each record starts on (a quoted field may span lines, so this is not the
     * record's index).
     */
    public static List<Line> lines(byte[] content, String field) {
        return lines(text(content, field), field);
    }

    /** {@link #lines(byte[], String)} of text already decoded (a caller with its own message for bad encodings). */
    public static List<Line> lines(String text, String field) {
        List<Line> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            int line = 1;
            int scanned = 0;
            for (CSVRecord record : parser) {
                // the parser's position is where it began reading: before the empty lines it skipped
                int start = (int) record.getCharacterPosition();
                while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                    start++;
                }
                for (; scanned < start; scanned++) {
                    if (text.charAt(scanned) == '\n') {
                        line++;
                    }
                }
                List<String> values = record.toList();
                if (values.stream().anyMatch(v -> !v.isBlank())) {
                    out.add(new Line(line, values));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("parsing CSV text held in memory", e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(field, "文件不是有效的 CSV（引号未闭合？）：" + e.getMessage(),
                    "the file is not valid CSV (an unclosed quote?): " + e.getMessage());
        }
        return out;
    }

    /**
     * The text of an uploaded file: UTF-8 only, a byte-order mark dropped; anything else is refused with a message
     * saying how to save the file.
     *
     * @param field the request field the file came in, named in the error
     */
    public static String text(byte[] content, String field) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "文件不是 UTF-8 编码：请另存为“CSV UTF-8”后再导入",
                    "the file is not UTF-8: save it as 'CSV UTF-8' and import it again");
        }
    }
}
