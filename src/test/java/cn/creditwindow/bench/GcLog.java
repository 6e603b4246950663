package cn.creditwindow.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's GC log ({@code -Xlog:gc:file=…}, the default decorations) says from some point on: the stop-the-world
 * pauses (young, mixed, remark, cleanup, full), the longest, and the concurrent marking cycles of G1.
 */
final class GcLog {
    /** Pauses and cycles; times in milliseconds. */
    record Summary(int pauses, double maxPauseMs, double totalPauseMs, int concurrentCycles, int fullPauses) {
    }

    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (\\S+).* (\\d+(?:\\.\\d+)?)ms$");
    private static final Pattern CYCLE = Pattern.compile("GC\\(\\d+\\) Concurrent (?:Mark|Undo) Cycle \\d+(?:\\.\\d+)?ms$");

    private GcLog() {
    }

    /** How long the log is now: pass it to {@link #since} to read only what comes after. */
    static long mark(Path log) throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** What the log says after {@code offset} bytes (a {@link #mark}). */
    static Summary since(Path log, long offset) throws IOException {
        String text;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, f.length() - offset)];
            f.seek(offset);
            f.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        int pauses = 0;
        int full = 0;
        int cycles = 0;
        double max = 0;
        double total = 0;
        for (String line : text.split("\n")) {
            Matcher p = PAUSE.matcher(line.strip());
            if (p.find()) {
                double ms = Double.parseDouble(p.group(2));
                pauses++;
                full += p.group(1).equals("Full") ? 1 : 0;
                max = Math.max(max, ms);
                total += ms;
            } else if (CYCLE.matcher(line.strip()).find()) {
                cycles++;
            }
        }
        return new Summary(pauses, max, total, cycles, full);
    }
}
