package cn.creditwindow.agreements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of one version of the service agreement in one language, read from
 * {@code agreements/service-agreement-<version>.<zh|en>.txt} on the class path: a {@code # } title line,
 * preamble paragraphs, then {@code ## } clause headings each followed by its paragraphs (one per line).
 * A new version is a new pair of files and a new {@link #CURRENT}; signed agreements keep the version they
 * were signed in.
 */
public record AgreementText(String version, String language, String title, List<String> preamble,
                            List<Clause> clauses) {
    /** The version new agreements are signed in. */
    public static final String CURRENT = "2026.1";

    /** A clause: its heading (第一条 …) and paragraphs. */
    public record Clause(String heading, List<String> paragraphs) {
    }

    public AgreementText {
        preamble = List.copyOf(preamble);
        clauses = List.copyOf(clauses);
    }

    /** Loads a version in {@code zh} or {@code en}; an unknown one is a bug (the version is from our own rows). */
    public static AgreementText load(String version, String language) {
        Objects.requireNonNull(version, "version");
        if (!language.equals("zh") && !language.equals("en")) {
            throw new IllegalArgumentException("agreement language must be zh or en, was " + language);
        }
        String resource = "/agreements/service-agreement-" + version + "." + language + ".txt";
        try (InputStream in = AgreementText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no agreement text " + resource + " on the class path");
            }
            return parse(version, language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static AgreementText parse(String version, String language, BufferedReader lines) throws IOException {
        String title = null;
        List<String> preamble = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("## ")) {
                if (heading != null) {
                    clauses.add(new Clause(heading, List.copyOf(paragraphs)));
                }
                heading = l.substring(3).strip();
                paragraphs.clear();
            } else if (l.startsWith("# ")) {
                title = l.substring(2).strip();
            } else if (heading == null) {
                preamble.add(l);
            } else {
                paragraphs.add(l);
            }
        }
        if (heading != null) {
            clauses.add(new Clause(heading, List.copyOf(paragraphs)));
        }
        if (title == null || clauses.isEmpty()) {
            throw new IllegalStateException("agreement text " + version + "." + language + " needs a title and clauses");
        }
        return new AgreementText(version, language, title, preamble, clauses);
    }
}
