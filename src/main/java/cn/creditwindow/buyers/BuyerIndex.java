package cn.creditwindow.buyers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The buyer directory's search index, in memory: each buyer's folded English words ({@link BuyerNames}) in an
 * inverted index, its Chinese name, country and owner. A search matches every query word exactly, with a small
 * typo (1 edit in words of 5–8 letters, 2 in words of 9 or more; a swap of two neighbours is one edit) or, for
 * the last word as it is being typed, as a prefix; it ranks the buyers whose folded name <em>is</em> the query
 * first, then those with all the words, then those found with typos or prefixes.
 *
 * <p>Why in memory and not Lucene or SQL: 100,000 buyers take about 20 MB here, a typo search scans only the
 * distinct words (tens of thousands) and the postings of those that match, and the ranking is ours, tier by
 * tier; see {@code BuyerSearchTest} for the measured figures. {@link Buyers} owns it and keeps it in step with
 * the table, on every node: loaded at start, then given the buyers added since (through any node) before each
 * search, found by their change numbers ({@code store.Changes}).
 *
 * <p>Thread-safe: searches share a read lock, additions take the write lock.
 */
final class BuyerIndex {
    /** How well a buyer matched, best first. */
    enum Match { EXACT, ALL_WORDS, FUZZY }

    /** What the index keeps of a buyer. */
    record Entry(long id, String key, List<String> words, String zhKey, String country, Long owner, String nameEn) {
    }

    /** A buyer found, with how well it matched and how far (in edits) its words were from the query's. */
    record Found(Entry entry, Match match, int cost) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Entry> byId = new HashMap<>();
    /** Word → buyers, sorted so that the words starting with a prefix are one range. */
    private final java.util.TreeMap<String, Set<Long>> postings = new java.util.TreeMap<>();
    /** The distinct words by length, so that a typo search compares only words of a length within reach. */
    private final Map<Integer, List<String>> byLength = new HashMap<>();

    /** Adds or replaces a buyer. */
    void put(Buyer b) {
        Entry e = new Entry(b.id(), BuyerNames.key(b.nameEn()), BuyerNames.words(b.nameEn()), BuyerNames.zhKey(b.nameZh()),
                b.countryCode(), b.addedByEnterpriseId(), b.nameEn());
        lock.writeLock().lock();
        try {
            Entry old = byId.put(e.id(), e);
            if (old != null) {
                for (String w : old.words()) {
                    Set<Long> ids = postings.get(w);
                    if (ids != null) {
                        ids.remove(old.id());
                    }
                }
            }
            for (String w : e.words()) {
                postings.computeIfAbsent(w, k -> {
                    byLength.computeIfAbsent(k.length(), n -> new ArrayList<>()).add(k);
                    return new HashSet<>();
                }).add(e.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The buyers matching {@code query} (its Latin words and its Chinese part; an empty query matches every buyer)
     * that {@code keep} keeps, best first; within a tier fewer edits, then fewer extra words, then by name.
     */
    List<Found> search(String query, Predicate<Entry> keep) {
        List<String> latin = new ArrayList<>();
        StringBuilder zh = new StringBuilder();
        for (String w : BuyerNames.words(query)) {
            if (w.codePoints().anyMatch(BuyerIndex::isCjk)) {
                zh.append(w);
            } else {
                latin.add(w);
            }
        }
        String zhQuery = BuyerNames.zhKey(zh.toString());
        zhQuery = zhQuery == null ? "" : zhQuery;
        String qKey = String.join(" ", latin);
        lock.readLock().lock();
        try {
            List<Found> found = new ArrayList<>();
            for (Entry e : candidates(latin)) {
                if (!keep.test(e)) {
                    continue;
                }
                Found f = score(e, latin, qKey, zhQuery);
                if (f != null) {
                    found.add(f);
                }
            }
            found.sort(Comparator.comparing(Found::match).thenComparingInt(Found::cost)
                    .thenComparingInt(f -> f.entry().words().size())
                    .thenComparing(f -> f.entry().nameEn()).thenComparingLong(f -> f.entry().id()));
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Buyers with, for every Latin query word, some word close enough (all buyers without Latin words). */
    private Iterable<Entry> candidates(List<String> latin) {
        if (latin.isEmpty()) {
            return byId.values();
        }
        Set<Long> ids = null;
        for (int i = 0; i < latin.size(); i++) {
            Set<Long> forWord = new HashSet<>();
            for (String vocab : close(latin.get(i), i == latin.size() - 1).keySet()) {
                forWord.addAll(postings.get(vocab));
            }
            if (ids == null) {
                ids = forWord;
            } else {
                ids.retainAll(forWord);
            }
            if (ids.isEmpty()) {
                return List.of();
            }
        }
        List<Entry> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            out.add(byId.get(id));
        }
        return out;
    }

    /** The indexed words close to {@code word}, each with its cost (0 exact, else edits; a prefix costs 1). */
    private Map<String, Integer> close(String word, boolean last) {
        Map<String, Integer> out = new HashMap<>();
        int max = maxEdits(word);
        if (postings.containsKey(word)) {
            out.put(word, 0);
        }
        for (int len = Math.max(1, word.length() - max); max > 0 && len <= word.length() + max; len++) {
            for (String v : byLength.getOrDefault(len, List.of())) {
                int d = distance(word, v, max);
                if (d <= max && !out.containsKey(v)) {
                    out.put(v, d);
                }
            }
        }
        if (last && word.length() >= 3) {
            for (String v : postings.subMap(word, false, word + Character.MAX_VALUE, false).keySet()) {
                out.putIfAbsent(v, 1);
            }
        }
        out.keySet().removeIf(v -> postings.get(v).isEmpty());
        return out;
    }

    private static Found score(Entry e, List<String> latin, String qKey, String zhQuery) {
        Match match = Match.EXACT;
        int cost = 0;
        if (!zhQuery.isEmpty()) {
            if (e.zhKey() == null || !e.zhKey().contains(zhQuery)) {
                return null;
            }
            if (!e.zhKey().equals(zhQuery)) {
                match = Match.ALL_WORDS;
            }
        }
        if (!latin.isEmpty()) {
            Match latinMatch = e.key().equals(qKey) ? Match.EXACT : Match.ALL_WORDS;
            for (int i = 0; i < latin.size(); i++) {
                int best = bestCost(latin.get(i), e.words(), i == latin.size() - 1);
                if (best < 0) {
                    return null;
                }
                if (best > 0) {
                    latinMatch = Match.FUZZY;
                }
                cost += best;
            }
            match = latinMatch.compareTo(match) > 0 ? latinMatch : match;
        }
        if (latin.isEmpty() && zhQuery.isEmpty()) {
            match = Match.ALL_WORDS;
        }
        return new Found(e, match, cost);
    }

    private static int bestCost(String q, List<String> words, boolean last) {
        int max = maxEdits(q);
        int best = -1;
        for (String w : words) {
            int d = w.equals(q) ? 0 : distance(q, w, max);
            if (d > max && last && q.length() >= 3 && w.startsWith(q)) {
                d = 1; // a prefix, as typed: counts as one edit whatever the word's length
            } else if (d > max) {
                continue;
            }
            if (best < 0 || d < best) {
                best = d;
            }
        }
        return best;
    }

    /** Typos allowed in a query word: none below 5 letters, 1 up to 8, 2 from 9. */
    static int maxEdits(String word) {
        return word.length() >= 9 ? 2 : word.length() >= 5 ? 1 : 0;
    }

    /**
     * The optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours), or
     * {@code max + 1} as soon as it must exceed {@code max}.
     */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN;
    }
}
