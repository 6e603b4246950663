package cn.creditwindow.pdf;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link PdfDocument} out on a {@link PageWriter}: the title and reference line on the first
 * page, then each block in order, with the spacing between them.
 */
final class DocumentPainter {
    private static final Color HEADER_FILL = new Color(0xe6, 0xeb, 0xf1);
    private static final Color LABEL_FILL = new Color(0xf3, 0xf5, 0xf8);
    private static final float BLOCK_GAP = 8;
    private static final float HEADING_GAP = 14;
    private static final float SIGNATURES_GAP = 28;
    /** Chinese body text starts each paragraph two characters in. */
    private static final float INDENT = 2 * TextStyle.BODY.size();
    /** The label column of a field list takes at most this share of the width. */
    private static final float LABEL_SHARE = 0.35f;
    private static final String BLANK_SIGNER = "________________";
    private static final String BLANK_DATE = "________年____月____日";

    private final PageWriter page;

    DocumentPainter(PageWriter page) {
        this.page = page;
    }

    void paint(PdfDocument document) throws IOException {
        centred(document.title(), TextStyle.TITLE);
        if (document.reference() != null) {
            centred(document.reference(), TextStyle.REFERENCE);
        }
        page.down(HEADING_GAP);
        List<Block> blocks = document.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (i > 0 && blocks.get(i - 1) instanceof Block.PageBreak && !(block instanceof Block.PageBreak)
                    && !page.atTop()) {
                page.newPage();
            }
            if (block instanceof Block.Heading heading) {
                heading(heading, i + 1 < blocks.size() ? blocks.get(i + 1) : null);
            } else if (block instanceof Block.Paragraph paragraph) {
                paragraph(paragraph);
            } else if (block instanceof Block.FieldList fields) {
                fields(fields);
            } else if (block instanceof Block.Table table) {
                table(table);
            } else if (block instanceof Block.Signatures signatures) {
                signatures(signatures);
            } else if (block instanceof Block.PageBreak) {
                continue; // taken when the next block is painted, so a break at the end adds no blank page
            } else {
                throw new AssertionError("unknown block " + block.getClass());
            }
        }
    }

    private void centred(String text, TextStyle style) throws IOException {
        for (LineBreaker.Line line : page.wrap(text, page.width(), page.width(), style)) {
            page.ensure(style.lineHeight());
            page.centred(line.text(), page.y(), style);
            page.down(style.lineHeight());
        }
    }

    private void heading(Block.Heading heading, Block next) throws IOException {
        List<LineBreaker.Line> lines = page.wrap(heading.text(), page.width(), page.width(), TextStyle.HEADING);
        float height = lines.size() * TextStyle.HEADING.lineHeight();
        page.ensure(HEADING_GAP + height + start(next));
        if (!page.atTop()) {
            page.down(HEADING_GAP - BLOCK_GAP);
        }
        for (LineBreaker.Line line : lines) {
            page.ensure(TextStyle.HEADING.lineHeight());
            page.text(line.text(), page.left(), page.y(), TextStyle.HEADING);
            page.down(TextStyle.HEADING.lineHeight());
        }
        page.down(BLOCK_GAP / 2);
    }

    /** About the height of the first part of {@code next} that a heading keeps on its page. */
    private static float start(Block next) {
        float cellRow = 2 * TextStyle.CELL.lineHeight() + 2 * Grid.PAD_Y;
        if (next instanceof Block.Signatures) {
            return SIGNATURES_GAP + 5 * TextStyle.BODY.lineHeight();
        } else if (next instanceof Block.Table) {
            return 2 * cellRow;
        } else if (next instanceof Block.FieldList) {
            return cellRow;
        }
        return 2 * TextStyle.BODY.lineHeight();
    }

    private void paragraph(Block.Paragraph paragraph) throws IOException {
        float lineHeight = TextStyle.BODY.lineHeight();
        for (LineBreaker.Line line : page.wrap(paragraph.text(), page.width() - INDENT, page.width(), TextStyle.BODY)) {
            page.ensure(lineHeight);
            page.text(line.text(), page.left() + (line.first() ? INDENT : 0), page.y(), TextStyle.BODY);
            page.down(lineHeight);
        }
        page.down(BLOCK_GAP);
    }

    private void fields(Block.FieldList fields) throws IOException {
        float label = 0;
        for (Block.Field field : fields.fields()) {
            label = Math.max(label, page.width(field.label(), TextStyle.CELL) + 2 * Grid.PAD_X);
        }
        label = Math.min(label, page.width() * LABEL_SHARE);
        Grid grid = new Grid(page, new float[] {label, page.width() - label}, true);
        for (Block.Field field : fields.fields()) {
            grid.row(List.of(Grid.Cell.of(field.label(), TextStyle.CELL, LABEL_FILL),
                    Grid.Cell.of(field.value(), TextStyle.CELL, null)));
        }
        grid.end();
        page.down(BLOCK_GAP);
    }

    private void table(Block.Table table) throws IOException {
        List<List<String>> all = new ArrayList<>();
        all.add(table.header());
        all.addAll(table.rows());
        Grid grid = new Grid(page, Grid.columnWidths(all, page.width(), page, TextStyle.CELL), true);
        grid.header(table.header().stream().map(h -> Grid.Cell.of(h, TextStyle.CELL_HEADER, HEADER_FILL)).toList());
        for (List<String> row : table.rows()) {
            grid.row(row.stream().map(c -> Grid.Cell.of(c, TextStyle.CELL, null)).toList());
        }
        grid.end();
        page.down(BLOCK_GAP);
    }

    private void signatures(Block.Signatures signatures) throws IOException {
        float half = page.width() / 2;
        Grid grid = new Grid(page, new float[] {half, half}, false);
        List<Block.Party> parties = signatures.parties();
        page.down(SIGNATURES_GAP - BLOCK_GAP);
        for (int i = 0; i < parties.size(); i += 2) {
            Grid.Cell right = i + 1 < parties.size() ? party(parties.get(i + 1), half) : new Grid.Cell(List.of(), null);
            grid.row(List.of(party(parties.get(i), half), right));
            page.down(BLOCK_GAP);
        }
    }

    private Grid.Cell party(Block.Party party, float width) {
        List<Grid.Piece> pieces = new ArrayList<>();
        String roleAndName = party.role() + "：" + party.name();
        if (page.width(roleAndName, TextStyle.BODY) <= width - 2 * Grid.PAD_X) {
            pieces.add(new Grid.Piece(roleAndName, TextStyle.BODY));
        } else {
            // Rather than break the name at the end of the line, give it a line of its own.
            pieces.add(new Grid.Piece(party.role() + "：", TextStyle.BODY));
            pieces.add(new Grid.Piece(party.name(), TextStyle.BODY));
        }
        pieces.add(new Grid.Piece("签字：" + (party.signer() == null ? BLANK_SIGNER : party.signer()), TextStyle.BODY));
        pieces.add(new Grid.Piece("日期：" + (party.date() == null ? BLANK_DATE : chinese(party.date())), TextStyle.BODY));
        if (party.seal() != null) {
            pieces.add(new Grid.Piece(party.seal(), TextStyle.SEAL));
        }
        return new Grid.Cell(pieces, null);
    }

    /** 2026年3月1日. */
    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
