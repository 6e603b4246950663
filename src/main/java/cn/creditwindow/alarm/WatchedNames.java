package cn.creditwindow.alarm;

import cn.creditwindow.buyers.BuyerNames;
import cn.creditwindow.store.Database;
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
 * <p>Rebuilt from the table when watches change ({@link #rebuild}); names too short to mean anything (fewer than
 * 4 letters in English, 2 characters in Chinese) are left out rather than alerting on every article. Scans are
 * thread-safe: they read an immutable snapshot.
 */
public final class WatchedNames {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final int MIN_LATIN = 4;
    private static final int MIN_HAN = 2;

    private final Database db;
    private volatile Snapshot snapshot = new Snapshot(new WordNode(), new CharNode());

    public WatchedNames(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        rebuild();
    }

    /** A watched buyer named in a text: which buyer, and the name as matched (folded English words or Chinese). */
    public record Found(long buyerId, String matched) {
    }

    /** Reloads the names of the watched buyers (muted or not: whether to alert is decided when alerting). */
    public synchronized void rebuild() {
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
        snapshot = new Snapshot(words, chars);
    }

    /** The watched buyers named in {@code text}, each once (its first match), in order of first occurrence. */
    public List<Found> scan(String text) {
        Snapshot s = snapshot;
        Map<Long, Found> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> words = BuyerNames.words(HAN.matcher(text).replaceAll(" "));
        for (int i = 0; i < words.size(); i++) {
            WordNode n = s.words;
            for (int j = i; j < words.size() && n != null; j++) {
                n = n.children.get(words.get(j));
                if (n != null) {
                    n.ends.forEach((id, name) -> out.putIfAbsent(id, new Found(id, name)));
                }
            }
        }
        String compact = text.replaceAll("\\s+", "");
        for (int i = 0; i < compact.length(); i++) {
            CharNode n = s.chars;
            for (int j = i; j < compact.length() && n != null; j++) {
                n = n.children.get(compact.charAt(j));
                if (n != null) {
                    n.ends.forEach((id, name) -> out.putIfAbsent(id, new Found(id, name)));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private record Snapshot(WordNode words, CharNode chars) {
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
