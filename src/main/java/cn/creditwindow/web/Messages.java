package cn.creditwindow.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The texts of the pages in one language, read from {@code /i18n/messages_<code>.properties} (UTF-8).
 * Both files hold the same keys (a test checks). Immutable and thread-safe.
 */
public final class Messages {
    private final Lang lang;
    private final Map<String, String> texts;

    Messages(Lang lang, Map<String, String> texts) {
        this.lang = Objects.requireNonNull(lang, "lang");
        this.texts = Map.copyOf(texts);
    }

    /** Reads the bundled messages of a language. */
    public static Messages load(Lang lang) {
        String resource = resource(lang);
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " not found");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return new Messages(lang, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    static String resource(Lang lang) {
        return "/i18n/messages_" + lang.code() + ".properties";
    }

    public Lang lang() {
        return lang;
    }

    /**
     * The text for {@code key}, with {@code {0}}, {@code {1}}… replaced by the arguments' string forms.
     * (Plain replacement rather than {@code MessageFormat}, so apostrophes in English need no escaping.)
     *
     * @throws IllegalArgumentException for a key the file does not have: a missing text is a bug, and the
     *                                  page tests render every page in both languages to find it
     */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + resource(lang));
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * A text about {@code n} things: the {@code key.one} text when {@code n} is 1 and the file has one
     * ("1 item"), else the {@code key} text; {@code {0}} is {@code n}, {@code {1}}… the further arguments.
     */
    public String plural(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(n == 1 && texts.containsKey(key + ".one") ? key + ".one" : key, args);
    }

    /** The text for {@code key}, or {@code fallback} when there is none. */
    public String getOrDefault(String key, String fallback) {
        return texts.getOrDefault(key, fallback);
    }

    Set<String> keys() {
        return texts.keySet();
    }
}
