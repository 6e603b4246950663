package cn.creditwindow.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the reference CSV files: UTF-8, one header row that must be exactly the expected columns,
 * fields optionally double-quoted (RFC 4180, {@code ""} for a quote; no line breaks inside fields), each line read
 * by commons-csv as the uploads are ({@code validation.CsvUploads}).
 * Every row must have as many fields as the header. Errors name the file and line.
 */
final class ReferenceCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** One data row; {@code line} is 1-based and counts the header. */
    record Row(String file, int line, List<String> fields) {
        String get(int column) {
            return fields.get(column);
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(file + " line " + line + ": " + message);
        }
    }

    private ReferenceCsv() {
    }

    /** Reads a classpath resource such as {@code /reference/countries.csv}. */
    static List<Row> readResource(String resource, List<String> header) {
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " not found");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return read(resource, reader.lines().toList(), header);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    static List<Row> read(String file, List<String> lines, List<String> header) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected the header " + String.join(",", header));
        }
        List<String> actualHeader = split(file, 1, stripBom(lines.get(0)));
        if (!actualHeader.equals(header)) {
            throw new IllegalArgumentException(file + " line 1: expected the header " + String.join(",", header)
                    + " but found " + String.join(",", actualHeader));
        }
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(file, i + 1, line);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + header.size()
                        + " fields but found " + fields.size());
            }
            rows.add(new Row(file, i + 1, fields));
        }
        return rows;
    }

    /** One line's fields, read by commons-csv (RFC 4180), as the uploads are. */
    private static List<String> split(String file, int lineNumber, String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unterminated quoted field as an IOException at the end of the line
            throw new IllegalArgumentException(file + " line " + lineNumber + ": unterminated quoted field", e);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Splits a {@code |}-separated list, dropping empty items and surrounding spaces. */
    static List<String> list(String field) {
        List<String> items = new ArrayList<>();
        for (String item : field.split("\\|")) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return List.copyOf(items);
    }
}
