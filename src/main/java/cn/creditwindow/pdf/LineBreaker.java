package cn.creditwindow.pdf;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Wraps text into lines no wider than a width, at the break opportunities of Unicode's line breaking
 * algorithm (UAX #14, through ICU) for Chinese: between any two Chinese characters, except before closing
 * punctuation (，。、）》”) and after opening punctuation (（《“); after spaces and hyphens between Latin
 * words, never inside a word unless the word alone is wider than the line, when it is split at the last
 * character that fits. Line feeds are hard breaks; tabs count as spaces; spaces at the end of a wrapped
 * line are dropped.
 */
final class LineBreaker {
    private LineBreaker() {
    }

    /** A wrapped line; {@code first} when it starts a line-feed-separated part of the text. */
    record Line(String text, boolean first) {
    }

    /**
     * Wraps {@code text}.
     *
     * @param firstWidth the width of the first line of each part (narrower when it is indented)
     * @param width      the width of the other lines
     * @param measure    the width of a string, in the same unit
     * @return at least one line (an empty text gives one empty line)
     */
    static List<Line> wrap(String text, double firstWidth, double width, ToDoubleFunction<String> measure) {
        List<Line> lines = new ArrayList<>();
        for (String part : normalise(text).split("\n", -1)) {
            wrapPart(part, firstWidth, width, measure, lines);
        }
        return lines;
    }

    /** The width of the widest piece of {@code text} that no line break can split (its longest word). */
    static double widestUnbreakable(String text, ToDoubleFunction<String> measure) {
        String normalised = normalise(text);
        BreakIterator breaks = lineBreaks(normalised);
        double widest = 0;
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            widest = Math.max(widest, measure.applyAsDouble(normalised.substring(start, end).strip()));
        }
        return widest;
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    }

    private static BreakIterator lineBreaks(String text) {
        BreakIterator breaks = BreakIterator.getLineInstance(ULocale.SIMPLIFIED_CHINESE);
        breaks.setText(text);
        return breaks;
    }

    private static void wrapPart(String part, double firstWidth, double width, ToDoubleFunction<String> measure,
            List<Line> lines) {
        BreakIterator breaks = lineBreaks(part);
        int lineStart = 0;
        int fitEnd = 0; // the furthest break opportunity whose text fits on the current line
        double fitWidth = 0; // the width of part[lineStart, fitEnd), trailing spaces included
        boolean first = true;
        int end = breaks.following(0);
        while (end != BreakIterator.DONE) {
            double available = first ? firstWidth : width;
            String segment = part.substring(fitEnd, end);
            if (fitWidth + measure.applyAsDouble(segment.stripTrailing()) <= available) {
                fitWidth += measure.applyAsDouble(segment);
                fitEnd = end;
                end = breaks.next();
            } else if (fitEnd > lineStart) {
                lines.add(new Line(part.substring(lineStart, fitEnd).stripTrailing(), first));
                lineStart = fitEnd;
                fitWidth = 0;
                first = false;
            } else {
                // One word wider than the line: split it at the last character that fits (at least one).
                int cut = lastFitting(part, lineStart, end, available, measure);
                lines.add(new Line(part.substring(lineStart, cut), first));
                lineStart = cut;
                fitEnd = cut;
                first = false;
            }
        }
        if (lineStart < part.length() || first) {
            lines.add(new Line(part.substring(lineStart).stripTrailing(), first));
        }
    }

    private static int lastFitting(String text, int start, int end, double available, ToDoubleFunction<String> measure) {
        int cut = text.offsetByCodePoints(start, 1);
        while (cut < end) {
            int next = text.offsetByCodePoints(cut, 1);
            if (measure.applyAsDouble(text.substring(start, next)) > available) {
                break;
            }
            cut = next;
        }
        return cut;
    }
}
