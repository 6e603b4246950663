package cn.creditwindow.reference;

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

/** The bundled coded lists written as {@code |}-separated lines (the claim form's codes, the loss advice). */
public final class PipeFiles {
    /** The data files' format: fields between {@code |}, no quoting, comments after {@code #} at a line's start. */
    private static final CSVFormat DATA_FILE = CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote(null)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setRecordSeparator('\n').get();

    private PipeFiles() {
    }

    /**
     * The rows of a bundled data file of {@code |}-separated fields, read by commons-csv: blank lines and lines
     * starting with {@code #} are skipped, fields are stripped, and a row with another number of fields than
     * {@code layout} names, or a blank key field, fails naming the file and the line.
     *
     * @param resource the file on the classpath, e.g. {@code /claims/codes.txt}
     * @param layout   the fields, e.g. {@code list|code|zh|en}
     * @param key      the field that must not be blank
     */
    public static List<List<String>> rows(String resource, String layout, int key) {
        String file = resource.substring(1);
        int fields = layout.split("\\|").length;
        try (InputStream in = PipeFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            List<List<String>> rows = new ArrayList<>();
            try (CSVParser parser = DATA_FILE.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (CSVRecord r : parser) {
                    List<String> f = r.stream().map(String::strip).toList();
                    if (f.size() != fields || f.get(key).isBlank()) {
                        throw new IllegalStateException(file + " line " + parser.getCurrentLineNumber() + ": expected "
                                + layout + ": " + String.join("|", r.values()));
                    }
                    rows.add(f);
                }
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
