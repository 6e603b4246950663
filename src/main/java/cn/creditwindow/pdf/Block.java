package cn.creditwindow.pdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One piece of a {@link PdfDocument}'s content, laid out top to bottom. Text anywhere may mix Chinese,
 * Latin letters and digits; a line feed ({@code \n}) starts a new line, a tab counts as a space. Every
 * block may run over any number of pages.
 */
public sealed interface Block {

    /** A section heading (一、服务内容), kept on the same page as the start of what follows it. */
    record Heading(String text) implements Block {
        public Heading {
            requireText(text, "heading text");
        }
    }

    /**
     * Running text, wrapped at the page width: between any two Chinese characters (but never before a
     * closing mark such as ，。》 or after an opening one such as 《“), and between Latin words, which are
     * split only when one alone is wider than the line. The first line of each line-feed-separated part is
     * indented by two characters, as Chinese body text is.
     */
    record Paragraph(String text) implements Block {
        public Paragraph {
            requireText(text, "paragraph text");
        }
    }

    /** Label and value rows shown as a two-column table (企业名称 | 深圳市示例科技有限公司). */
    record FieldList(List<Field> fields) implements Block {
        public FieldList {
            fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a field list needs at least one field");
            }
        }
    }

    /** One row of a {@link FieldList}; the value may be empty (a blank on a form), never null. */
    record Field(String label, String value) {
        public Field {
            requireText(label, "field label");
            Objects.requireNonNull(value, () -> "value of field " + label);
        }
    }

    /**
     * A table with a header row; every row has as many cells as the header. Column widths follow the
     * content. A row that does not fit on the rest of a page starts on the next one, where the header is
     * repeated; a row taller than a whole page is split between pages.
     */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(Objects.requireNonNull(header, "header"));
            if (header.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            rows = Objects.requireNonNull(rows, "rows").stream().map(List::copyOf).toList();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != header.size()) {
                    throw new IllegalArgumentException("table row " + (i + 1) + " has " + rows.get(i).size()
                            + " cells but the header has " + header.size());
                }
            }
        }
    }

    /**
     * Starts a new page: what follows begins at the top of the next one (nothing happens on a page still
     * empty, and a break with nothing after it is ignored, so breaks never leave a blank page). For documents made of sets
     * that each begin on a page of their own, such as the shipment data report's 出运信息.
     */
    record PageBreak() implements Block {
    }

    /** The signing parties, two side by side, each kept whole on one page. */
    record Signatures(List<Party> parties) implements Block {
        public Signatures {
            parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
            if (parties.isEmpty()) {
                throw new IllegalArgumentException("a signature block needs at least one party");
            }
        }
    }

    /**
     * A signing party: 甲方（投保人）：深圳市示例科技有限公司, then 签字：signer and 日期：date, each left as a
     * blank to fill in by hand when null; then the seal text (e.g. {@link #ELECTRONIC_SEAL}) in red when
     * not null.
     */
    record Party(String role, String name, String signer, LocalDate date, String seal) {
        /** The mark of a document sealed electronically. */
        public static final String ELECTRONIC_SEAL = "【电子签章】";

        public Party {
            requireText(role, "party role");
            requireText(name, "party name");
        }

        /** A party whose signer and date are left blank, to sign on paper. */
        public static Party unsigned(String role, String name) {
            return new Party(role, name, null, null, null);
        }

        /** A party signed by {@code signer} on {@code date}, not sealed. */
        public static Party signed(String role, String name, String signer, LocalDate date) {
            return new Party(role, name, Objects.requireNonNull(signer, "signer"), Objects.requireNonNull(date, "date"),
                    null);
        }

        /** This party with the electronic seal mark. */
        public Party sealed() {
            return new Party(role, name, signer, date, ELECTRONIC_SEAL);
        }
    }

    private static void requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}
