package cn.creditwindow.reference;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A character trie of phrases, each mapped to codes, scanned left to right with longest match. Written
 * by hand because it is small (about 200 lines) and the scan is on the ingest path: no allocation per
 * character, sorted {@code char[]} children with binary search. Lucene's analyzers would tokenise first
 * and split names such as {@code 几内亚比绍}; a regex alternation of the ~3,000 names would not give
 * stop phrases, the look-ahead below or the Latin word rules without extra passes.
 *
 * <p>Rules of {@link #scan}:
 * <ul>
 *   <li>At each position the longest phrase starting there wins, and scanning resumes after it.</li>
 *   <li>A phrase mapped to no codes is a <em>stop phrase</em>: it matches and consumes text but tags
 *       nothing ({@code 内蒙古} hides {@code 蒙古}, {@code 中美洲} hides {@code 中美}).</li>
 *   <li>One character of look-ahead: a tagging match yields to a tagging match starting one character
 *       later that ends further, so {@code 中印度尼西亚} is Indonesia, not {@code 中印} (India) + rest.
 *       It never yields to a stop phrase ({@code 越南亚洲} stays Vietnam).</li>
 *   <li>Phrases compare after {@link Fold} (width, accents, ASCII case). A phrase with upper-case letters
 *       and no lower-case ones ({@code US}, {@code U.A.E.}) must match with exactly that case.</li>
 *   <li>A phrase that starts (ends) with a Latin letter or digit only matches where the text does not
 *       continue the word before (after) it: {@code US} never fires inside {@code USB} or {@code BUS}.</li>
 * </ul>
 * Immutable and thread-safe once built.
 */
final class PhraseTrie {
    private final Node root;

    private PhraseTrie(Node root) {
        this.root = root;
    }

    /** Adds the codes of every match in {@code text} to {@code out}, in order of occurrence. */
    void scan(CharSequence text, Collection<? super String> out) {
        int n = text.length();
        int[] end = new int[1];
        int i = 0;
        while (i < n) {
            Entry match = longestAt(text, i, end);
            if (match == null) {
                i++;
                continue;
            }
            int matchEnd = end[0];
            if (!match.codes.isEmpty() && i + 1 < n) {
                Entry next = longestAt(text, i + 1, end);
                if (next != null && !next.codes.isEmpty() && end[0] > matchEnd) {
                    i++;
                    continue;
                }
            }
            out.addAll(match.codes);
            i = matchEnd;
        }
    }

    /** The longest acceptable phrase starting at {@code start}, its end stored in {@code end[0]}; or null. */
    private Entry longestAt(CharSequence text, int start, int[] end) {
        Entry best = null;
        Node node = root;
        for (int j = start; j < text.length(); j++) {
            node = node.child(Fold.key(text.charAt(j)));
            if (node == null) {
                break;
            }
            for (Entry entry : node.entries) {
                if (entry.accepts(text, start, j + 1)) {
                    best = entry;
                    end[0] = j + 1;
                    break;
                }
            }
        }
        return best;
    }

    /** Collects phrases; later calls for the same phrase merge or replace codes as documented. */
    static final class Builder {
        private final BuildNode root = new BuildNode();

        /** Maps {@code phrase} to {@code codes} too, keeping codes it already has. */
        Builder add(String phrase, List<String> codes) {
            BuildNode node = nodeFor(phrase);
            boolean abbreviation = Entry.isAbbreviation(phrase);
            Entry existing = node.entry(abbreviation);
            Set<String> merged = new LinkedHashSet<>(existing == null ? List.of() : existing.codes);
            merged.addAll(codes);
            node.put(abbreviation, new Entry(phrase, List.copyOf(merged)));
            return this;
        }

        /** Maps {@code phrase} to exactly {@code codes} (empty: a stop phrase), dropping what it had. */
        Builder replace(String phrase, List<String> codes) {
            nodeFor(phrase).put(Entry.isAbbreviation(phrase), new Entry(phrase, List.copyOf(codes)));
            return this;
        }

        PhraseTrie build() {
            return new PhraseTrie(root.freeze());
        }

        private BuildNode nodeFor(String phrase) {
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException("a phrase must not be empty");
            }
            BuildNode node = root;
            for (int i = 0; i < phrase.length(); i++) {
                node = node.children.computeIfAbsent(Fold.key(phrase.charAt(i)), c -> new BuildNode());
            }
            return node;
        }
    }

    private static final class BuildNode {
        final Map<Character, BuildNode> children = new TreeMap<>();
        // One phrase may exist as an abbreviation (US) and as a case-insensitive word (us) under one key.
        Entry abbreviation;
        Entry word;

        Entry entry(boolean isAbbreviation) {
            return isAbbreviation ? abbreviation : word;
        }

        void put(boolean isAbbreviation, Entry entry) {
            if (isAbbreviation) {
                abbreviation = entry;
            } else {
                word = entry;
            }
        }

        Node freeze() {
            char[] keys = new char[children.size()];
            Node[] next = new Node[children.size()];
            int k = 0;
            for (Map.Entry<Character, BuildNode> child : children.entrySet()) {
                keys[k] = child.getKey();
                next[k++] = child.getValue().freeze();
            }
            // The abbreviation is tried first: it is the stricter rule.
            Entry[] entries = abbreviation == null
                    ? (word == null ? new Entry[0] : new Entry[] {word})
                    : (word == null ? new Entry[] {abbreviation} : new Entry[] {abbreviation, word});
            return new Node(keys, next, entries);
        }
    }

    private static final class Node {
        final char[] keys;
        final Node[] next;
        final Entry[] entries;

        Node(char[] keys, Node[] next, Entry[] entries) {
            this.keys = keys;
            this.next = next;
            this.entries = entries;
        }

        Node child(char key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? next[at] : null;
        }
    }

    private static final class Entry {
        final char[] form;
        final boolean exactCase;
        final boolean latinStart;
        final boolean latinEnd;
        final List<String> codes;

        Entry(String phrase, List<String> codes) {
            this.form = new char[phrase.length()];
            for (int i = 0; i < form.length; i++) {
                form[i] = Fold.fold(phrase.charAt(i));
            }
            this.exactCase = isAbbreviation(phrase);
            this.latinStart = Fold.isLatinWordChar(form[0]);
            this.latinEnd = Fold.isLatinWordChar(form[form.length - 1]);
            this.codes = Objects.requireNonNull(codes, "codes");
        }

        /** True for an abbreviation: upper-case letters and no lower-case ones. */
        static boolean isAbbreviation(String phrase) {
            boolean upper = false;
            for (int i = 0; i < phrase.length(); i++) {
                char c = Fold.fold(phrase.charAt(i));
                if (Character.isLowerCase(c)) {
                    return false;
                }
                upper |= Character.isUpperCase(c);
            }
            return upper;
        }

        boolean accepts(CharSequence text, int start, int end) {
            if (exactCase) {
                for (int i = start; i < end; i++) {
                    if (Fold.fold(text.charAt(i)) != form[i - start]) {
                        return false;
                    }
                }
            }
            if (latinStart && start > 0 && Fold.isLatinWordChar(Fold.fold(text.charAt(start - 1)))) {
                return false;
            }
            return !(latinEnd && end < text.length() && Fold.isLatinWordChar(Fold.fold(text.charAt(end))));
        }
    }
}
