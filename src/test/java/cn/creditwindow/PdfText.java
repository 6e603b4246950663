package cn.creditwindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PDF's text as the real {@code pdftotext} (Debian's poppler-utils) reads it, so tests see what a user's
 * tools see, Chinese included. The tool is {@code -Dpdftotext=…}, else the first on the PATH; without it the
 * calling test is skipped, except on CI ({@code CI=true}), where it fails.
 */
public final class PdfText {
    private PdfText() {
    }

    /** The text of {@code pdf}; {@code options} go before the file, e.g. {@code "-f", "2", "-l", "2"} for page 2. */
    public static String of(Path pdf, String... options) {
        List<String> command = new ArrayList<>(List.of(tool().toString(), "-enc", "UTF-8"));
        command.addAll(List.of(options));
        command.add(pdf.toString());
        command.add("-");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdftotext finished").isTrue();
            assertThat(process.exitValue()).as("pdftotext exit status").isZero();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("running pdftotext on " + pdf, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pdftotext", e);
        }
    }

    /** The text of a PDF held in memory (written to a temporary file for the tool). */
    public static String of(byte[] pdf, String... options) {
        try {
            Path file = Files.createTempFile("pdftext", ".pdf");
            try {
                return of(Files.write(file, pdf), options);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PDF for pdftotext", e);
        }
    }

    static Path tool() {
        Optional<Path> tool = Optional.ofNullable(System.getProperty("pdftotext")).map(Path::of)
                .or(() -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "pdftotext")).filter(Files::isExecutable)
                        .findFirst())
                .filter(Files::isExecutable);
        if (tool.isEmpty()) {
            String message = "pdftotext not found (-Dpdftotext or the PATH; Debian: apt-get install -y poppler-utils)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + "; on CI it is required");
            }
            Assumptions.abort(message + "; skipping");
        }
        return tool.get();
    }
}
