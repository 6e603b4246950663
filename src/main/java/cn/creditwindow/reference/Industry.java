package cn.creditwindow.reference;

import java.util.List;
import java.util.Objects;

/**
 * One industry: a GB/T 4754-2017 section (门类, code {@code A}..{@code T}) or division (大类, two digits),
 * or one of the key industries named in export policy documents (a slug such as {@code photovoltaics}).
 *
 * @param code     the code articles are tagged with
 * @param parent   the parent's code, or null for a root (a section, or {@code new-energy})
 * @param nameZh   the Chinese name (for GB/T codes, the standard's wording)
 * @param nameEn   the English name
 * @param keywords Chinese terms (at least two characters each) whose presence in a news text signals the
 *                 industry; may be empty
 */
public record Industry(String code, String parent, String nameZh, String nameEn, List<String> keywords) {

    public Industry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        keywords = List.copyOf(keywords);
        if (code.isBlank() || nameZh.isBlank() || nameEn.isBlank()) {
            throw new IllegalArgumentException("industry '" + code + "': code, nameZh and nameEn must not be blank");
        }
        if (parent != null && parent.isBlank()) {
            throw new IllegalArgumentException("industry " + code + ": parent must be null or a code, not blank");
        }
        for (String keyword : keywords) {
            if (keyword.strip().length() < 2) {
                throw new IllegalArgumentException("industry " + code + ": keyword '" + keyword
                        + "' is shorter than two characters and would fire on unrelated text");
            }
        }
    }

    /** True when this industry has no parent. */
    public boolean isRoot() {
        return parent == null;
    }
}
