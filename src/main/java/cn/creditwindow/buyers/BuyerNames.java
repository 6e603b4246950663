package cn.creditwindow.buyers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds company names for matching, so that "ACME Trading Co., Ltd.", "Acme Trading Company Limited" and
 * "acme trading" have one key: accents, case and punctuation go, {@code &} becomes "and", and legal forms
 * (Co., Ltd., LLC, FZE, GmbH, S.A. …) are dropped.
 */
public final class BuyerNames {
    /** Words (after folding) that only say what legal form a company has. */
    private static final Set<String> LEGAL_FORMS = Set.of("co", "company", "ltd", "limited", "llc", "inc",
            "incorporated", "corp", "corporation", "plc", "gmbh", "ag", "sa", "sarl", "srl", "spa", "bv", "nv", "pte",
            "pty", "fze", "fzco", "fzc", "fzllc", "est", "establishment", "llp", "lp", "kg", "oy", "ab", "as", "sdn",
            "bhd", "jsc", "pjsc", "ooo", "tbk", "pt", "the",
            // more legal forms of the sample directory's countries (India, Brazil, Egypt, Peru, Hungary, Lithuania)
            "pvt", "ltda", "sae", "sac", "kft", "uab");
    /** Dotted or spaced spellings of legal forms, joined before splitting. */
    private static final Map<String, String> JOINED = Map.of("s.a.", "sa", "s.a.r.l.", "sarl", "s.r.l.", "srl",
            "l.l.c.", "llc", "s.p.a.", "spa", "b.v.", "bv", "n.v.", "nv", "p.l.c.", "plc", "fz llc", "fzllc",
            "fz-llc", "fzllc");

    /** Chinese legal forms at the end of a Chinese name, longest first (dropped for matching). */
    public static final List<String> CHINESE_LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "责任有限公司", "有限公司",
            "集团公司", "集团", "公司");

    private BuyerNames() {
    }

    /** The words of a name that matter, in order. */
    public static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : JOINED.entrySet()) {
            s = s.replace(e.getKey(), " " + e.getValue() + " ");
        }
        s = s.replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        List<String> words = new ArrayList<>();
        for (String w : s.split(" ")) {
            if (!w.isEmpty() && !LEGAL_FORMS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The folded key of a name: its words joined by single spaces. */
    public static String key(String name) {
        return String.join(" ", words(name));
    }

    /**
     * A Chinese name folded for matching: without spaces, punctuation and its legal form (有限公司 …, kept when
     * nothing else would be left); null for no name.
     */
    public static String zhKey(String nameZh) {
        if (nameZh == null || nameZh.isBlank()) {
            return null;
        }
        String s = nameZh.replaceAll("[\\s\\p{P}\\p{S}]+", "");
        for (String form : CHINESE_LEGAL_FORMS) {
            if (s.endsWith(form) && s.length() > form.length() + 1) {
                return s.substring(0, s.length() - form.length());
            }
        }
        return s.isEmpty() ? null : s;
    }
}
