package cn.creditwindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of README's "Layout", checked over the compiled classes (every class a class file names, in its
 * constant pool: imports, fully qualified names and signatures alike), so that a change that breaks them fails here
 * rather than in a review. #15
 */
class LayersTest {
    /** Below everything: they know no other package of the window but each other. */
    private static final Set<String> FOUNDATIONS = Set.of("store", "validation", "paging", "config", "pdf", "mail",
            "search", "text");
    /** The web toolkit: pages, texts, paging, uploads, JSON; it knows the foundations and no domain. */
    private static final String WEB = "web";
    /** On top: the route table, authentication and error mapping, and the wiring; nothing imports them. */
    private static final Set<String> TOP = Set.of("server", "app");
    private static final Pattern REFERENCE = Pattern.compile("cn/creditwindow/([a-z]+)/");

    private static Map<String, Set<String>> imports;

    @BeforeAll
    static void readClasses() throws IOException {
        imports = new TreeMap<>();
        Path root = Path.of("target/classes/cn/creditwindow");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                // class names in a class file's constant pool are modified UTF-8; ISO-8859-1 keeps their ASCII intact
                Matcher m = REFERENCE.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                Set<String> to = imports.computeIfAbsent(pkg, k -> new TreeSet<>());
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        assertThat(imports).as("compiled packages").containsKeys("web", "server", "app", "search", "claims");
    }

    @Test
    void noPackageCycle() {
        assertThat(cycles()).as("package cycles").isEmpty();
    }

    @Test
    void foundationsImportOnlyFoundations() {
        imports.forEach((pkg, to) -> {
            if (FOUNDATIONS.contains(pkg)) {
                assertThat(to).as(pkg + " imports").isSubsetOf(FOUNDATIONS);
            }
        });
    }

    @Test
    void theWebToolkitKnowsNoDomain() {
        assertThat(imports.get(WEB)).as("web imports").isSubsetOf(FOUNDATIONS);
    }

    @Test
    void onlyTheTopImportsTheTop() {
        imports.forEach((pkg, to) -> {
            if (!TOP.contains(pkg)) {
                assertThat(to).as(pkg + " imports").doesNotContainAnyElementsOf(TOP);
            }
        });
        assertThat(imports.get("server")).as("server imports").doesNotContain("app");
    }

    /** Each strongly connected group of more than one package (Tarjan's algorithm), each a set of the packages in it. */
    private static List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : imports.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Integer> index, Map<String, Integer> low, List<String> stack,
                                List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        for (String w : imports.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) {
                found.add(group);
            }
        }
    }
}
