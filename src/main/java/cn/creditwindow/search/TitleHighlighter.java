package cn.creditwindow.search;

import cn.creditwindow.search.analysis.SearchText;

import java.util.List;

/**
 * Marks keyword occurrences in a title, with the same notion of "occurs" as the recall query:
 * substring of the {@link SearchText}-normalised text, Latin keywords only at the start of a word.
 * Because normalisation maps char to char, positions in the normalised title are positions in the
 * original.
 */
final class TitleHighlighter {
    private TitleHighlighter() {
    }

    /** The title as escaped HTML with every occurrence of a keyword wrapped in {@code <em>}. */
    static String highlight(String title, List<String> keywords) {
        if (keywords.isEmpty()) {
            return escape(title, 0, title.length(), new StringBuilder(title.length() + 16)).toString();
        }
        String text = SearchText.normalize(title);
        boolean[] marked = new boolean[title.length()];
        for (String keyword : keywords) {
            String needle = SearchText.normalize(keyword).strip();
            if (needle.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                if (startsWord(text, at, needle)) {
                    for (int i = at; i < at + needle.length(); i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        StringBuilder html = new StringBuilder(title.length() + 32);
        int i = 0;
        while (i < title.length()) {
            int j = i;
            while (j < title.length() && marked[j] == marked[i]) {
                j++;
            }
            if (marked[i]) {
                escape(title, i, j, html.append("<em>")).append("</em>");
            } else {
                escape(title, i, j, html);
            }
            i = j;
        }
        return html.toString();
    }

    /** Where each keyword occurs: used by tests and oracles that share this rule. */
    static boolean occurs(String title, String keyword) {
        String text = SearchText.normalize(title);
        String needle = SearchText.normalize(keyword).strip();
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            if (startsWord(text, at, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWord(String text, int at, String needle) {
        return at == 0 || !SearchText.isWordChar(needle.charAt(0)) || !SearchText.isWordChar(text.charAt(at - 1));
    }

    static StringBuilder escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
