package cn.creditwindow.alarm;

import cn.creditwindow.buyers.BuyerNames;
import cn.creditwindow.store.Changes;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of every watched buyer, in two tries scanned once per text: English names as sequences of folded
 * words ({@link BuyerNames}: case, punctuation and legal forms do not matter, and a name matches only whole
 * words: "Desert Rose Trading" in a title finds the buyer "Desert Rose Trading LLC", "Desert Roses" does not),
 * Chinese names as characters without their legal form (沙漠玫瑰贸易 finds 沙漠玫瑰贸易有限责任公司). Every match
 * at every position is reported (a name inside a longer watched name too), so a scan costs the text's length
 * times the depth of the tries, whatever the number of watched buyers.
 *
 * <p>Rebuilt from the table when watches have changed, through this node or another: a watch added or ended records
 * a change of the topic {@code watches} ({@link #changed}), and {@link #current} reads the topic's generation (one
 * primary-key read, {@link Changes}) and rebuilds when it moved. Names too short to mean anything (fewer than 4
 * letters in English, 2 characters in Chinese) are left out rather than alerting on every article. Thread-safe:
 * scans read an immutable snapshot.
 */
public final class WatchedNames {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final int MIN_LATIN = 4;
    private static final int MIN_HAN = 2;

    /** The changes of the watch lists: a watch added or ended takes one, in its transaction. */
    private static final Changes CHANGES = Changes.of("watches");

    private final Database db;
    private volatile Snapshot snapshot;

    public WatchedNames(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.snapshot = build(CHANGES.generation(db));
    }

    /**
     * Records in {@code tx}, the transaction that adds or ends a watch, that the watched names change: every node's
     * names are rebuilt before their next scan once it has committed. Locks the topic's counter until {@code tx} ends.
     */
    static void changed(Tx tx) {
        CHANGES.record(tx);
    }

    /** A watched buyer named in a text: which buyer, and the name as matched (folded English words or Chinese). */
    public record Found(long buyerId, String matched) {
    }

    /**
     * The names watched now, rebuilt first if watches changed since the last look (through any node): one
     * primary-key read when they did not. Scan a batch of texts with one snapshot.
     */
    public Snapshot current() {
        long generation = CHANGES.generation(db);
        Snapshot s = snapshot;
        if (s.generation >= generation) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s.generation < generation) {
                s = build(generation);
                snapshot = s;
            }
            return s;
        }
    }

    /** The watched buyers named in {@code text}: {@link #current()}, then {@link Snapshot#scan}. */
    public List<Found> scan(String text) {
        return current().scan(text);
    }

    /**
     * The names of the watched buyers (muted or not: whether to alert is decided when alerting), read from the table
     * after the {@code generation} was read, so the snapshot holds at least that generation.
     */
    private Snapshot build(long generation) {
        WordNode words = new WordNode();
        CharNode chars = new CharNode();
        db.read(tx -> tx.list("SELECT DISTINCT b.id, b.name_en, b.name_zh FROM buyers b"
                + " JOIN watches w ON w.buyer_id = b.id", r -> {
                    long id = r.longValue("id");
                    List<String> ws = BuyerNames.words(HAN.matcher(r.string("name_en")).replaceAll(" "));
                    if (String.join("", ws).length() >= MIN_LATIN) {
                        WordNode n = words;
                        for (String w : ws) {
                            n = n.children.computeIfAbsent(w, k -> new WordNode());
                        }
                        n.add(id, String.join(" ", ws));
                    }
                    String zh = BuyerNames.zhKey(r.string("name_zh"));
                    if (zh != null && zh.length() >= MIN_HAN) {
                        CharNode n = chars;
                        for (int i = 0; i < zh.length(); i++) {
                            n = n.children.computeIfAbsent(zh.charAt(i), k -> new CharNode());
                        }
                        n.add(id, zh);
                    }
                    return id;
                }));
        return new Snapshot(generation, words, chars);
    }

    /** The watched names as of one generation of the watch lists; immutable. */
    public static final class Snapshot {
        private final long generation;
        private final WordNode words;
        private final CharNode chars;

        private Snapshot(long generation, WordNode words, CharNode chars) {
            this.generation = generation;
            this.words = words;
            this.chars = chars;
        }

        /** The watched buyers named in {@code text}, each once (its first match), in order of first occurrence. */
        public List<Found> scan(String text) {
            if (text == null || text.isEmpty()) {
                return List.of();
            }
            Map<Long, Found> out = new LinkedHashMap<>();
            List<String> inText = BuyerNames.words(HAN.matcher(text).replaceAll(" "));
            for (int i = 0; i < inText.size(); i++) {
                WordNode n = words;
                for (int j = i; j < inText.size() && n != null; j++) {
                    n = n.children.get(inText.get(j));
                    if (n != null) {
                        n.ends.forEach((id, name) -> out.putIfAbsent(id, new Found(id, name)));
                    }
                }
            }
            String compact = text.replaceAll("\\s+", "");
            for (int i = 0; i < compact.length(); i++) {
                CharNode n = chars;
                for (int j = i; j < compact.length() && n != null; j++) {
                    n = n.children.get(compact.charAt(j));
                    if (n != null) {
                        n.ends.forEach((id, name) -> out.putIfAbsent(id, new Found(id, name)));
                    }
                }
            }
            return new ArrayList<>(out.values());
        }
    }

    private static final class WordNode {
        final Map<String, WordNode> children = new HashMap<>();
        final Map<Long, String> ends = new LinkedHashMap<>(0);

        void add(long id, String name) {
            ends.put(id, name);
        }
    }

    private static final class CharNode {
        final Map<Character, CharNode> children = new HashMap<>();
        final Map<Long, String> ends = new LinkedHashMap<>(0);

        void add(long id, String name) {
            ends.put(id, name);
        }
    }
}
